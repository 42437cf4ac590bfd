/**
 * Writing positions back into the view, so a diagram arranged here survives an export to Stella: the
 * automatic layout made permanent (`materializeView`), and a shape dragged to a new place (`moveNode`).
 * A stock carries the ends of its pipes along; a valve slides along its pipe, except on a pipe between two
 * clouds, which moves whole.
 */
import type { ModelDocument } from '../document';
import { element, isElement, type XmlElement, type XmlNode } from '../xml-tree';
import { connectorElement, variableElements } from './connectors';
import { diagramOf } from './diagram';
import type { Diagram, FlowNode, Point, VariableNode } from './diagram-types';
import { nearestOnPolyline } from './polyline';
import {
  VIEW_VARIABLE_TAGS,
  formatCoordinate,
  largestUid,
  viewElementId,
  withCenter,
  withStockFlowView,
} from './view-xml';

const coordinates = (point: Point): Record<string, string> => ({
  x: formatCoordinate(point.x),
  y: formatCoordinate(point.y),
});

/** `<pts>` with one `<pt>` per point, keeping attributes a point already had (Stella's `uid` attachments). */
function pointsElement(points: readonly Point[], previous: XmlElement | undefined): XmlElement {
  const old = (previous?.children ?? []).filter(isElement);
  return element(
    'pts',
    previous?.attributes ?? {},
    points.map((point, index) => element('pt', { ...(old[index]?.attributes ?? {}), ...coordinates(point) })),
  );
}

/** A new view element for a variable at its diagram position. */
export function viewElementOf(node: VariableNode): XmlElement {
  const attributes = { name: node.name, ...coordinates(node) };
  if (node.kind === 'flow') return element('flow', attributes, [pointsElement(node.points, undefined)]);
  return element(node.kind, attributes);
}

export function withFlowShape(flow: XmlElement, valve: Point, points: readonly Point[]): XmlElement {
  const previous = flow.children.find(
    (child): child is XmlElement => isElement(child) && child.tag === 'pts',
  );
  const pts = pointsElement(points, previous);
  const children: XmlNode[] =
    previous === undefined
      ? [...flow.children, pts]
      : flow.children.map((child) => (child === previous ? pts : child));
  return { ...withCenter(flow, valve), children };
}

/**
 * The document with every variable of the diagram written into its view (positions from the automatic
 * layout where the file had none) and a connector for every link that lacks one. Unchanged (the same
 * object) when the view is already complete.
 */
export function materializeView(document: ModelDocument): ModelDocument {
  return completed(document, diagramOf(document));
}

/** `document` with the view completed from its `diagram` (diagramOf(document)); the same object if complete. */
function completed(document: ModelDocument, diagram: Diagram): ModelDocument {
  const missing = diagram.nodes.filter(
    (node): node is VariableNode => node.kind !== 'alias' && node.placement === 'automatic',
  );
  const unlinked = diagram.links.filter((link) => !link.inView);
  if (missing.length === 0 && unlinked.length === 0) return document;
  const names = new Map(
    diagram.nodes.map((node) => [node.id, node.kind === 'alias' ? node.ofName : node.name]),
  );
  return withStockFlowView(document, (view) => {
    const added = missing.map(viewElementOf);
    const elements = variableElements({ ...view, children: [...view.children, ...added] });
    let uid = largestUid(view);
    const connectors = unlinked.map((link) => {
      uid++;
      return connectorElement(
        uid,
        names.get(link.from) ?? link.from,
        names.get(link.to) ?? link.to,
        elements.get(link.from),
        elements.get(link.to),
      );
    });
    return { ...view, children: [...view.children, ...added, ...connectors] };
  });
}

/** A flow's pipe after the stock at one of its ends moved by `delta`. */
function followStock(flow: FlowNode, stock: string, delta: Point): { valve: Point; points: Point[] } {
  const points = flow.points.map((point) => ({ ...point }));
  const free = (flow.from === stock ? flow.to : flow.from) === undefined;
  if (free) {
    // A pipe from or to a cloud moves whole with its stock.
    const moved = points.map((point) => ({ x: point.x + delta.x, y: point.y + delta.y }));
    return { valve: { x: flow.x + delta.x, y: flow.y + delta.y }, points: moved };
  }
  const moveEnd = (index: number, neighbour: number) => {
    const end = points[index] as Point;
    const next = points[neighbour];
    const moved = { x: end.x + delta.x, y: end.y + delta.y };
    // Keep the first leg of a bent pipe straight: a vertical leg stays vertical, a horizontal one horizontal.
    if (next !== undefined && points.length > 2) {
      if (Math.abs(next.x - end.x) < 0.5) points[neighbour] = { x: moved.x, y: next.y };
      else if (Math.abs(next.y - end.y) < 0.5) points[neighbour] = { x: next.x, y: moved.y };
    }
    points[index] = moved;
  };
  if (flow.from === stock) moveEnd(0, 1);
  if (flow.to === stock) moveEnd(points.length - 1, points.length - 2);
  return { valve: nearestOnPolyline(points, flow), points };
}

function replaceVariableElement(
  view: XmlElement,
  id: string,
  change: (node: XmlElement) => XmlElement,
): XmlElement {
  let done = false;
  const children = view.children.map((child) => {
    if (done || !isElement(child) || !VIEW_VARIABLE_TAGS.has(child.tag) || viewElementId(child) !== id)
      return child;
    done = true;
    return change(child);
  });
  return { ...view, children };
}

/** Moves a node (a variable, or `alias:<uid>`) so its centre is at `to`, writing the view. */
export function moveNode(document: ModelDocument, nodeId: string, to: Point): ModelDocument {
  const first = diagramOf(document);
  const complete = completed(document, first);
  const diagram = complete === document ? first : diagramOf(complete);
  const node = diagram.nodes.find((candidate) => candidate.id === nodeId);
  if (node === undefined) return document;
  if (node.kind === 'alias') {
    return withStockFlowView(complete, (view) => ({
      ...view,
      children: view.children.map((child) =>
        isElement(child) && child.tag === 'alias' && child.attributes['uid'] === node.uid
          ? withCenter(child, to)
          : child,
      ),
    }));
  }
  if (node.kind === 'flow') {
    const loose = node.from === undefined && node.to === undefined;
    const delta = { x: to.x - node.x, y: to.y - node.y };
    const points = loose
      ? node.points.map((point) => ({ x: point.x + delta.x, y: point.y + delta.y }))
      : node.points;
    const valve = loose ? to : nearestOnPolyline(node.points, to);
    return withStockFlowView(complete, (view) =>
      replaceVariableElement(view, node.id, (flow) => withFlowShape(flow, valve, points)),
    );
  }
  const delta = { x: to.x - node.x, y: to.y - node.y };
  return withStockFlowView(complete, (view) => {
    let changed = replaceVariableElement(view, node.id, (shape) => withCenter(shape, to));
    if (node.kind !== 'stock') return changed;
    for (const flow of diagram.nodes) {
      if (flow.kind !== 'flow' || (flow.from !== node.id && flow.to !== node.id)) continue;
      const shape = followStock(flow, node.id, delta);
      changed = replaceVariableElement(changed, flow.id, (element) =>
        withFlowShape(element, shape.valve, shape.points),
      );
    }
    return changed;
  });
}
