/**
 * The diagram's geometry: links leave the source at their takeoff angle and end on the target's outline,
 * pipes stop at stock outlines and clouds, labels wrap and sit where the view asks, and "fit" shows it all.
 */
import { describe, expect, it } from 'vitest';
import type { AuxNode, FlowNode, StockNode } from '../../../../model/sd/edit';
import {
  cloudPath,
  defaultTakeoff,
  linkGeometry,
  outlineDistance,
  pipeGeometry,
  valveAngle,
  valvePath,
} from '../../../../renderer/src/dynamics/diagram/geometry';
import { labelLines, labelPlacement, variableLabel } from '../../../../renderer/src/dynamics/diagram/labels';

const base = { variableKind: 'aux', labelSide: 'bottom', placement: 'view' } as const;
const aux = (id: string, x: number, y: number): AuxNode => ({
  ...base,
  kind: 'aux',
  id,
  name: id,
  x,
  y,
  radius: 9,
  graphical: false,
});
const stock = (id: string, x: number, y: number): StockNode => ({
  ...base,
  variableKind: 'stock',
  labelSide: 'top',
  kind: 'stock',
  id,
  name: id,
  x,
  y,
  width: 45,
  height: 35,
});
const flow = (points: { x: number; y: number }[], from?: string, to?: string): FlowNode => {
  const first = points[0] ?? { x: 0, y: 0 };
  const last = points[points.length - 1] ?? first;
  return {
    ...base,
    variableKind: 'flow',
    kind: 'flow',
    id: 'f',
    name: 'f',
    x: (first.x + last.x) / 2,
    y: (first.y + last.y) / 2,
    points,
    from,
    to,
  };
};

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('outlineDistance', () => {
  it('is the radius of a circle and reaches the side or the top of a stock', () => {
    expect(outlineDistance(aux('a', 0, 0), { x: 0.6, y: 0.8 })).toBe(9);
    expect(outlineDistance(stock('s', 0, 0), { x: 1, y: 0 })).toBe(22.5);
    expect(outlineDistance(stock('s', 0, 0), { x: 0, y: -1 })).toBe(17.5);
    expect(outlineDistance(stock('s', 0, 0), { x: Math.SQRT1_2, y: Math.SQRT1_2 })).toBeCloseTo(
      17.5 * Math.SQRT2,
    );
  });
});

describe('linkGeometry', () => {
  it('draws a link whose takeoff points at its target as a straight line between the outlines', () => {
    const link = linkGeometry(aux('a', 0, 0), aux('b', 100, 0), 0);
    expect(link.path).toBe('M9,0L91,0');
    expect(link.tip).toEqual({ x: 91, y: 0 });
    expect(link.angle).toBe(0);
  });

  it('bends a link with a takeoff angle into the arc through both centres, leaving at that angle', () => {
    // XMILE 45 degrees is up and to the right on screen (y grows down).
    const from = aux('a', 0, 0);
    const to = aux('b', 100, 0);
    const link = linkGeometry(from, to, 45);
    const arc = /^M([-\d.e]+),([-\d.e]+)A([-\d.e]+),[-\d.e]+ 0 (\d),(\d) ([-\d.e]+),([-\d.e]+)$/.exec(
      link.path,
    );
    expect(arc).not.toBeNull();
    const [, sx, sy, r, large, sweep] = arc ?? [];
    // The circle through (0,0) and (100,0) tangent at 45 degrees has its centre at (50, 50) and radius 50*sqrt(2).
    expect(Number(r)).toBeCloseTo(50 * Math.SQRT2);
    expect(distance({ x: Number(sx), y: Number(sy) }, from)).toBeCloseTo(9, 0);
    expect(Number(sy)).toBeLessThan(0);
    expect(large).toBe('0');
    expect(sweep).toBe('1');
    expect(distance(link.tip, to)).toBeCloseTo(9, 0);
    // It arrives heading down and to the right, mirroring the takeoff.
    expect(link.angle).toBeGreaterThan(0);
    expect(link.angle).toBeLessThan(Math.PI / 2);
  });

  it('turns the other way for a negative angle, and takes the long way round when it leaves backwards', () => {
    const down = linkGeometry(aux('a', 0, 0), aux('b', 100, 0), -45);
    expect(down.path).toMatch(/ 0 0,0 /);
    const backwards = linkGeometry(aux('a', 0, 0), aux('b', 100, 0), 135);
    expect(backwards.path).toMatch(/ 0 1,1 /);
  });

  it('bends a link without an angle gently off its chord', () => {
    expect(defaultTakeoff({ x: 0, y: 0 }, { x: 100, y: 0 })).toBeCloseTo(-0.35);
    const link = linkGeometry(aux('a', 0, 0), aux('b', 100, 0), undefined);
    expect(link.path).toContain('A');
  });
});

describe('pipeGeometry', () => {
  const stocks = new Map([
    ['s', stock('s', 0, 0)],
    ['t', stock('t', 200, 0)],
  ]);

  it('clips a pipe drawn to stock centres at their outlines, with the arrowhead on the receiving stock', () => {
    const pipe = pipeGeometry(
      flow(
        [
          { x: 0, y: 0 },
          { x: 200, y: 0 },
        ],
        's',
        't',
      ),
      stocks,
    );
    expect(pipe.points[0]).toEqual({ x: 22.5, y: 0 });
    expect(pipe.arrow.tip).toEqual({ x: 177.5, y: 0 });
    expect(pipe.arrow.angle).toBe(0);
    expect(pipe.sourceCloud).toBeUndefined();
    expect(pipe.sinkCloud).toBeUndefined();
  });

  it('puts clouds at open ends and stops the pipe short of them', () => {
    const pipe = pipeGeometry(
      flow(
        [
          { x: 22.5, y: 0 },
          { x: 150, y: 0 },
        ],
        's',
      ),
      stocks,
    );
    expect(pipe.sinkCloud).toEqual({ x: 150, y: 0 });
    expect(pipe.arrow.tip.x).toBeLessThan(150);
    const inflow = pipeGeometry(
      flow(
        [
          { x: 0, y: -120 },
          { x: 200, y: -17.5 },
        ],
        undefined,
        't',
      ),
      stocks,
    );
    expect(inflow.sourceCloud).toEqual({ x: 0, y: -120 });
    expect(inflow.points[0]?.y).toBeGreaterThan(-120);
  });

  it('orients the valve along the segment it sits on', () => {
    const bent = flow([
      { x: 0, y: 17.5 },
      { x: 0, y: 60 },
      { x: 200, y: 60 },
      { x: 200, y: 17.5 },
    ]);
    expect(valveAngle({ ...bent, x: 100, y: 60 })).toBe(0);
    expect(valveAngle({ ...bent, x: 0, y: 40 })).toBeCloseTo(Math.PI / 2);
    expect(valvePath({ x: 0, y: 0 }, 0, 10)).toBe('M0,0L-10,-8L-10,8ZM0,0L10,-8L10,8Z');
  });

  it('draws a closed cloud', () => {
    expect(cloudPath({ x: 0, y: 0 })).toMatch(/^M.*Z$/);
    expect(cloudPath({ x: 0, y: 0 }).match(/A/g)).toHaveLength(5);
  });
});

describe('labels', () => {
  it('shows underscores as spaces and wraps long names into short lines', () => {
    expect(variableLabel('fraction_of\\ncarrying capacity')).toBe('fraction of carrying capacity');
    expect(labelLines('fraction of carrying capacity used')).toEqual([
      'fraction of',
      'carrying capacity',
      'used',
    ]);
    expect(labelLines('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilisticexpialidocious']);
  });

  it('places a label on the side the view asks for', () => {
    const below = labelPlacement(aux('a', 0, 0), 1);
    expect(below.anchor).toBe('middle');
    expect(below.y).toBeGreaterThan(9);
    const above = labelPlacement(stock('s', 0, 0), 2);
    expect(above.y + 12).toBeLessThan(-17.5);
    expect(labelPlacement({ ...aux('a', 0, 0), labelSide: 'right' }, 1)).toMatchObject({
      anchor: 'start',
      x: 14,
    });
    expect(labelPlacement({ ...aux('a', 0, 0), labelSide: 'left' }, 1)).toMatchObject({
      anchor: 'end',
      x: -14,
    });
  });
});
