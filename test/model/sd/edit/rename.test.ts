/**
 * Renaming: every reference follows (equations, flow lists, tables, the diagram view), the rest of each
 * equation stays as written, clashes and empty names are refused, and the renamed model saves, reopens and
 * simulates exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { writeXmile } from '../../../../model/sd';
import { findVariable, renameVariable } from '../../../../model/sd/edit';
import { stockFlowView } from '../../../../model/sd/edit/view-xml';
import { isElement, textOf, type XmlElement } from '../../../../model/sd/xml-tree';
import { aux, flow, stock, xmile } from '../helpers';
import { expectSameRuns, readDocument, roundTrip, teacupWithDiagram, value } from './helpers';

const equationOf = (document: Parameters<typeof findVariable>[0], name: string): string =>
  findVariable(document, name)?.eqn ?? '(missing)';

describe('renameVariable', () => {
  it('renames Room Temperature in the teacup: the flow equation, the view and the runs follow', () => {
    const before = teacupWithDiagram();
    const after = value(renameVariable(before, 'Room Temperature', 'Ambient Temperature'));
    expect(findVariable(after, 'room_temperature')).toBeUndefined();
    expect(findVariable(after, 'Ambient Temperature')?.name).toBe('Ambient Temperature');
    expect(equationOf(after, 'heat_loss_to_room')).toBe(
      '(teacup_temperature-Ambient_Temperature)/characteristic_time',
    );
    const view = stockFlowView(after) as XmlElement;
    const names = view.children.filter(isElement).map((child) => child.attributes['name']);
    expect(names).toContain('Ambient Temperature');
    expect(names).not.toContain('room_temperature');
    const fromTexts = view.children
      .filter(isElement)
      .filter((child) => child.tag === 'connector')
      .flatMap((connector) => connector.children.filter(isElement).filter((end) => end.tag === 'from'))
      .map(textOf);
    expect(fromTexts).toContain('Ambient_Temperature');
    expect(fromTexts).not.toContain('room_temperature');

    const reopened = roundTrip(after);
    expect(reopened).toEqual(after);
    expectSameRuns(before, reopened, { room_temperature: 'Ambient Temperature' });
  });

  it('keeps the rest of each equation as written: spacing, comments, other spellings', () => {
    const document = readDocument(
      xmile({
        variables: [
          aux('Room Temperature', '70'),
          aux('a', 'room_temperature   {the room} + ROOM TEMPERATURE*2'),
          aux('b', '"Room Temperature"/(1+Room_Temperature)'),
        ].join(''),
      }),
    );
    const after = value(renameVariable(document, 'room temperature', 'Air'));
    expect(equationOf(after, 'a')).toBe('Air   {the room} + Air*2');
    expect(equationOf(after, 'b')).toBe('Air/(1+Air)');
    expectSameRuns(document, after, { 'Room Temperature': 'Air' });
  });

  it('quotes a new name that needs quotes, and reads it back', () => {
    const document = readDocument(
      xmile({ variables: [aux('rate', '0.5'), aux('twice', 'rate * 2 + (rate)')].join('') }),
    );
    const after = value(renameVariable(document, 'rate', 'Rate (per month)'));
    expect(equationOf(after, 'twice')).toBe('"Rate_(per_month)" * 2 + ("Rate_(per_month)")');
    const reopened = roundTrip(after);
    expectSameRuns(document, reopened, { rate: 'Rate (per month)' });
  });

  it('follows stocks’ inflow and outflow lists when a flow is renamed', () => {
    const document = readDocument(
      xmile({
        variables: [
          stock('Water', '10', ['filling'], ['draining']),
          flow('filling', '1'),
          flow('draining', 'Water * 0.1'),
        ].join(''),
      }),
    );
    const after = value(renameVariable(document, 'draining', 'Evaporation'));
    const water = findVariable(after, 'Water');
    expect(water?.kind === 'stock' ? water.outflows : []).toEqual(['Evaporation']);
    expect(equationOf(after, 'Evaporation')).toBe('Water * 0.1');
    expectSameRuns(document, roundTrip(after), { draining: 'Evaporation' });
  });

  it('follows a graphical function called as a table and through LOOKUP', () => {
    const table = '<gf name="effect" type="continuous"><xscale min="0" max="2"/><ypts>0,1,4</ypts></gf>';
    const document = readDocument(
      xmile({
        variables:
          [aux('x', 'TIME/10'), aux('y', 'effect(x)'), aux('z', 'LOOKUP(effect, x) + 1')].join('') + table,
      }),
    );
    const after = value(renameVariable(document, 'effect', 'Effect of load'));
    expect(equationOf(after, 'y')).toBe('Effect_of_load(x)');
    expect(equationOf(after, 'z')).toBe('LOOKUP(Effect_of_load, x) + 1');
    expectSameRuns(document, roundTrip(after), { effect: 'Effect of load' });
  });

  it('leaves a builtin of the same name alone', () => {
    const document = readDocument(
      xmile({ variables: [aux('max', '3'), aux('a', '1'), aux('b', 'MAX(a, max) + max')].join('') }),
    );
    const after = value(renameVariable(document, 'max', 'Ceiling'));
    expect(equationOf(after, 'b')).toBe('MAX(a, Ceiling) + Ceiling');
  });

  it('renames in an equation that does not parse yet, token by token', () => {
    const document = readDocument(
      xmile({ variables: [aux('speed', '3'), aux('distance', 'speed * (')].join('') }),
    );
    const after = value(renameVariable(document, 'speed', 'velocity'));
    expect(equationOf(after, 'distance')).toBe('velocity * (');
  });

  it('refuses a name that clashes once case, spaces and underscores are ignored', () => {
    const outcome = renameVariable(teacupWithDiagram(), 'room_temperature', 'TEACUP  temperature');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0]?.code).toBe('duplicate-name');
    expect(outcome.errors[0]?.message).toContain('already the name of the stock "teacup_temperature"');
  });

  it('refuses an empty name and a reserved one, and allows a new spelling of the same name', () => {
    const document = teacupWithDiagram();
    const empty = renameVariable(document, 'room_temperature', '  _ ');
    expect(empty.ok ? '' : empty.errors[0]?.message).toBe('a variable needs a name');
    const reserved = renameVariable(document, 'room_temperature', 'Time');
    expect(reserved.ok ? '' : reserved.errors[0]?.message).toContain('reserved');
    const respelled = value(renameVariable(document, 'room_temperature', 'Room Temperature'));
    expect(findVariable(respelled, 'room_temperature')?.name).toBe('Room Temperature');
    expect(writeXmile(respelled)).toContain('name="Room Temperature"');
  });

  it('reports a variable that does not exist', () => {
    const outcome = renameVariable(teacupWithDiagram(), 'nothing here', 'x');
    expect(outcome.ok ? '' : outcome.errors[0]?.code).toBe('unknown-variable');
  });
});
