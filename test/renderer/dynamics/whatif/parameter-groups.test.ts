import { describe, expect, it } from 'vitest';
import { readXmile, type ModelDocument, type ParameterInfo } from '../../../../model/sd';
import {
  declaredGroups,
  filterGroups,
  groupParameters,
  sliderEntities,
} from '../../../../renderer/src/dynamics/whatif/parameter-groups';

function documentOf(variables: string, views = ''): ModelDocument {
  const read = readXmile(
    `<?xml version="1.0" encoding="UTF-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><name>groups</name></header>
  <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
  <model><variables>${variables}</variables>${views}</model>
</xmile>`,
    'groups.xmile',
  );
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

const parameter = (name: string, kind: ParameterInfo['kind'] = 'constant'): ParameterInfo => ({
  id: name.toLowerCase().replace(/ /g, '_'),
  name,
  kind,
  value: 1,
});

const constants = `
  <aux name="Training budget"><eqn>0.01</eqn></aux>
  <aux name="Market size"><eqn>10000</eqn></aux>
  <aux name="Hiring delay"><eqn>2</eqn></aux>
  <aux name="Automation level"><eqn>0</eqn></aux>
  <stock name="Staff"><eqn>10</eqn></stock>`;
const parameters = [
  parameter('Training budget'),
  parameter('Market size'),
  parameter('Hiring delay'),
  parameter('Automation level'),
  parameter('Staff', 'initial value'),
];

describe('parameter groups', () => {
  it('lists constants by name, and stocks’ initial values last, when the model says nothing', () => {
    const groups = groupParameters(parameters, documentOf(constants));
    expect(groups.map((group) => [group.title, group.parameters.map((p) => p.name)])).toEqual([
      ['Constants', ['Automation level', 'Hiring delay', 'Market size', 'Training budget']],
      ['Initial values of stocks', ['Staff']],
    ]);
  });

  it('puts a levers group first in the modeller’s order, then the model’s groups, then the rest', () => {
    const document = documentOf(`${constants}
      <group name="Customers"><entity name="Market_size"/></group>
      <group name="Policy levers"><entity name="Training_budget"/><entity name="Automation level"/></group>`);
    expect(declaredGroups(document).map((group) => group.name)).toEqual(['Customers', 'Policy levers']);
    const groups = groupParameters(parameters, document);
    expect(groups.map((group) => [group.kind, group.parameters.map((p) => p.name)])).toEqual([
      ['levers', ['Training budget', 'Automation level']],
      ['group', ['Market size']],
      ['constants', ['Hiring delay']],
      ['initial values', ['Staff']],
    ]);
    expect(groups[2]?.title).toBe('Other constants');
  });

  it('counts constants documented as policy levers as levers', () => {
    const document = documentOf(`
      <aux name="Training budget"><eqn>0.01</eqn><doc>Policy lever: share of revenue spent on training.</doc></aux>
      <aux name="Market size"><eqn>10000</eqn><doc>Assumption.</doc></aux>`);
    const groups = groupParameters([parameter('Training budget'), parameter('Market size')], document);
    expect(groups.map((group) => [group.title, group.parameters.map((p) => p.name)])).toEqual([
      ['Levers', ['Training budget']],
      ['Other constants', ['Market size']],
    ]);
  });

  it('counts constants with a slider on an interface view as levers', () => {
    const document = documentOf(
      constants,
      `<views><view type="interface"><slider x="1" y="2" width="100" height="40"><entity name="Hiring_delay"/></slider></view></views>`,
    );
    expect([...sliderEntities(document)]).toEqual(['hiring_delay']);
    expect(groupParameters(parameters, document)[0]?.parameters.map((p) => p.name)).toEqual(['Hiring delay']);
  });

  it('filters by every word of the filter, case and spacing ignored', () => {
    const groups = groupParameters(parameters, documentOf(constants));
    expect(filterGroups(groups, 'BUDGET train').flatMap((g) => g.parameters.map((p) => p.name))).toEqual([
      'Training budget',
    ]);
    expect(filterGroups(groups, '  ')).toHaveLength(2);
    expect(filterGroups(groups, 'nothing')).toEqual([]);
  });
});
