/**
 * Geometry of the stock-and-flow diagram, kept free of React and the DOM so it can be tested on its own:
 * where a shape's outline is, the arc of a link from its takeoff angle, a pipe clipped at its stocks with
 * its arrowhead and clouds, labels wrapped under their shapes, and the transform that fits the diagram in view.
 */
import type { DiagramNode, FlowNode, Point, StockNode } from '../../../../model/sd/edit';

/** Radius of a valve, a cloud and a flow's clickable centre (Simlin's `default.ts`: clouds 1.5 aux radii). */
export const VALVE_SIZE = 9;
export const CLOUD_RADIUS = 13;
export const ARROW_SIZE = 7;
/** Under this angle between takeoff and chord a link is drawn straight (Simlin's `StraightLineMax`, 6 degrees). */
const STRAIGHT_LINE_MAX = (6 * Math.PI) / 180;
/** How far a link without an angle bends off its chord at takeoff (radians; about 20 degrees). */
const DEFAULT_BEND = 0.35;

const unit = (x: number, y: number): Point => {
  const length = Math.hypot(x, y);
  return length === 0 ? { x: 1, y: 0 } : { x: x / length, y: y / length };
};

/** How far from its centre a node's outline is, in the (unit) `direction`. */
export function outlineDistance(node: DiagramNode, direction: Point): number {
  const kind = node.kind === 'alias' ? node.ofKind : node.kind;
  if (kind === 'stock') {
    const width = node.kind === 'stock' ? node.width : 45;
    const height = node.kind === 'stock' ? node.height : 35;
    const dx = Math.abs(direction.x);
    const dy = Math.abs(direction.y);
    return Math.min(dx === 0 ? Infinity : width / 2 / dx, dy === 0 ? Infinity : height / 2 / dy);
  }
  if (kind === 'aux') return node.kind === 'aux' ? node.radius : 9;
  return VALVE_SIZE;
}

export interface LinkGeometry {
  /** SVG path data, from the source's outline to the arrowhead's tip. */
  readonly path: string;
  readonly tip: Point;
  /** Direction the arrowhead points, in radians (screen coordinates, y down). */
  readonly angle: number;
}

function straightLink(from: DiagramNode, to: DiagramNode): LinkGeometry {
  const direction = unit(to.x - from.x, to.y - from.y);
  const start = {
    x: from.x + direction.x * outlineDistance(from, direction),
    y: from.y + direction.y * outlineDistance(from, direction),
  };
  const back = { x: -direction.x, y: -direction.y };
  const tip = { x: to.x + back.x * outlineDistance(to, back), y: to.y + back.y * outlineDistance(to, back) };
  return {
    path: `M${start.x},${start.y}L${tip.x},${tip.y}`,
    tip,
    angle: Math.atan2(direction.y, direction.x),
  };
}

/**
 * The takeoff of a link the view gives no angle: a gentle bend off the straight line, so links read as the
 * curved arrows of a causal diagram and one running beside a pipe does not lie on it.
 */
export function defaultTakeoff(from: Point, to: Point): number {
  return Math.atan2(to.y - from.y, to.x - from.x) - DEFAULT_BEND;
}

/**
 * A link as the arc of the circle through both centres that leaves the source at the connector's takeoff
 * angle (XMILE degrees: counter-clockwise with y up, so the screen angle is its negative, as in Simlin's
 * `convert_angle_from_xmile_to_canvas`). The circle's centre lies on the normal to the takeoff direction:
 * C = F + s n with |C - T| = |s|, which gives s = |T - F|^2 / (2 n . (T - F)).
 */
export function linkGeometry(
  from: DiagramNode,
  to: DiagramNode,
  xmileAngle: number | undefined,
): LinkGeometry {
  const theta = xmileAngle === undefined ? defaultTakeoff(from, to) : (-xmileAngle * Math.PI) / 180;
  const takeoff = { x: Math.cos(theta), y: Math.sin(theta) };
  const chord = { x: to.x - from.x, y: to.y - from.y };
  const chordLength = Math.hypot(chord.x, chord.y);
  const normal = { x: -takeoff.y, y: takeoff.x };
  const across = normal.x * chord.x + normal.y * chord.y;
  const along = takeoff.x * chord.x + takeoff.y * chord.y;
  if (chordLength === 0 || Math.abs(Math.atan2(across, along)) < STRAIGHT_LINE_MAX)
    return straightLink(from, to);
  const s = (chordLength * chordLength) / (2 * across);
  const center = { x: from.x + s * normal.x, y: from.y + s * normal.y };
  const radius = Math.abs(s);
  // Travelling along the takeoff direction turns clockwise on screen when the centre is on the normal's side.
  const turn = s > 0 ? 1 : -1;
  const angleOf = (point: Point) => Math.atan2(point.y - center.y, point.x - center.x);
  const fromAngle = angleOf(from);
  const toAngle = angleOf(to);
  const sweep = (((turn * (toAngle - fromAngle)) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const tangentAt = (angle: number): Point => ({ x: -turn * Math.sin(angle), y: turn * Math.cos(angle) });
  const arcOffset = (distance: number) => 2 * Math.asin(Math.min(1, distance / (2 * radius)));
  const startOffset = arcOffset(outlineDistance(from, takeoff));
  const arrival = tangentAt(toAngle);
  const endOffset = arcOffset(outlineDistance(to, { x: -arrival.x, y: -arrival.y }));
  if (startOffset + endOffset >= sweep) return straightLink(from, to);
  const startAngle = fromAngle + turn * startOffset;
  const endAngle = toAngle - turn * endOffset;
  const pointAt = (angle: number): Point => ({
    x: center.x + radius * Math.cos(angle),
    y: center.y + radius * Math.sin(angle),
  });
  const start = pointAt(startAngle);
  const tip = pointAt(endAngle);
  const largeArc = sweep - startOffset - endOffset > Math.PI ? 1 : 0;
  const direction = tangentAt(endAngle);
  return {
    path: `M${start.x},${start.y}A${radius},${radius} 0 ${largeArc},${turn > 0 ? 1 : 0} ${tip.x},${tip.y}`,
    tip,
    angle: Math.atan2(direction.y, direction.x),
  };
}

/** A filled arrowhead with its tip at `tip`, pointing along `angle`. */
export function arrowheadPath(tip: Point, angle: number, size = ARROW_SIZE): string {
  const back = { x: tip.x - Math.cos(angle) * size * 1.4, y: tip.y - Math.sin(angle) * size * 1.4 };
  const side = { x: -Math.sin(angle) * size * 0.75, y: Math.cos(angle) * size * 0.75 };
  return `M${tip.x},${tip.y}L${back.x + side.x},${back.y + side.y}L${back.x - side.x},${back.y - side.y}Z`;
}

const insideStock = (stock: StockNode, point: Point): boolean =>
  Math.abs(point.x - stock.x) < stock.width / 2 - 0.01 &&
  Math.abs(point.y - stock.y) < stock.height / 2 - 0.01;

/** Where the segment from `inside` (within the stock) towards `outside` crosses the stock's outline. */
function exitPoint(stock: StockNode, inside: Point, outside: Point): Point {
  const direction = unit(outside.x - inside.x, outside.y - inside.y);
  const fromCentre = { x: inside.x - stock.x, y: inside.y - stock.y };
  const limits = [
    direction.x > 0 ? (stock.width / 2 - fromCentre.x) / direction.x : Infinity,
    direction.x < 0 ? (-stock.width / 2 - fromCentre.x) / direction.x : Infinity,
    direction.y > 0 ? (stock.height / 2 - fromCentre.y) / direction.y : Infinity,
    direction.y < 0 ? (-stock.height / 2 - fromCentre.y) / direction.y : Infinity,
  ];
  const t = Math.min(...limits);
  return { x: inside.x + direction.x * t, y: inside.y + direction.y * t };
}

export interface PipeGeometry {
  /** The pipe, ending where its arrowhead begins. */
  readonly points: readonly Point[];
  readonly arrow: { readonly tip: Point; readonly angle: number };
  /** Clouds where the flow comes from or goes to nothing. */
  readonly sourceCloud: Point | undefined;
  readonly sinkCloud: Point | undefined;
}

/** A flow's pipe: clipped where it enters its stocks, ending in an arrowhead, with clouds at open ends. */
export function pipeGeometry(flow: FlowNode, stocks: ReadonlyMap<string, StockNode>): PipeGeometry {
  const points = flow.points.map((point) => ({ ...point }));
  const source = flow.from === undefined ? undefined : stocks.get(flow.from);
  const sink = flow.to === undefined ? undefined : stocks.get(flow.to);
  const first = points[0] as Point;
  const second = points[1] as Point;
  if (source !== undefined && insideStock(source, first)) points[0] = exitPoint(source, first, second);
  const lastIndex = points.length - 1;
  const last = points[lastIndex] as Point;
  const beforeLast = points[lastIndex - 1] as Point;
  if (sink !== undefined && insideStock(sink, last)) points[lastIndex] = exitPoint(sink, last, beforeLast);
  const end = points[lastIndex] as Point;
  const direction = unit(end.x - beforeLast.x, end.y - beforeLast.y);
  const angle = Math.atan2(direction.y, direction.x);
  // An open end stops short of its cloud.
  const tip =
    sink === undefined
      ? { x: end.x - direction.x * CLOUD_RADIUS, y: end.y - direction.y * CLOUD_RADIUS }
      : end;
  const base = { x: tip.x - direction.x * ARROW_SIZE * 1.6, y: tip.y - direction.y * ARROW_SIZE * 1.6 };
  const start = points[0] as Point;
  const startDirection = unit((points[1] as Point).x - start.x, (points[1] as Point).y - start.y);
  if (source === undefined) {
    points[0] = {
      x: start.x + startDirection.x * CLOUD_RADIUS,
      y: start.y + startDirection.y * CLOUD_RADIUS,
    };
  }
  points[lastIndex] = base;
  return {
    points,
    arrow: { tip, angle },
    sourceCloud: source === undefined ? (flow.points[0] as Point) : undefined,
    sinkCloud: sink === undefined ? (flow.points[flow.points.length - 1] as Point) : undefined,
  };
}

/** The direction of the pipe where the valve sits (the segment nearest to it), in radians. */
export function valveAngle(flow: FlowNode): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let index = 1; index < flow.points.length; index++) {
    const a = flow.points[index - 1] as Point;
    const b = flow.points[index] as Point;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const squared = dx * dx + dy * dy;
    const t =
      squared === 0 ? 0 : Math.max(0, Math.min(1, ((flow.x - a.x) * dx + (flow.y - a.y) * dy) / squared));
    const distance = Math.hypot(a.x + dx * t - flow.x, a.y + dy * t - flow.y);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = Math.atan2(dy, dx);
    }
  }
  return best;
}

/** A bow-tie valve: two triangles meeting at the centre, pointing along the pipe. */
export function valvePath(center: Point, angle: number, size = VALVE_SIZE): string {
  const along = { x: Math.cos(angle), y: Math.sin(angle) };
  const across = { x: -along.y, y: along.x };
  const corner = (a: number, b: number): string =>
    `${center.x + along.x * a * size + across.x * b * size * 0.8},${center.y + along.y * a * size + across.y * b * size * 0.8}`;
  return `M${center.x},${center.y}L${corner(-1, -1)}L${corner(-1, 1)}ZM${center.x},${center.y}L${corner(1, -1)}L${corner(1, 1)}Z`;
}

/** A cloud: five bumps round a centre. */
export function cloudPath(center: Point, radius = CLOUD_RADIUS): string {
  const bumps = 5;
  const bump = radius * 0.48;
  const ring = radius - bump * 0.6;
  const points = Array.from({ length: bumps + 1 }, (_, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / bumps;
    return { x: center.x + ring * Math.cos(angle), y: center.y + ring * Math.sin(angle) };
  });
  const first = points[0] as Point;
  return `M${first.x},${first.y}${points
    .slice(1)
    .map((point) => `A${bump},${bump} 0 1,1 ${point.x},${point.y}`)
    .join('')}Z`;
}
