import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile, simulate, type ModelDocument } from '../../../../model/sd';
import type { RunSeries } from '../../../../renderer/src/dynamics/engine/protocol';
import { kpiText } from '../../../../renderer/src/dynamics/charts/kpi-format';
import {
  evaluateKpi,
  evaluateKpis,
  finalValue,
  integrate,
  kpisFor,
  kpiVariables,
  type KpiDefinition,
} from '../../../../renderer/src/dynamics/charts/kpis';

const ROOT = resolve(import.meta.dirname, '../../../..');

function documentOf(text: string): ModelDocument {
  const read = readXmile(text);
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

const run = (time: number[], series: Record<string, number[]>): RunSeries => ({
  names: Object.keys(series),
  ids: Object.keys(series).map((name) => name.toLowerCase().replace(/ /g, '_')),
  time: Float64Array.from(time),
  series: Object.values(series).map((values) => Float64Array.from(values)),
});

const roi: KpiDefinition = {
  kind: 'return-on-spend',
  id: 'roi',
  label: 'Return',
  gain: 'Cumulative profit',
  spendRates: ['Training spending'],
  better: 'higher',
};

describe('KPIs', () => {
  it('uses the empathy model’s six KPIs for the sample model', () => {
    const document = documentOf(readFileSync(resolve(ROOT, 'sample-data/empathy-smb.xmile'), 'utf8'));
    const kpis = kpisFor(document);
    expect(kpis.map((kpi) => kpi.label)).toEqual([
      'Employee retention',
      'Customers',
      'Innovations',
      'Revenue',
      'Cumulative profit',
      'Return on empathy spend',
    ]);
    expect(kpis.map((kpi) => kpi.units)).toEqual([
      undefined,
      'customers',
      'ideas',
      'dollars/Month',
      'dollars',
      undefined,
    ]);
    expect(kpiVariables(kpis)).toEqual([
      'Employee retention',
      'Customers',
      'Innovations',
      'Revenue',
      'Cumulative profit',
    ]);
  });

  it('falls back to the final values of the stocks for any other model', () => {
    const teacup = readFileSync(
      resolve(ROOT, 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile'),
      'utf8',
    );
    expect(kpisFor(documentOf(teacup))).toEqual([
      {
        kind: 'final',
        id: 'stock:teacup_temperature',
        label: 'Teacup Temperature',
        variable: 'Teacup Temperature',
        format: 'number',
        units: undefined,
      },
    ]);
  });

  it('takes the value at the horizon and its change against the reference', () => {
    const current = run([0, 1, 2], { Customers: [100, 110, 130] });
    const baseline = run([0, 1, 2], { Customers: [100, 105, 104] });
    const definition: KpiDefinition = {
      kind: 'final',
      id: 'c',
      label: 'Customers',
      variable: 'customers',
      format: 'number',
      better: 'higher',
    };
    expect(finalValue(current, 'CUSTOMERS')).toBe(130);
    expect(evaluateKpi(definition, current, baseline)).toMatchObject({
      value: 130,
      reference: 104,
      change: 26,
    });
    expect(evaluateKpi(definition, current, undefined)).toMatchObject({ value: 130, change: undefined });
    expect(evaluateKpi({ ...definition, variable: 'Missing' }, current, baseline).value).toBeUndefined();
  });

  it('integrates a rate as Euler accumulates it in a stock (mass balance)', () => {
    const document = documentOf(`<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
      <header/><sim_specs><start>0</start><stop>12</stop><dt>0.25</dt></sim_specs>
      <model><variables>
        <stock name="Spent"><eqn>0</eqn><inflow>Spending</inflow></stock>
        <flow name="Spending"><eqn>100 + 20 * TIME + 50 * SIN(TIME)</eqn></flow>
      </variables></model></xmile>`);
    const compiled = compileModel(document);
    if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
    const result = simulate(compiled.value);
    const spent = finalValue(result, 'Spent') as number;
    const spending = result.series[result.names.indexOf('Spending')] as Float64Array;
    expect(integrate(result.time, spending)).toBeCloseTo(spent, 9);
  });

  it('returns the extra profit per extra dollar of empathy spend against the reference', () => {
    const time = [0, 1, 2];
    const programme = run(time, { 'Cumulative profit': [0, 50, 400], 'Training spending': [100, 100, 0] });
    const statusQuo = run(time, { 'Cumulative profit': [0, 100, 300], 'Training spending': [50, 50, 0] });
    // Extra spend: (100 + 100) - (50 + 50) = 100; extra profit (already net of it): 400 - 300 = 100.
    const value = evaluateKpi(roi, programme, statusQuo);
    expect(value.value).toBeCloseTo(1, 12);
    expect(value.note).toMatch(/per extra dollar spent/);
    // A cut that loses profit reads negative: the sign is the direction of profit.
    const cut = evaluateKpi(roi, statusQuo, programme);
    expect(cut.value).toBeCloseTo(-1, 12);
    expect(cut.note).toMatch(/per dollar of empathy spend cut/);
    expect(kpiText(cut)).toMatchObject({ value: '−100%', tone: 'bad' });
    expect(kpiText(value)).toMatchObject({ value: '+100%', tone: 'good' });
    expect(evaluateKpi(roi, statusQuo, statusQuo)).toMatchObject({ value: undefined });
    expect(evaluateKpi(roi, programme, undefined).value).toBeUndefined();
  });

  it('reads shares as percentages with changes in percentage points', () => {
    const share: KpiDefinition = {
      kind: 'final',
      id: 'r',
      label: 'Employee retention',
      variable: 'Employee retention',
      format: 'share',
      better: 'higher',
    };
    const [value] = evaluateKpis(
      [share],
      run([0, 1], { 'Employee retention': [0.8, 0.84] }),
      run([0, 1], { 'Employee retention': [0.8, 0.8] }),
    );
    if (value === undefined) throw new Error('no KPI');
    expect(kpiText(value)).toEqual({ value: '84.0%', change: '+4.0 pp', relative: undefined, tone: 'good' });
  });

  it('colours a change by the direction that is good news', () => {
    const costs: KpiDefinition = {
      kind: 'final',
      id: 'k',
      label: 'Costs',
      variable: 'Costs',
      format: 'number',
      better: 'lower',
    };
    const value = evaluateKpi(costs, run([0], { Costs: [120] }), run([0], { Costs: [100] }));
    expect(kpiText(value)).toEqual({ value: '120', change: '+20', relative: '+20.0%', tone: 'bad' });
    expect(kpiText({ ...value, definition: { ...costs, better: undefined } }).tone).toBe('neutral');
  });
});
