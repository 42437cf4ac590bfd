/**
 * diagramOf: positions read from a real Stella-style view (teacup_w_diagram, logistic growth), the automatic
 * layout for a file without one (teacup.xmile), and links that follow the equations.
 */
import { describe, expect, it } from 'vitest';
import { diagramOf, setEquation, type Diagram, type DiagramNode } from '../../../../model/sd/edit';
import { aux, flow, stock, xmile } from '../helpers';
import { fixture, readDocument, teacupWithDiagram, teacupWithoutView, value } from './helpers';

const node = (diagram: Diagram, id: string): DiagramNode => {
  const found = diagram.nodes.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
};
const linkPairs = (diagram: Diagram): string[] =>
  diagram.links.map((link) => `${link.from}->${link.to}`).sort();

/** The box a node and its label cover, as the renderer draws them (label width ~6 units a character). */
function footprint(shape: DiagramNode): { left: number; right: number; top: number; bottom: number } {
  if (shape.kind === 'stock') {
    return {
      left: shape.x - shape.width / 2,
      right: shape.x + shape.width / 2,
      top: shape.y - shape.height / 2,
      bottom: shape.y + shape.height / 2,
    };
  }
  return { left: shape.x - 9, right: shape.x + 9, top: shape.y - 9, bottom: shape.y + 9 };
}

describe('diagramOf a file with a view', () => {
  it('reads the teacup’s stock, flow pipe, auxiliaries and connectors from its view', () => {
    const diagram = diagramOf(teacupWithDiagram());
    expect(diagram.layout).toBe('view');
    expect(node(diagram, 'teacup_temperature')).toMatchObject({
      kind: 'stock',
      x: 132,
      y: 97,
      width: 45,
      height: 35,
      labelSide: 'top',
    });
    expect(node(diagram, 'heat_loss_to_room')).toMatchObject({
      kind: 'flow',
      x: 243,
      y: 92,
      points: [
        { x: 154, y: 92 },
        { x: 332, y: 92 },
      ],
      from: 'teacup_temperature',
      to: undefined,
    });
    expect(node(diagram, 'characteristic_time')).toMatchObject({
      kind: 'aux',
      x: 285,
      y: 43,
      radius: 9,
      graphical: false,
    });
    expect(node(diagram, 'room_temperature')).toMatchObject({ kind: 'aux', x: 283, y: 139 });
    expect(linkPairs(diagram)).toEqual([
      'characteristic_time->heat_loss_to_room',
      'room_temperature->heat_loss_to_room',
      'teacup_temperature->heat_loss_to_room',
    ]);
  });

  it('matches Stella’s multi-line view names and keeps connector angles (logistic growth)', () => {
    const diagram = diagramOf(fixture('ltm-reference/logistic_growth_ltm/logistic_growth.stmx'));
    expect(diagram.layout).toBe('view');
    expect(node(diagram, 'fraction_of_carrying_capacity_used')).toMatchObject({
      x: 610.800048828125,
      labelSide: 'right',
    });
    const link = diagram.links.find((candidate) => candidate.id === 'population->net_birth_rate');
    expect(link?.angle).toBeCloseTo(-102.57380061282629);
    expect(diagram.links).toHaveLength(6);
  });

  it('takes x, y as the top-left corner of a stock that gives its width and height', () => {
    const document = readDocument(
      xmile({ variables: stock('S', '1') }).replace(
        '</variables></model>',
        '</variables><views><view type="stock_flow"><stock name="S" x="100" y="50" width="60" height="40"/></view></views></model>',
      ),
    );
    expect(node(diagramOf(document), 's')).toMatchObject({ x: 130, y: 70, width: 60, height: 40 });
  });

  it('draws a link the equations need even without a connector, and drops a connector they no longer need', () => {
    const document = value(
      setEquation(teacupWithDiagram(), 'heat_loss_to_room', '(teacup_temperature - room_temperature) / 10'),
    );
    const diagram = diagramOf(document);
    expect(linkPairs(diagram)).toEqual([
      'room_temperature->heat_loss_to_room',
      'teacup_temperature->heat_loss_to_room',
    ]);
    const withAux = value(setEquation(document, 'room_temperature', 'characteristic_time * 7'));
    expect(linkPairs(diagramOf(withAux))).toContain('characteristic_time->room_temperature');
  });

  it('places a variable the view lacks automatically, near what it feeds', () => {
    const base = teacupWithDiagram();
    const extra = readDocument(xmile({ variables: aux('Cooling factor', '1') })).variables[0];
    if (extra === undefined) throw new Error('no variable');
    const document = value(
      setEquation(
        { ...base, variables: [...base.variables, extra] },
        'characteristic_time',
        '10 * Cooling_factor',
      ),
    );
    const diagram = diagramOf(document);
    expect(diagram.layout).toBe('mixed');
    const added = node(diagram, 'cooling_factor');
    const target = node(diagram, 'characteristic_time');
    expect(added.kind === 'aux' && added.placement).toBe('automatic');
    expect(Math.hypot(added.x - target.x, added.y - target.y)).toBeLessThan(250);
  });
});

describe('diagramOf a file without a view (automatic layout)', () => {
  it('lays the teacup out readably: the stock, its outflow to a cloud, the auxiliaries above the valve', () => {
    const diagram = diagramOf(teacupWithoutView());
    expect(diagram.layout).toBe('automatic');
    const teacup = node(diagram, 'teacup_temperature');
    const loss = node(diagram, 'heat_loss_to_room');
    if (teacup.kind !== 'stock' || loss.kind !== 'flow') throw new Error('wrong kinds');
    expect(loss.from).toBe('teacup_temperature');
    expect(loss.to).toBeUndefined();
    expect(loss.points[0]).toEqual({ x: teacup.x + teacup.width / 2, y: teacup.y });
    expect(loss.points[1]?.x).toBeGreaterThan(loss.x);
    for (const id of ['characteristic_time', 'room_temperature'])
      expect(node(diagram, id).y).toBeLessThan(loss.y);
    expect(linkPairs(diagram)).toHaveLength(3);
  });

  it('draws an auxiliary a stock lists as a flow as a pipe, and puts lone stocks side by side', () => {
    const diagram = diagramOf(fixture('core-xmile/zeroled_decimals/test_zeroled_decimals.xmile'));
    expect(node(diagram, 'flow1n')).toMatchObject({ kind: 'flow', variableKind: 'aux', from: 'stock1neg' });
    expect(node(diagram, 'stock0').y).toBe(node(diagram, 'stock1neg').y);
  });

  it('is deterministic', () => {
    expect(diagramOf(teacupWithoutView())).toEqual(diagramOf(teacupWithoutView()));
  });

  it('puts a chain of stocks in one row with straight pipes, a back flow round below, and no shapes overlapping', () => {
    const document = readDocument(
      xmile({
        variables: [
          stock('Susceptible', '990', ['losing immunity'], ['infection']),
          stock('Infected', '10', ['infection'], ['recovery']),
          stock('Recovered', '0', ['recovery'], ['losing immunity']),
          flow('infection', 'Susceptible * Infected * contact rate / 1000'),
          flow('recovery', 'Infected / duration'),
          flow('losing immunity', 'Recovered / immunity duration'),
          aux('contact rate', '0.3'),
          aux('duration', '5'),
          aux('immunity duration', '50'),
          aux('total', 'Susceptible + Infected + Recovered'),
          aux('lonely', '1'),
        ].join(''),
      }),
    );
    const diagram = diagramOf(document);
    const [s, i, r] = ['susceptible', 'infected', 'recovered'].map((id) => node(diagram, id));
    expect(s?.y).toBe(i?.y);
    expect(i?.y).toBe(r?.y);
    expect((s?.x ?? 0) < (i?.x ?? 0) && (i?.x ?? 0) < (r?.x ?? 0)).toBe(true);
    const infection = node(diagram, 'infection');
    expect(infection.kind === 'flow' ? infection.points : []).toHaveLength(2);
    const back = node(diagram, 'losing_immunity');
    expect(back.kind === 'flow' ? back.points.length : 0).toBe(4);
    expect(back.y).toBeGreaterThan(s?.y ?? 0);
    expect(node(diagram, 'total').y).toBeGreaterThan(s?.y ?? 0);
    const boxes = diagram.nodes.map(footprint);
    boxes.forEach((a, index) =>
      boxes.slice(index + 1).forEach((b) => {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart).toBe(true);
      }),
    );
  });
});
