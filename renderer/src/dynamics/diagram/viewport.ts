/**
 * The part of the diagram's plane in view: the bounds of everything drawn, the zoom transform that fits it in
 * the panel, and a free spot for a new variable near the middle of what is shown.
 */
import type { Diagram, DiagramNode, Point } from '../../../../model/sd/edit';
import { CLOUD_RADIUS } from './geometry';
import { halfSize, labelBox, labelLines, variableLabel } from './labels';

export interface Bounds {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A zoom transform as d3-zoom keeps it: screen = k * diagram + (x, y). */
export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export const nodeLabel = (node: DiagramNode): string =>
  variableLabel(node.kind === 'alias' ? node.ofName : node.name);

/** Everything drawn: shapes with their labels, pipes with their clouds, groups and notes. */
export function diagramBounds(diagram: Diagram): Bounds | undefined {
  const boxes: Bounds[] = [];
  for (const node of diagram.nodes) {
    const half = halfSize(node);
    boxes.push({
      left: node.x - half.width,
      top: node.y - half.height,
      right: node.x + half.width,
      bottom: node.y + half.height,
    });
    boxes.push(labelBox(node, labelLines(nodeLabel(node))));
    if (node.kind === 'flow') {
      for (const point of node.points) {
        boxes.push({
          left: point.x - CLOUD_RADIUS,
          top: point.y - CLOUD_RADIUS,
          right: point.x + CLOUD_RADIUS,
          bottom: point.y + CLOUD_RADIUS,
        });
      }
    }
  }
  for (const frame of [...diagram.groups, ...diagram.notes]) {
    boxes.push({ left: frame.x, top: frame.y, right: frame.x + frame.width, bottom: frame.y + frame.height });
  }
  if (boxes.length === 0) return undefined;
  return {
    left: Math.min(...boxes.map((box) => box.left)),
    top: Math.min(...boxes.map((box) => box.top)),
    right: Math.max(...boxes.map((box) => box.right)),
    bottom: Math.max(...boxes.map((box) => box.bottom)),
  };
}

/**
 * The transform that shows `bounds` whole and centred in a `width` x `height` panel, never magnified more
 * than `maxScale` (a four-variable model would otherwise fill the screen with one stock).
 */
export function fitTransform(
  bounds: Bounds | undefined,
  width: number,
  height: number,
  padding = 28,
  maxScale = 1.6,
): ViewTransform {
  if (bounds === undefined || width <= 0 || height <= 0) return { x: width / 2, y: height / 2, k: 1 };
  const contentWidth = Math.max(bounds.right - bounds.left, 1);
  const contentHeight = Math.max(bounds.bottom - bounds.top, 1);
  const k = Math.max(
    0.05,
    Math.min(maxScale, (width - 2 * padding) / contentWidth, (height - 2 * padding) / contentHeight),
  );
  const centre = { x: (bounds.left + bounds.right) / 2, y: (bounds.top + bounds.bottom) / 2 };
  return { x: width / 2 - k * centre.x, y: height / 2 - k * centre.y, k };
}

/** The diagram point shown at a screen point. */
export const toDiagram = (transform: ViewTransform, screen: Point): Point => ({
  x: (screen.x - transform.x) / transform.k,
  y: (screen.y - transform.y) / transform.k,
});

/** The distance from `point` to the segment from `a` to `b`. */
function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const squared = dx * dx + dy * dy;
  const t =
    squared === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / squared));
  return Math.hypot(a.x + dx * t - point.x, a.y + dy * t - point.y);
}

/**
 * A spot near `point` that no shape or pipe occupies, stepping right then down, so new variables do not pile
 * up on each other (a new flow's pipe is 120 wide, hence the wider clearance sideways).
 */
export function freeSpotNear(diagram: Diagram, point: Point, clearance = 48): Point {
  const pipes = diagram.nodes.flatMap((node) =>
    node.kind === 'flow'
      ? node.points.slice(1).map((end, index) => [node.points[index] ?? end, end] as const)
      : [],
  );
  const taken = (spot: Point) =>
    diagram.nodes.some(
      (node) => Math.abs(node.x - spot.x) < clearance * 1.6 && Math.abs(node.y - spot.y) < clearance,
    ) || pipes.some(([a, b]) => distanceToSegment(spot, a, b) < clearance * 0.75);
  for (let row = 0; row < 12; row++) {
    for (let column = 0; column < 6; column++) {
      const spot = { x: point.x + column * clearance * 1.8, y: point.y + row * clearance * 1.2 };
      if (!taken(spot)) return spot;
    }
  }
  return point;
}
