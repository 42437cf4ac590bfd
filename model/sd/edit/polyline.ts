/** Points along a flow's pipe: where its valve sits, and where a dragged valve lands on it. */
import type { Point } from './diagram-types';

const lengthsOf = (points: readonly Point[]): number[] =>
  points.slice(1).map((point, index) => {
    const previous = points[index] as Point;
    return Math.hypot(point.x - previous.x, point.y - previous.y);
  });

/** The point halfway along a polyline (by length), where a new valve sits. */
export function midpointOf(points: readonly Point[]): Point {
  const lengths = lengthsOf(points);
  let remaining = lengths.reduce((sum, length) => sum + length, 0) / 2;
  for (let index = 0; index < lengths.length; index++) {
    const length = lengths[index] as number;
    const a = points[index] as Point;
    const b = points[index + 1] as Point;
    if (remaining <= length && length > 0) {
      const t = remaining / length;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    remaining -= length;
  }
  return points[0] ?? { x: 0, y: 0 };
}

/** The point of a polyline nearest to `target`: a valve dragged off its pipe slides along it instead. */
export function nearestOnPolyline(points: readonly Point[], target: Point): Point {
  let best = points[0] ?? target;
  let bestDistance = Infinity;
  for (let index = 1; index < points.length; index++) {
    const a = points[index - 1] as Point;
    const b = points[index] as Point;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const squared = dx * dx + dy * dy;
    const t =
      squared === 0 ? 0 : Math.max(0, Math.min(1, ((target.x - a.x) * dx + (target.y - a.y) * dy) / squared));
    const candidate = { x: a.x + dx * t, y: a.y + dy * t };
    const distance = Math.hypot(candidate.x - target.x, candidate.y - target.y);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** True when the pipe runs up or down where the valve sits: its name then goes beside it, not on the pipe. */
export function verticalAt(points: readonly Point[], valve: Point): boolean {
  const at = nearestOnPolyline(points, valve);
  for (let index = 1; index < points.length; index++) {
    const a = points[index - 1] as Point;
    const b = points[index] as Point;
    const onSegment =
      Math.abs(
        Math.hypot(at.x - a.x, at.y - a.y) +
          Math.hypot(b.x - at.x, b.y - at.y) -
          Math.hypot(b.x - a.x, b.y - a.y),
      ) < 0.01;
    if (onSegment) return Math.abs(b.x - a.x) < Math.abs(b.y - a.y);
  }
  return false;
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

/** The side of a stock (centre and size) that a point on or near its outline is on. */
export function stockSide(
  stock: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  point: Point,
): Side {
  const dx = (point.x - stock.x) / stock.width;
  const dy = (point.y - stock.y) / stock.height;
  if (Math.abs(dx) >= Math.abs(dy)) return dx < 0 ? 'left' : 'right';
  return dy < 0 ? 'top' : 'bottom';
}
