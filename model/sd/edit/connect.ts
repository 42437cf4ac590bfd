/**
 * Attaching a flow to the stock it drains or fills (or letting that end go to a cloud): the stocks' outflow
 * and inflow lists change, and the pipe in the view is redrawn to reach the stock, straight when the other
 * end is free to follow, with one bend when it is held by another stock.
 */
import type { Outcome } from '../diagnostics';
import type { ModelDocument, Variable } from '../document';
import { equationReference } from '../names';
import { isElement } from '../xml-tree';
import { diagramOf } from './diagram';
import type { FlowNode, Point, StockNode } from './diagram-types';
import { materializeView, withFlowShape } from './layout-edits';
import { canonical, canonicalReference } from './memo';
import { midpointOf, stockSide, type Side } from './polyline';
import { failed, findVariable, succeeded, unknownVariable } from './variables';
import { VIEW_VARIABLE_TAGS, viewElementId, withStockFlowView } from './view-xml';

/** Which end of a flow: where it comes from (the stock it drains) or where it goes (the stock it fills). */
export type FlowEnd = 'from' | 'to';

const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

const SIDE_DIRECTIONS: Readonly<Record<Side, Point>> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
};

/**
 * The middle of the side of the stock that faces `toward` best among those no other pipe uses, so a new
 * pipe does not run on top of one already there.
 */
function sideFacing(
  stock: StockNode,
  toward: Point,
  taken: ReadonlySet<Side>,
): { edge: Point; outward: Point } {
  const direction = { x: (toward.x - stock.x) / stock.width, y: (toward.y - stock.y) / stock.height };
  const ranked = SIDES.map((side) => ({
    side,
    score: SIDE_DIRECTIONS[side].x * direction.x + SIDE_DIRECTIONS[side].y * direction.y,
  })).sort((a, b) => b.score - a.score);
  const side = (ranked.find((candidate) => !taken.has(candidate.side)) ?? ranked[0])?.side ?? 'left';
  const outward = SIDE_DIRECTIONS[side];
  return {
    edge: { x: stock.x + (outward.x * stock.width) / 2, y: stock.y + (outward.y * stock.height) / 2 },
    outward,
  };
}

/** The sides of `stock` where pipes other than `except` already end. */
function takenSides(stock: StockNode, flows: readonly FlowNode[], except: string): Set<Side> {
  const taken = new Set<Side>();
  for (const flow of flows) {
    if (flow.id === except) continue;
    const first = flow.points[0];
    const last = flow.points[flow.points.length - 1];
    if (flow.from === stock.id && first !== undefined) taken.add(stockSide(stock, first));
    if (flow.to === stock.id && last !== undefined) taken.add(stockSide(stock, last));
  }
  return taken;
}

/** How far a cloud moved into line stands off the stock, at least. */
const CLOUD_REACH = 100;
/** How far a bent pipe runs straight out of the stock before turning. */
const STRAIGHT_OUT = 30;

/** The pipe from `held` (the other end) to `stock`; `free` lets the other end (a cloud) move into line. */
function pipeTo(stock: StockNode, held: Point, free: boolean, taken: ReadonlySet<Side>): Point[] {
  const { edge, outward } = sideFacing(stock, held, taken);
  const ahead = (held.x - edge.x) * outward.x + (held.y - edge.y) * outward.y;
  const along = (distance: number): Point => ({
    x: edge.x + outward.x * distance,
    y: edge.y + outward.y * distance,
  });
  if (free) return [along(Math.max(CLOUD_REACH, ahead)), edge];
  const horizontal = outward.y === 0;
  const aligned = horizontal ? Math.abs(held.y - edge.y) < 0.5 : Math.abs(held.x - edge.x) < 0.5;
  if (aligned && ahead > 0) return [held, edge];
  if (ahead >= STRAIGHT_OUT)
    return [held, horizontal ? { x: held.x, y: edge.y } : { x: edge.x, y: held.y }, edge];
  const out = along(STRAIGHT_OUT);
  return [held, horizontal ? { x: out.x, y: held.y } : { x: held.x, y: out.y }, out, edge];
}

/**
 * Makes `stock` (or a cloud, when undefined) the `end` of `flow`: removed from the list of the stock it was
 * attached to there, added to the new stock's outflows (`from`) or inflows (`to`).
 */
export function connectFlow(
  document: ModelDocument,
  flowName: string,
  end: FlowEnd,
  stockName: string | undefined,
): Outcome<ModelDocument> {
  const flow = findVariable(document, flowName);
  if (flow?.kind !== 'flow') return failed([unknownVariable(flowName)]);
  const stock = stockName === undefined ? undefined : findVariable(document, stockName);
  if (stockName !== undefined && stock?.kind !== 'stock') return failed([unknownVariable(stockName)]);
  const flowId = canonical(flow.name);
  const stockId = stock === undefined ? undefined : canonical(stock.name);
  const listed = equationReference(flow.name);
  const variables = document.variables.map((variable): Variable => {
    if (variable.kind !== 'stock') return variable;
    const list = end === 'from' ? variable.outflows : variable.inflows;
    const kept = list.filter((written) => canonicalReference(written) !== flowId);
    const next = canonical(variable.name) === stockId ? [...kept, listed] : kept;
    if (next.length === list.length && next.every((written, index) => written === list[index]))
      return variable;
    return end === 'from' ? { ...variable, outflows: next } : { ...variable, inflows: next };
  });
  const relisted = materializeView({ ...document, variables });
  if (stockId === undefined) return succeeded(relisted);
  const diagram = diagramOf(relisted);
  const pipe = diagram.nodes.find((node): node is FlowNode => node.kind === 'flow' && node.id === flowId);
  const target = diagram.nodes.find(
    (node): node is StockNode => node.kind === 'stock' && node.id === stockId,
  );
  if (pipe === undefined || target === undefined) return succeeded(relisted);
  const otherEnd = end === 'from' ? pipe.to : pipe.from;
  const held = (end === 'from' ? pipe.points[pipe.points.length - 1] : pipe.points[0]) ?? pipe;
  const flows = diagram.nodes.filter((node): node is FlowNode => node.kind === 'flow');
  const toStock = pipeTo(target, held, otherEnd === undefined, takenSides(target, flows, flowId));
  const points = end === 'to' ? toStock : [...toStock].reverse();
  return succeeded(
    withStockFlowView(relisted, (view) => ({
      ...view,
      children: view.children.map((child) =>
        isElement(child) && VIEW_VARIABLE_TAGS.has(child.tag) && viewElementId(child) === flowId
          ? withFlowShape(child, midpointOf(points), points)
          : child,
      ),
    })),
  );
}
