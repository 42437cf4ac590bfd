/**
 * Graphical functions (XMILE 1.0 section 3.1.4): a table of points read as `continuous` (linear between
 * points, the end values held beyond them), `extrapolate` (the end segments extended) or `discrete` (each y
 * holds from its x to the next x). Points given by `<xscale>` are evenly spaced; points are sorted by x as
 * PySD's xmile translator does.
 */
import type { GraphicalFunction } from './document';

export interface LookupTable {
  readonly type: GraphicalFunction['type'];
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

export function buildTable(gf: GraphicalFunction): LookupTable {
  const count = gf.ypts.length;
  const xs =
    gf.xpts ??
    Array.from({ length: count }, (_, index) => {
      const scale = gf.xscale ?? { min: 0, max: count - 1 };
      return count === 1 ? scale.min : scale.min + ((scale.max - scale.min) * index) / (count - 1);
    });
  const order = xs.map((_, index) => index).sort((a, b) => (xs[a] ?? 0) - (xs[b] ?? 0));
  return {
    type: gf.type,
    xs: Float64Array.from(order, (index) => xs[index] ?? 0),
    ys: Float64Array.from(order, (index) => gf.ypts[index] ?? 0),
  };
}

/** Index i with xs[i] <= x < xs[i+1], for xs[0] <= x < xs[last]. */
function segment(xs: Float64Array, x: number): number {
  let low = 0;
  let high = xs.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if ((xs[middle] as number) <= x) low = middle;
    else high = middle;
  }
  return low;
}

/** A function that looks a value up in the table, specialised to the table's type. */
export function makeLookup(table: LookupTable): (x: number) => number {
  const { xs, ys } = table;
  const last = xs.length - 1;
  const firstX = xs[0] as number;
  const lastX = xs[last] as number;
  const firstY = ys[0] as number;
  const lastY = ys[last] as number;
  if (last === 0) return () => firstY;
  const interpolate = (x: number, index: number): number => {
    const x0 = xs[index] as number;
    const x1 = xs[index + 1] as number;
    const y0 = ys[index] as number;
    const y1 = ys[index + 1] as number;
    return x1 === x0 ? y1 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
  };
  switch (table.type) {
    case 'discrete':
      return (x) => (x < firstX ? firstY : x >= lastX ? lastY : (ys[segment(xs, x)] as number));
    case 'extrapolate':
      return (x) =>
        x < firstX
          ? interpolate(x, 0)
          : x >= lastX
            ? interpolate(x, last - 1)
            : interpolate(x, segment(xs, x));
    case 'continuous':
      return (x) =>
        x <= firstX ? firstY : x >= lastX ? lastY : x !== x ? x : interpolate(x, segment(xs, x));
  }
}
