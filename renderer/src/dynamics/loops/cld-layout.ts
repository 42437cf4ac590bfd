/**
 * The causal loop diagram of chosen loops: their variables on a circle in the order the loops run (a single
 * loop reads clockwise; loops that share no variable get circles of their own, one below the other), each link a curve bent toward the middle with its polarity mark near the head, and
 * a loop marker (R or B with a turning arrow) at the middle of each loop's variables (Sterman 2000, Business
 * Dynamics, chapter 5: link polarity marks at the arrowheads, loop identifiers inside the loop).
 */
import type { AnalyzedLoop, LinkPolarity, LoopPolarity } from '../../../../model/sd/loops';

export interface CldNode {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  /** Where the label sits relative to the point: away from the middle. */
  readonly anchor: 'start' | 'middle' | 'end';
  readonly labelX: number;
  readonly labelY: number;
}

export interface CldLink {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly polarity: LinkPolarity;
  /** SVG path data of the curve, ending where the arrowhead goes. */
  readonly path: string;
  readonly markX: number;
  readonly markY: number;
}

export interface CldMarker {
  readonly name: string;
  readonly title: string | undefined;
  readonly polarity: LoopPolarity;
  readonly x: number;
  readonly y: number;
}

export interface CldLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly CldNode[];
  readonly links: readonly CldLink[];
  readonly markers: readonly CldMarker[];
}

/** Room along the circle per variable, and beside and above it for the labels. */
const SPACING = 40;
const MIN_RADIUS = 80;
const LABEL_SIDE = 150;
const LABEL_TOP = 36;
/** How far a link stops short of the points it joins (the dot and a gap). */
const GAP = 9;

/** Loops that share no variable are drawn on circles of their own, one below the other. */
function groups(loops: readonly AnalyzedLoop[]): AnalyzedLoop[][] {
  const result: { variables: Set<string>; loops: AnalyzedLoop[] }[] = [];
  for (const loop of loops) {
    const touching = result.filter((group) => loop.variables.some((name) => group.variables.has(name)));
    const merged = {
      variables: new Set([...touching.flatMap((group) => [...group.variables]), ...loop.variables]),
      loops: [...touching.flatMap((group) => group.loops), loop],
    };
    result.splice(0, result.length, ...result.filter((group) => !touching.includes(group)), merged);
  }
  // In the order the loops were given.
  return result
    .map((group) => group.loops)
    .sort((a, b) => loops.indexOf(a[0] as AnalyzedLoop) - loops.indexOf(b[0] as AnalyzedLoop));
}

export function causalLoopLayout(loops: readonly AnalyzedLoop[]): CldLayout {
  const place = new Map<string, { x: number; y: number }>();
  const nodes: CldNode[] = [];
  const markers: CldMarker[] = [];
  const links = new Map<string, CldLink>();
  const circles = groups(loops).map((members) => {
    const order: string[] = [];
    for (const loop of members)
      for (const name of loop.variables) if (!order.includes(name)) order.push(name);
    return { members, order, radius: Math.max(MIN_RADIUS, (order.length * SPACING) / (2 * Math.PI)) };
  });
  const width = 2 * (Math.max(...circles.map((circle) => circle.radius), MIN_RADIUS) + LABEL_SIDE);
  let top = 0;
  for (const { members, order, radius } of circles) {
    const centre = { x: width / 2, y: top + LABEL_TOP + radius };
    top += 2 * (LABEL_TOP + radius);
    order.forEach((name, index) => {
      // From the top, clockwise on screen.
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / order.length;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const point = { x: centre.x + radius * cos, y: centre.y + radius * sin };
      place.set(name, point);
      const upright = Math.abs(cos) < 0.15;
      nodes.push({
        name,
        ...point,
        anchor: upright ? 'middle' : cos > 0 ? 'start' : 'end',
        labelX: centre.x + (radius + 10) * cos,
        labelY: centre.y + (radius + 10) * sin + (upright ? (sin > 0 ? 12 : -6) : 4),
      });
    });
    for (const loop of members)
      for (const link of loop.links) {
        const key = `${link.from}→${link.to}`;
        const from = place.get(link.from);
        const to = place.get(link.to);
        if (links.has(key) || from === undefined || to === undefined) continue;
        links.set(key, {
          key,
          from: link.from,
          to: link.to,
          polarity: link.polarity,
          ...curve(from, to, centre),
        });
      }
    members.forEach((loop, index) => {
      const points = loop.variables.map((name) => place.get(name)).filter((point) => point !== undefined);
      const x = points.reduce((sum, point) => sum + point.x, 0) / Math.max(points.length, 1);
      const y = points.reduce((sum, point) => sum + point.y, 0) / Math.max(points.length, 1);
      // Markers of loops sharing a middle are stacked, not drawn over each other.
      markers.push({
        name: loop.name,
        title: loop.title,
        polarity: loop.polarity,
        x,
        y: y + (index - (members.length - 1) / 2) * 46,
      });
    });
  }
  return { width, height: Math.max(top, 1), nodes, links: [...links.values()], markers };
}

/** A quadratic curve from one point toward another, bent toward the middle, shortened at both ends. */
function curve(
  from: { x: number; y: number },
  to: { x: number; y: number },
  centre: { readonly x: number; readonly y: number },
): { path: string; markX: number; markY: number } {
  const midX = (from.x + to.x) / 2;
  const midY = (from.y + to.y) / 2;
  // Pull the control point a quarter of the way to the middle of the circle.
  const controlX = midX + (centre.x - midX) * 0.25;
  const controlY = midY + (centre.y - midY) * 0.25;
  const start = toward(from, { x: controlX, y: controlY }, GAP);
  const end = toward(to, { x: controlX, y: controlY }, GAP + 2);
  const at = (t: number) => ({
    x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * controlX + t ** 2 * end.x,
    y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * controlY + t ** 2 * end.y,
  });
  // The polarity mark sits beside the curve near its head, on the side away from the middle.
  const near = at(0.82);
  const away = toward(near, centre, -11);
  const round = (value: number): string => value.toFixed(1);
  return {
    path: `M${round(start.x)},${round(start.y)}Q${round(controlX)},${round(controlY)} ${round(end.x)},${round(end.y)}`,
    markX: away.x,
    markY: away.y,
  };
}

/** The point `distance` along the way from `point` to `target` (negative: away from it). */
function toward(
  point: { x: number; y: number },
  target: { x: number; y: number },
  distance: number,
): { x: number; y: number } {
  const dx = target.x - point.x;
  const dy = target.y - point.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: point.x + (dx / length) * distance, y: point.y + (dy / length) * distance };
}
