import { describe, expect, it } from 'vitest';
import { readXmile } from '../../../../model/sd';
import {
  chartedVariables,
  defaultChartVariables,
  displayUnits,
  groupByUnits,
  unitsOf,
  type ChartableVariable,
} from '../../../../renderer/src/dynamics/charts/chart-variables';

const variable = (name: string, kind: ChartableVariable['kind']): ChartableVariable => ({
  id: name.toLowerCase().replace(/ /g, '_'),
  name,
  kind,
});

const variables = [
  variable('Heat Loss', 'flow'),
  variable('Room Temperature', 'aux'),
  variable('Teacup Temperature', 'stock'),
  variable('Cash', 'stock'),
  variable('Staff', 'stock'),
];

describe('charted variables', () => {
  it('defaults to the stocks, with the selected variable first', () => {
    expect(defaultChartVariables(variables, undefined)).toEqual(['Teacup Temperature', 'Cash', 'Staff']);
    expect(defaultChartVariables(variables, 'room temperature', 2)).toEqual([
      'Room Temperature',
      'Teacup Temperature',
      'Cash',
    ]);
    expect(defaultChartVariables([variable('A', 'aux')], undefined)).toEqual(['A']);
  });

  it('shows the selection, then the choice or the defaults, without repeats or unknown names', () => {
    expect(chartedVariables(variables, undefined, undefined, ['Cash', 'Profit'])).toEqual(['Cash']);
    expect(chartedVariables(variables, undefined, undefined, ['Profit'])).toEqual([
      'Teacup Temperature',
      'Cash',
      'Staff',
    ]);
    expect(chartedVariables(variables, ['heat_loss', 'Cash'], 'Cash')).toEqual(['Cash', 'Heat Loss']);
    expect(chartedVariables(variables, [], 'Nothing')).toEqual([]);
  });

  it('adds the variable measured data are compared with after the others, once', () => {
    expect(chartedVariables(variables, ['Cash'], undefined, [], 'heat loss')).toEqual(['Cash', 'Heat Loss']);
    expect(chartedVariables(variables, ['Cash'], undefined, [], 'cash')).toEqual(['Cash']);
  });

  it('groups by units as written, case and spacing aside, in first-seen order', () => {
    const units: Record<string, string | undefined> = {
      A: 'people',
      B: 'dollars',
      C: 'People',
      D: undefined,
    };
    expect(groupByUnits(['A', 'B', 'C', 'D'], (name) => units[name])).toEqual([
      { units: 'people', names: ['A', 'C'] },
      { units: 'dollars', names: ['B'] },
      { units: undefined, names: ['D'] },
    ]);
  });

  it('reads units from the document and hides dimensionless ones', () => {
    const read = readXmile(
      `<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><header/>
      <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
      <model><variables>
        <aux name="Share"><eqn>0.5</eqn><units>dmnl</units></aux>
        <aux name="Staff"><eqn>5</eqn><units> people </units></aux>
      </variables></model></xmile>`,
    );
    if (!read.ok) throw new Error(read.errors[0]?.message);
    expect(unitsOf(read.value, 'share')).toBeUndefined();
    expect(unitsOf(read.value, 'STAFF')).toBe('people');
    expect(unitsOf(read.value, 'Missing')).toBeUndefined();
    expect(displayUnits('Dimensionless')).toBeUndefined();
    expect(displayUnits('1')).toBeUndefined();
  });
});
