/**
 * The automatic layout of a stock-and-flow diagram, for a file with no view (or variables the view lacks).
 * Hand-written because no layout library knows stocks and pipes, and deterministic so the same model always
 * looks the same:
 *
 * 1. Stocks joined by flows form chains, each laid along a row in the order of its flows; short chains (a
 *    lone stock) share a row.
 * 2. A flow between neighbours in a row is a straight pipe; any other flow between stocks goes round below
 *    the row; a flow from or to nothing gets a pipe to a cloud on a free side of its stock.
 * 3. Auxiliaries go near what they feed (above it), in rounds outward from the stocks and flows; those that
 *    feed nothing go near what they read (below it); the rest in a grid under the diagram. Each takes the
 *    nearest spot on a grid whose footprint (shape and label) overlaps nothing placed.
 */
import type { ModelDocument, Stock, Variable } from '../document';
import { DEFAULT_STOCK_HEIGHT, DEFAULT_STOCK_WIDTH, type Point } from './diagram-types';
import { variableReads } from './dependencies';
import { midpointOf } from './polyline';
import { canonical, canonicalReference } from './memo';

export interface StockPlace {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface FlowPlace {
  readonly x: number;
  readonly y: number;
  readonly points: readonly Point[];
}
export interface AuxPlace {
  readonly x: number;
  readonly y: number;
}

/** Positions by canonical name. */
export interface Layout {
  readonly stocks: ReadonlyMap<string, StockPlace>;
  readonly flows: ReadonlyMap<string, FlowPlace>;
  readonly auxes: ReadonlyMap<string, AuxPlace>;
}

/** Spacing, in view units (Stella's points). */
const COLUMN = 240;
const ROW = 320;
/** How wide a row of stock chains grows before the next chain starts a new row, and the gap between chains. */
const ROW_WIDTH = 5 * COLUMN;
const CHAIN_GAP = COLUMN / 2;
const CLOUD_PIPE = 120;
const ROUTE_DROP = 48;
const ROUTE_STEP = 26;
const AUX_RISE = 95;
const GRID_X = 70;
const GRID_Y = 56;
const SEARCH_RINGS = 9;
const GAP = 6;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** What a shape and its label cover, around its centre. Labels sit below auxiliaries and valves, above stocks. */
const AUX_FOOTPRINT: Box = { left: -48, top: -12, right: 48, bottom: 40 };
const VALVE_FOOTPRINT: Box = { left: -46, top: -12, right: 46, bottom: 38 };
const stockFootprint = (stock: StockPlace): Box => ({
  left: -Math.max(stock.width / 2, 56),
  top: -stock.height / 2 - 30,
  right: Math.max(stock.width / 2, 56),
  bottom: stock.height / 2 + 4,
});

const around = (point: Point, footprint: Box): Box => ({
  left: point.x + footprint.left,
  top: point.y + footprint.top,
  right: point.x + footprint.right,
  bottom: point.y + footprint.bottom,
});

const segmentBox = (a: Point, b: Point): Box => ({
  left: Math.min(a.x, b.x) - 8,
  top: Math.min(a.y, b.y) - 8,
  right: Math.max(a.x, b.x) + 8,
  bottom: Math.max(a.y, b.y) + 8,
});

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP;

type Side = 'left' | 'right' | 'top' | 'bottom';

/** Where each flow ends: the stock it drains and the stock it fills (the first, if a file lists more). */
export function flowEnds(stocks: readonly Stock[]): Map<string, { from?: string; to?: string }> {
  const ends = new Map<string, { from?: string; to?: string }>();
  for (const stock of stocks) {
    const id = canonical(stock.name);
    for (const flow of stock.outflows) {
      const end = ends.get(canonicalReference(flow)) ?? {};
      end.from ??= id;
      ends.set(canonicalReference(flow), end);
    }
    for (const flow of stock.inflows) {
      const end = ends.get(canonicalReference(flow)) ?? {};
      end.to ??= id;
      ends.set(canonicalReference(flow), end);
    }
  }
  return ends;
}

/**
 * True for a flow, and for an auxiliary a stock lists as one of its flows: files converted by xmutil
 * (test-models `zeroled_decimals`) declare some flows as `<aux>`, and the engine takes their value as the
 * rate (graph/build.ts), so the diagram draws them as pipes too.
 */
export function drawnAsFlow(variable: Variable, ends: ReadonlyMap<string, unknown>): boolean {
  return variable.kind === 'flow' || (variable.kind === 'aux' && ends.has(canonical(variable.name)));
}

/** Chains of stocks joined by flows, each ordered along its flows (cycles broken in the model's order). */
function stockRows(ids: readonly string[], edges: readonly (readonly [string, string])[]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  for (const [a, b] of edges) if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  const rows = new Map<string, string[]>();
  for (const id of ids) rows.set(find(id), [...(rows.get(find(id)) ?? []), id]);
  return [...rows.values()].map((members) => {
    const ordered: string[] = [];
    const remaining = new Set(members);
    while (remaining.size > 0) {
      const source =
        members.find(
          (id) =>
            remaining.has(id) && !edges.some(([from, to]) => to === id && from !== id && remaining.has(from)),
        ) ?? (members.find((id) => remaining.has(id)) as string);
      ordered.push(source);
      remaining.delete(source);
    }
    return ordered;
  });
}

/** The grid offsets around a point, nearest first, preferring `direction` (-1 up, +1 down) and then sideways. */
function searchOffsets(direction: -1 | 1): Point[] {
  const offsets: { point: Point; cost: number }[] = [];
  for (let i = -SEARCH_RINGS; i <= SEARCH_RINGS; i++) {
    for (let j = -SEARCH_RINGS; j <= SEARCH_RINGS; j++) {
      const against = Math.sign(j) === -direction ? 1.5 : 0;
      offsets.push({
        point: { x: i * GRID_X, y: j * GRID_Y },
        cost: Math.abs(i) + Math.abs(j) * 1.3 + against + (i < 0 ? 0.01 : 0),
      });
    }
  }
  return offsets.sort((a, b) => a.cost - b.cost).map((offset) => offset.point);
}
const UPWARD = searchOffsets(-1);
const DOWNWARD = searchOffsets(1);

export interface FixedNodes {
  readonly stocks: ReadonlyMap<string, StockPlace>;
  readonly flows: ReadonlyMap<string, FlowPlace>;
  /** Auxiliaries and anything else already drawn (ghosts), by id. */
  readonly others: ReadonlyMap<string, Point>;
}

/** Positions for every variable of `document` that `fixed` does not place. */
export function layoutMissing(document: ModelDocument, fixed: FixedNodes): Layout {
  const stocks = new Map(fixed.stocks);
  const flows = new Map(fixed.flows);
  const auxes = new Map<string, AuxPlace>();
  const boxes: Box[] = [];
  const occupy = (box: Box) => boxes.push(box);
  const isFree = (box: Box) => !boxes.some((other) => overlaps(box, other));
  const occupyFlow = (flow: FlowPlace) => {
    occupy(around(flow, VALVE_FOOTPRINT));
    flow.points.slice(1).forEach((point, index) => occupy(segmentBox(flow.points[index] as Point, point)));
  };
  for (const stock of stocks.values()) occupy(around(stock, stockFootprint(stock)));
  for (const flow of flows.values()) occupyFlow(flow);
  for (const other of fixed.others.values()) occupy(around(other, AUX_FOOTPRINT));
  const bottomOfAll = () => boxes.reduce((bottom, box) => Math.max(bottom, box.bottom), -Infinity);
  const leftOfAll = () => (boxes.length === 0 ? 0 : Math.min(...boxes.map((box) => box.left)) + 60);

  // 1. Stocks: each chain in a row of its own columns, short chains side by side until a row is full, all
  // below what is already drawn.
  const stockVariables = document.variables.filter(
    (variable): variable is Stock => variable.kind === 'stock',
  );
  const ends = flowEnds(stockVariables);
  const edges = [...ends.values()]
    .filter((end): end is { from: string; to: string } => end.from !== undefined && end.to !== undefined)
    .map((end) => [end.from, end.to] as const);
  const newStocks = stockVariables.map((stock) => canonical(stock.name)).filter((id) => !stocks.has(id));
  let rowY = boxes.length === 0 ? 0 : bottomOfAll() + ROW / 2;
  const rowX = leftOfAll();
  let cursor = 0;
  for (const chain of stockRows(newStocks, edges)) {
    if (cursor > 0 && cursor + (chain.length - 1) * COLUMN > ROW_WIDTH) {
      rowY += ROW;
      cursor = 0;
    }
    chain.forEach((id, column) => {
      const place = {
        x: rowX + cursor + column * COLUMN,
        y: rowY,
        width: DEFAULT_STOCK_WIDTH,
        height: DEFAULT_STOCK_HEIGHT,
      };
      stocks.set(id, place);
      occupy(around(place, stockFootprint(place)));
    });
    cursor += chain.length * COLUMN + CHAIN_GAP;
  }

  // 2. Flows: straight between neighbours, round below otherwise, to clouds on free sides.
  const used = new Map<string, Set<Side>>();
  const useSide = (stock: string, side: Side) => used.set(stock, (used.get(stock) ?? new Set()).add(side));
  const routesBelow = new Map<string, number>();
  const flowIds = document.variables
    .filter((variable) => drawnAsFlow(variable, ends))
    .map((flow) => canonical(flow.name));
  const newFlows = flowIds.filter((id) => !flows.has(id));
  const place = (id: string, points: Point[]) => {
    const valve = midpointOf(points);
    const flow = { x: valve.x, y: valve.y, points };
    flows.set(id, flow);
    occupyFlow(flow);
  };
  const between = newFlows.filter((id) => ends.get(id)?.from !== undefined && ends.get(id)?.to !== undefined);
  for (const id of between) {
    const { from, to } = ends.get(id) as { from: string; to: string };
    const a = stocks.get(from) as StockPlace;
    const b = stocks.get(to) as StockPlace;
    const sameRow = Math.abs(a.y - b.y) < 1;
    const neighbours =
      sameRow &&
      b.x > a.x &&
      ![...stocks.values()].some((other) => Math.abs(other.y - a.y) < 1 && other.x > a.x && other.x < b.x);
    if (neighbours && !used.get(from)?.has('right') && !used.get(to)?.has('left')) {
      place(id, [
        { x: a.x + a.width / 2, y: a.y },
        { x: b.x - b.width / 2, y: b.y },
      ]);
      useSide(from, 'right');
      useSide(to, 'left');
      continue;
    }
    const key = String(Math.round(Math.max(a.y, b.y)));
    const count = routesBelow.get(key) ?? 0;
    routesBelow.set(key, count + 1);
    const depth = Math.max(a.y + a.height / 2, b.y + b.height / 2) + ROUTE_DROP + count * ROUTE_STEP;
    const shift = (count % 2 === 0 ? 1 : -1) * Math.ceil(count / 2) * 8;
    const ax = a.x + shift;
    const bx = b.x - shift;
    place(id, [
      { x: ax, y: a.y + a.height / 2 },
      { x: ax, y: depth },
      { x: bx, y: depth },
      { x: bx, y: b.y + b.height / 2 },
    ]);
    useSide(from, 'bottom');
    useSide(to, 'bottom');
  }
  const edgePoint = (stock: StockPlace, side: Side): Point => {
    switch (side) {
      case 'left':
        return { x: stock.x - stock.width / 2, y: stock.y };
      case 'right':
        return { x: stock.x + stock.width / 2, y: stock.y };
      case 'top':
        return { x: stock.x, y: stock.y - stock.height / 2 };
      case 'bottom':
        return { x: stock.x, y: stock.y + stock.height / 2 };
    }
  };
  const outward: Readonly<Record<Side, Point>> = {
    left: { x: -1, y: 0 },
    right: { x: 1, y: 0 },
    top: { x: 0, y: -1 },
    bottom: { x: 0, y: 1 },
  };
  const cloudFlow = (id: string, stockId: string, sides: readonly Side[], into: boolean) => {
    const stock = stocks.get(stockId) as StockPlace;
    const side = sides.find((candidate) => !used.get(stockId)?.has(candidate)) ?? (sides[0] as Side);
    useSide(stockId, side);
    const edge = edgePoint(stock, side);
    const cloud = { x: edge.x + outward[side].x * CLOUD_PIPE, y: edge.y + outward[side].y * CLOUD_PIPE };
    place(id, into ? [cloud, edge] : [edge, cloud]);
  };
  for (const id of newFlows) {
    if (between.includes(id)) continue;
    const end = ends.get(id);
    if (end?.from !== undefined) cloudFlow(id, end.from, ['right', 'bottom', 'top', 'left'], false);
    else if (end?.to !== undefined) cloudFlow(id, end.to, ['left', 'top', 'bottom', 'right'], true);
  }
  const loose = newFlows.filter((id) => !flows.has(id));
  if (loose.length > 0) {
    const y = (boxes.length === 0 ? 0 : bottomOfAll()) + 80;
    loose.forEach((id, index) => {
      const x = rowX + index * (CLOUD_PIPE + COLUMN / 2);
      place(id, [
        { x, y },
        { x: x + CLOUD_PIPE, y },
      ]);
    });
  }

  // 3. Auxiliaries and graphical functions, outward from the stocks and flows.
  const reads = variableReads(document);
  const pending = document.variables
    .filter((variable) => (variable.kind === 'aux' || variable.kind === 'gf') && !drawnAsFlow(variable, ends))
    .map((variable) => canonical(variable.name))
    .filter((id) => !fixed.others.has(id));
  const positionOf = (id: string): Point | undefined =>
    stocks.get(id) ?? flows.get(id) ?? auxes.get(id) ?? fixed.others.get(id);
  const settle = (id: string, anchor: Point, offsets: readonly Point[]) => {
    const spot = offsets
      .map((offset) => ({ x: anchor.x + offset.x, y: anchor.y + offset.y }))
      .find((candidate) => isFree(around(candidate, AUX_FOOTPRINT))) ?? {
      x: anchor.x,
      y: bottomOfAll() + GRID_Y,
    };
    auxes.set(id, spot);
    occupy(around(spot, AUX_FOOTPRINT));
  };
  const mean = (points: readonly Point[]): Point => ({
    x: points.reduce((sum, point) => sum + point.x, 0) / points.length,
    y: points.reduce((sum, point) => sum + point.y, 0) / points.length,
  });
  const readersOf = (id: string): Point[] =>
    [...reads.entries()]
      .filter(([, read]) => read?.has(id) === true)
      .map(([reader]) => positionOf(reader))
      .filter((point): point is Point => point !== undefined);
  const sourcesOf = (id: string): Point[] =>
    [...(reads.get(id) ?? [])].map(positionOf).filter((point): point is Point => point !== undefined);
  // One round at a time, so each ring of auxiliaries is anchored on the ring placed before it; those that feed
  // the structure first, then those that only read it.
  for (;;) {
    const upstream = pending.filter((id) => !auxes.has(id) && readersOf(id).length > 0);
    if (upstream.length > 0) {
      const anchors = upstream.map((id) => [id, mean(readersOf(id))] as const);
      for (const [id, anchor] of anchors) settle(id, { x: anchor.x, y: anchor.y - AUX_RISE }, UPWARD);
      continue;
    }
    const downstream = pending.filter((id) => !auxes.has(id) && sourcesOf(id).length > 0);
    if (downstream.length === 0) break;
    const anchors = downstream.map((id) => [id, mean(sourcesOf(id))] as const);
    for (const [id, anchor] of anchors) settle(id, { x: anchor.x, y: anchor.y + AUX_RISE }, DOWNWARD);
  }
  const isolated = pending.filter((id) => !auxes.has(id));
  const gridTop = (boxes.length === 0 ? 0 : bottomOfAll()) + 60;
  isolated.forEach((id, index) => {
    const spot = { x: rowX + (index % 6) * (GRID_X * 2), y: gridTop + Math.floor(index / 6) * GRID_Y * 1.5 };
    auxes.set(id, spot);
  });

  const newOnly = <T>(all: ReadonlyMap<string, T>, known: ReadonlyMap<string, unknown>) =>
    new Map([...all].filter(([id]) => !known.has(id)));
  return { stocks: newOnly(stocks, fixed.stocks), flows: newOnly(flows, fixed.flows), auxes };
}
