/**
 * Adding, deleting, moving and the field edits: each returns a new document, writes the view so positions
 * survive an export, and leaves the model simulating (or failing with a diagnostic where it should).
 */
import { describe, expect, it } from 'vitest';
import { compileModel, writeXmile } from '../../../../model/sd';
import {
  addVariable,
  connectFlow,
  deleteVariable,
  diagramOf,
  findVariable,
  materializeView,
  moveNode,
  setDocumentation,
  setEquation,
  setUnits,
  syncConnectors,
  type Diagram,
  type DiagramNode,
} from '../../../../model/sd/edit';
import { stockFlowView } from '../../../../model/sd/edit/view-xml';
import { isElement, textOf, type XmlElement } from '../../../../model/sd/xml-tree';
import { expectSameRuns, fixture, roundTrip, teacupWithDiagram, teacupWithoutView, value } from './helpers';

const node = (diagram: Diagram, id: string): DiagramNode => {
  const found = diagram.nodes.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
};
const viewChildren = (document: Parameters<typeof stockFlowView>[0]): XmlElement[] =>
  (stockFlowView(document)?.children ?? []).filter(isElement);

describe('addVariable', () => {
  it('adds a stock with a free name at the given point, in the view, and the model still runs', () => {
    const first = addVariable(teacupWithDiagram(), 'stock', { x: 400, y: 300 });
    expect(first.name).toBe('New stock');
    const second = addVariable(first.document, 'stock', { x: 500, y: 300 });
    expect(second.name).toBe('New stock 2');
    expect(node(diagramOf(second.document), 'new_stock_2')).toMatchObject({
      kind: 'stock',
      x: 500,
      y: 300,
      placement: 'view',
    });
    expect(compileModel(second.document).ok).toBe(true);
    const reopened = roundTrip(second.document);
    expect(diagramOf(reopened)).toEqual(diagramOf(second.document));
  });

  it('adds a flow between two clouds and an auxiliary', () => {
    const withFlow = addVariable(teacupWithDiagram(), 'flow', { x: 100, y: 250 });
    const added = node(diagramOf(withFlow.document), 'new_flow');
    expect(added).toMatchObject({ kind: 'flow', x: 100, y: 250, from: undefined, to: undefined });
    expect(added.kind === 'flow' ? added.points : []).toEqual([
      { x: 40, y: 250 },
      { x: 160, y: 250 },
    ]);
    const withAux = addVariable(withFlow.document, 'aux', { x: 20, y: 20 });
    expect(withAux.name).toBe('New auxiliary');
    expect(findVariable(withAux.document, 'New auxiliary')?.eqn).toBe('0');
  });

  it('writes the automatic layout into a new view when the file had none, so Stella gets every position', () => {
    const document = teacupWithoutView();
    const before = diagramOf(document);
    const { document: next } = addVariable(document, 'aux', { x: 0, y: 300 });
    const after = diagramOf(next);
    expect(after.layout).toBe('view');
    for (const shape of before.nodes) expect(node(after, shape.id)).toMatchObject({ x: shape.x, y: shape.y });
    expect(viewChildren(next).filter((child) => child.tag === 'connector')).toHaveLength(3);
    expect(writeXmile(next)).toContain('<views>');
  });
});

describe('deleteVariable', () => {
  it('removes a variable with its view element and connectors; equations still naming it fail to compile', () => {
    const after = value(deleteVariable(teacupWithDiagram(), 'Room Temperature'));
    expect(findVariable(after, 'room_temperature')).toBeUndefined();
    const children = viewChildren(after);
    expect(children.some((child) => child.attributes['name'] === 'room_temperature')).toBe(false);
    const ends = children
      .filter((child) => child.tag === 'connector')
      .flatMap((c) => c.children.filter(isElement).map(textOf));
    expect(ends).not.toContain('room_temperature');
    expect(children.filter((child) => child.tag === 'connector')).toHaveLength(2);
    const compiled = compileModel(after);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.errors[0]).toMatchObject({ code: 'unknown-variable', variable: 'heat_loss_to_room' });
  });

  it('removes a deleted flow from its stock’s outflows; the stock then simply keeps its value', () => {
    const after = value(deleteVariable(teacupWithDiagram(), 'heat_loss_to_room'));
    const teacup = findVariable(after, 'teacup_temperature');
    expect(teacup?.kind === 'stock' ? teacup.outflows : ['?']).toEqual([]);
    expect(compileModel(after).ok).toBe(true);
  });

  it('reports a variable that does not exist', () => {
    const outcome = deleteVariable(teacupWithDiagram(), 'nothing');
    expect(outcome.ok ? '' : outcome.errors[0]?.code).toBe('unknown-variable');
  });
});

describe('moveNode', () => {
  it('moves a stock and carries its pipe to the cloud along; the runs do not change', () => {
    const before = teacupWithDiagram();
    const after = moveNode(before, 'teacup_temperature', { x: 132, y: 197 });
    const diagram = diagramOf(after);
    expect(node(diagram, 'teacup_temperature')).toMatchObject({ x: 132, y: 197 });
    expect(node(diagram, 'heat_loss_to_room')).toMatchObject({
      x: 243,
      y: 192,
      points: [
        { x: 154, y: 192 },
        { x: 332, y: 192 },
      ],
    });
    expect(diagramOf(roundTrip(after))).toEqual(diagram);
    expectSameRuns(before, roundTrip(after));
  });

  it('slides a valve along its pipe, and moves an auxiliary where it is dropped', () => {
    const slid = moveNode(teacupWithDiagram(), 'heat_loss_to_room', { x: 300, y: 140 });
    expect(node(diagramOf(slid), 'heat_loss_to_room')).toMatchObject({ x: 300, y: 92 });
    const moved = moveNode(slid, 'room_temperature', { x: 10.123456, y: 20 });
    expect(node(diagramOf(moved), 'room_temperature')).toMatchObject({ x: 10.12, y: 20 });
  });

  it('makes the automatic layout permanent on the first move', () => {
    const document = teacupWithoutView();
    const moved = moveNode(document, 'room_temperature', { x: -200, y: -200 });
    const diagram = diagramOf(moved);
    expect(diagram.layout).toBe('view');
    expect(node(diagram, 'room_temperature')).toMatchObject({ x: -200, y: -200 });
    expect(materializeView(moved)).toBe(moved);
  });
});

describe('field edits', () => {
  it('sets an equation as typed, even one that does not parse, without touching the view’s links', () => {
    const document = teacupWithDiagram();
    const broken = value(setEquation(document, 'characteristic_time', '10 +'));
    expect(findVariable(broken, 'characteristic_time')?.eqn).toBe('10 +');
    expect(stockFlowView(broken)).toBe(stockFlowView(document));
  });

  it('brings the view’s connectors in step with what an equation reads', () => {
    const document = teacupWithDiagram();
    const typed = value(
      setEquation(document, 'heat_loss_to_room', 'teacup_temperature / characteristic_time'),
    );
    expect(stockFlowView(typed)).toBe(stockFlowView(document));
    const fewer = syncConnectors(typed, 'heat_loss_to_room');
    const connectors = (doc: typeof document) =>
      viewChildren(doc).filter((child) => child.tag === 'connector');
    expect(connectors(fewer)).toHaveLength(2);
    const more = syncConnectors(
      value(
        setEquation(
          fewer,
          'heat_loss_to_room',
          '(teacup_temperature - room_temperature) / characteristic_time',
        ),
      ),
      'heat_loss_to_room',
    );
    const added = connectors(more).at(-1);
    expect(added?.attributes).toMatchObject({ uid: '3' });
    expect(added?.children.filter(isElement).map(textOf)).toEqual(['room_temperature', 'heat_loss_to_room']);
    expect(Number(added?.attributes['angle'])).toBeGreaterThan(90);
  });

  it('keeps a connector’s angle when the equation only passed through not reading its source', () => {
    const document = fixture('ltm-reference/logistic_growth_ltm/logistic_growth.stmx');
    const typing = value(setEquation(document, 'net_birth_rate', 'fractional_growth_rate * popul'));
    const done = syncConnectors(
      value(setEquation(typing, 'net_birth_rate', 'fractional_growth_rate * population')),
      'net_birth_rate',
    );
    const link = diagramOf(done).links.find((candidate) => candidate.id === 'population->net_birth_rate');
    expect(link?.angle).toBeCloseTo(-102.57380061282629);
  });

  it('sets and clears units and documentation', () => {
    const document = teacupWithDiagram();
    const withUnits = value(setUnits(document, 'room_temperature', 'degrees F'));
    expect(findVariable(withUnits, 'room_temperature')?.units).toBe('degrees F');
    const cleared = value(setUnits(withUnits, 'room_temperature', ''));
    expect(findVariable(cleared, 'room_temperature')?.units).toBeUndefined();
    const documented = value(setDocumentation(document, 'room_temperature', 'The air around the cup.'));
    expect(roundTrip(documented).variables.find((v) => v.name === 'room_temperature')?.doc).toBe(
      'The air around the cup.',
    );
    expect(setUnits(document, 'missing', 'x').ok).toBe(false);
  });
});

describe('materializeView', () => {
  it('writes no second connector for a link the view already draws without an angle', () => {
    const document = teacupWithDiagram();
    expect(materializeView(document)).toBe(document);
    const { document: next } = addVariable(document, 'stock', { x: 500, y: 100 });
    expect(viewChildren(next).filter((child) => child.tag === 'connector')).toHaveLength(3);
    expect(diagramOf(next).links).toHaveLength(3);
  });
});

describe('connectFlow', () => {
  it('attaches a new flow to a stock as its inflow: the list, the pipe and the runs follow', () => {
    const { document: withFlow } = addVariable(teacupWithDiagram(), 'flow', { x: 40, y: 200 });
    const filled = value(connectFlow(withFlow, 'New flow', 'to', 'teacup_temperature'));
    const teacup = findVariable(filled, 'teacup_temperature');
    expect(teacup?.kind === 'stock' ? teacup.inflows : []).toEqual(['New_flow']);
    const pipe = node(diagramOf(filled), 'new_flow');
    expect(pipe).toMatchObject({ kind: 'flow', to: 'teacup_temperature', from: undefined });
    // The stock is at (132, 97), the cloud at (-20, 200): the pipe enters the side facing the cloud, which
    // moves into line so the pipe is straight.
    expect(pipe.kind === 'flow' ? pipe.points : []).toEqual([
      { x: -20, y: 97 },
      { x: 109.5, y: 97 },
    ]);
    const warmed = value(setEquation(filled, 'New flow', '1'));
    expect(compileModel(warmed).ok).toBe(true);
    expect(diagramOf(roundTrip(warmed))).toEqual(diagramOf(warmed));
  });

  it('bends a pipe held by a stock at its other end, and lets an end go back to a cloud', () => {
    const { document: withStock } = addVariable(teacupWithDiagram(), 'stock', { x: 400, y: 200 });
    const between = value(connectFlow(withStock, 'heat_loss_to_room', 'to', 'New stock'));
    const pipe = node(diagramOf(between), 'heat_loss_to_room');
    expect(pipe).toMatchObject({ from: 'teacup_temperature', to: 'new_stock' });
    expect(pipe.kind === 'flow' ? pipe.points : []).toEqual([
      { x: 154, y: 92 },
      { x: 154, y: 200 },
      { x: 377.5, y: 200 },
    ]);
    const loose = value(connectFlow(between, 'heat_loss_to_room', 'to', undefined));
    const stock = findVariable(loose, 'New stock');
    expect(stock?.kind === 'stock' ? stock.inflows : ['?']).toEqual([]);
    expect(node(diagramOf(loose), 'heat_loss_to_room')).toMatchObject({ to: undefined });
  });

  it('enters the stock by a side no other pipe uses', () => {
    // The teacup's right side carries its outflow; a flow whose cloud is to the right comes in from above.
    const { document: withFlow } = addVariable(teacupWithDiagram(), 'flow', { x: 300, y: 40 });
    const filled = value(connectFlow(withFlow, 'New flow', 'to', 'teacup_temperature'));
    const pipe = node(diagramOf(filled), 'new_flow');
    expect(pipe.kind === 'flow' ? pipe.points.at(-1) : undefined).toEqual({ x: 132, y: 79.5 });
  });

  it('keeps a cloud moved into line outside the stock', () => {
    // The cloud at (200, 100) is level with the teacup; its right side is taken, so the pipe comes from below.
    const { document: withFlow } = addVariable(teacupWithDiagram(), 'flow', { x: 260, y: 100 });
    const filled = value(connectFlow(withFlow, 'New flow', 'to', 'teacup_temperature'));
    const pipe = node(diagramOf(filled), 'new_flow');
    expect(pipe.kind === 'flow' ? pipe.points : []).toEqual([
      { x: 132, y: 214.5 },
      { x: 132, y: 114.5 },
    ]);
    // On an upright pipe the name goes beside the valve rather than over the pipe.
    expect(pipe.labelSide).toBe('right');
  });

  it('refuses what is not a flow or not a stock', () => {
    expect(connectFlow(teacupWithDiagram(), 'room_temperature', 'to', 'teacup_temperature').ok).toBe(false);
    expect(connectFlow(teacupWithDiagram(), 'heat_loss_to_room', 'to', 'room_temperature').ok).toBe(false);
  });
});
