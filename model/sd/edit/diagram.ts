/**
 * `diagramOf(document)`: the positioned stock-and-flow diagram of a model. Positions come from the model's
 * stock-and-flow view (XMILE 1.0 chapter 5: `<stock x y [width height]>`, `<flow x y><pts><pt x y/>...`,
 * `<aux x y>`, `<alias><of/></alias>`, `<connector angle><from/><to/></connector>`, `<group>`,
 * `<text_box>`); variables the view lacks are laid out automatically (auto-layout.ts).
 *
 * Links are what the equations read: a connector of the view is drawn (with its angle) while the equation
 * still reads its source, and a dependency without a connector is drawn straight, so the diagram never
 * shows a link the model does not have, nor hides one it has.
 */
import type { ModelDocument, Stock } from '../document';
import { childElements, firstChild, isElement, textOf, type XmlElement } from '../xml-tree';
import { stockSide, verticalAt, type Side } from './polyline';
import { drawnAsFlow, flowEnds, layoutMissing, type FlowPlace, type StockPlace } from './auto-layout';
import { aliasTargets, resolveEnd } from './connectors';
import { isTable, variableReads, variablesById } from './dependencies';
import {
  DEFAULT_AUX_RADIUS,
  DEFAULT_STOCK_HEIGHT,
  DEFAULT_STOCK_WIDTH,
  LABEL_SIDES,
  type AliasNode,
  type Diagram,
  type DiagramGroup,
  type DiagramLink,
  type DiagramNode,
  type DiagramNote,
  type LabelSide,
  type Point,
  type VariableNode,
} from './diagram-types';
import {
  VIEW_VARIABLE_TAGS,
  aliasOf,
  connectorEnd,
  elementCenter,
  numberAttribute,
  stockFlowView,
  viewElementId,
  viewStyles,
  type ConnectorEnd,
} from './view-xml';
import { canonical } from './memo';

/** Where a stock's name goes, first choice first: above (Stella's default), else where no pipe comes in. */
const LABEL_ORDER = ['top', 'bottom', 'left', 'right'] as const;

interface Sizes {
  readonly stockWidth: number;
  readonly stockHeight: number;
  readonly auxRadius: number;
}

/** Stock and auxiliary sizes from the view's `<style>` (`<stock><shape width height/>`, `<aux><shape radius/>`). */
function sizesOf(document: ModelDocument): Sizes {
  let stockWidth: number | undefined;
  let stockHeight: number | undefined;
  let auxRadius: number | undefined;
  for (const style of viewStyles(document)) {
    const stockShape = firstChild(firstChild(style, 'stock') ?? style, 'shape');
    const auxShape = firstChild(firstChild(style, 'aux') ?? style, 'shape');
    if (firstChild(style, 'stock') !== undefined && stockShape !== undefined) {
      stockWidth ??= numberAttribute(stockShape, 'width');
      stockHeight ??= numberAttribute(stockShape, 'height');
    }
    if (firstChild(style, 'aux') !== undefined && auxShape !== undefined) {
      auxRadius ??= numberAttribute(auxShape, 'radius');
    }
  }
  return {
    stockWidth: stockWidth ?? DEFAULT_STOCK_WIDTH,
    stockHeight: stockHeight ?? DEFAULT_STOCK_HEIGHT,
    auxRadius: auxRadius ?? DEFAULT_AUX_RADIUS,
  };
}

/** Stella's defaults: a stock's name above it, a flow's and an auxiliary's below (Simlin's reader agrees). */
function labelSide(node: XmlElement | undefined, kind: 'stock' | 'flow' | 'aux'): LabelSide {
  const written = node?.attributes['label_side'];
  const side = LABEL_SIDES.find((candidate) => candidate === written);
  return side ?? (kind === 'stock' ? 'top' : 'bottom');
}

function pointsOf(flow: XmlElement): Point[] {
  const pts = firstChild(flow, 'pts');
  if (pts === undefined) return [];
  return childElements(pts, 'pt')
    .map((pt) => ({ x: numberAttribute(pt, 'x'), y: numberAttribute(pt, 'y') }))
    .filter((point): point is Point => point.x !== undefined && point.y !== undefined);
}

interface RawConnector {
  readonly uid: string | undefined;
  readonly from: ConnectorEnd | undefined;
  readonly to: ConnectorEnd | undefined;
  readonly angle: number | undefined;
}

export function diagramOf(document: ModelDocument): Diagram {
  const view = stockFlowView(document);
  const sizes = sizesOf(document);
  const byId = variablesById(document);
  const stocks = new Map<string, StockPlace>();
  const flows = new Map<string, FlowPlace>();
  const auxes = new Map<string, Point>();
  const elements = new Map<string, XmlElement>();
  const aliases: AliasNode[] = [];
  const connectors: RawConnector[] = [];
  const groups: DiagramGroup[] = [];
  const notes: DiagramNote[] = [];

  const ends = flowEnds(
    document.variables.filter((variable): variable is Stock => variable.kind === 'stock'),
  );
  for (const child of view?.children ?? []) {
    if (!isElement(child)) continue;
    if (VIEW_VARIABLE_TAGS.has(child.tag)) {
      const id = viewElementId(child);
      const variable = id === undefined ? undefined : byId.get(id);
      const center = elementCenter(child);
      if (id === undefined || variable === undefined || center === undefined || elements.has(id)) continue;
      elements.set(id, child);
      if (variable.kind === 'stock') {
        stocks.set(id, {
          ...center,
          width: numberAttribute(child, 'width') ?? sizes.stockWidth,
          height: numberAttribute(child, 'height') ?? sizes.stockHeight,
        });
      } else if (drawnAsFlow(variable, ends)) {
        const points = pointsOf(child);
        flows.set(id, {
          ...center,
          points:
            points.length >= 2
              ? points
              : [
                  { x: center.x - 40, y: center.y },
                  { x: center.x + 40, y: center.y },
                ],
        });
      } else {
        auxes.set(id, center);
      }
    } else if (child.tag === 'alias') {
      const of = aliasOf(child);
      const target = of === undefined ? undefined : byId.get(of);
      const center = elementCenter(child);
      const uid = child.attributes['uid'];
      if (
        of === undefined ||
        target === undefined ||
        target.kind === 'gf' ||
        center === undefined ||
        uid === undefined
      )
        continue;
      aliases.push({
        kind: 'alias',
        id: `alias:${uid}`,
        uid,
        of,
        ofName: target.name,
        ofKind: target.kind,
        ...center,
        labelSide: labelSide(child, target.kind),
      });
    } else if (child.tag === 'connector') {
      connectors.push({
        uid: child.attributes['uid'],
        from: connectorEnd(child, 'from'),
        to: connectorEnd(child, 'to'),
        angle: numberAttribute(child, 'angle'),
      });
    } else if (child.tag === 'group' || child.tag === 'text_box') {
      const x = numberAttribute(child, 'x');
      const y = numberAttribute(child, 'y');
      const width = numberAttribute(child, 'width');
      const height = numberAttribute(child, 'height');
      if (x === undefined || y === undefined || width === undefined || height === undefined) continue;
      // Groups and text boxes are placed by their top-left corner (Simlin's reader, `From<Group>`).
      if (child.tag === 'group') groups.push({ name: child.attributes['name'] ?? '', x, y, width, height });
      else notes.push({ text: textOf(child).trim(), x, y, width, height });
    }
  }

  const others = new Map<string, Point>(auxes);
  for (const alias of aliases) others.set(alias.id, alias);
  const layout = layoutMissing(document, { stocks, flows, others });

  // Where pipes meet each stock, so a stock's name (above it by default) moves off a pipe that comes in there.
  const pipeSides = new Map<string, Set<Side>>();
  for (const [id, end] of ends) {
    const pipe = flows.get(id) ?? layout.flows.get(id);
    const touch = (stockId: string | undefined, point: Point | undefined) => {
      const stock = stockId === undefined ? undefined : (stocks.get(stockId) ?? layout.stocks.get(stockId));
      if (stockId === undefined || stock === undefined || point === undefined) return;
      pipeSides.set(stockId, (pipeSides.get(stockId) ?? new Set()).add(stockSide(stock, point)));
    };
    touch(end.from, pipe?.points[0]);
    touch(end.to, pipe?.points[pipe.points.length - 1]);
  }
  const stockLabelSide = (id: string, element: XmlElement | undefined): LabelSide => {
    if (element?.attributes['label_side'] !== undefined) return labelSide(element, 'stock');
    const taken = pipeSides.get(id);
    return LABEL_ORDER.find((side) => taken?.has(side) !== true) ?? 'top';
  };

  const nodes: DiagramNode[] = [];
  for (const variable of document.variables) {
    const id = canonical(variable.name);
    const element = elements.get(id);
    const placement = element === undefined ? 'automatic' : 'view';
    const base = { id, name: variable.name, variableKind: variable.kind, placement } as const;
    if (variable.kind === 'stock') {
      const place = stocks.get(id) ?? layout.stocks.get(id);
      if (place === undefined) continue;
      nodes.push({ ...base, kind: 'stock', ...place, labelSide: stockLabelSide(id, element) });
    } else if (drawnAsFlow(variable, ends)) {
      const place = flows.get(id) ?? layout.flows.get(id);
      if (place === undefined) continue;
      const end = ends.get(id);
      nodes.push({
        ...base,
        kind: 'flow',
        x: place.x,
        y: place.y,
        points: place.points,
        from: end?.from,
        to: end?.to,
        labelSide:
          element?.attributes['label_side'] === undefined && verticalAt(place.points, place)
            ? 'right'
            : labelSide(element, 'flow'),
      });
    } else {
      const place = auxes.get(id) ?? layout.auxes.get(id);
      if (place === undefined) continue;
      nodes.push({
        ...base,
        kind: 'aux',
        x: place.x,
        y: place.y,
        radius: sizes.auxRadius,
        graphical: isTable(variable),
        labelSide: labelSide(element, 'aux'),
      });
    }
  }
  nodes.push(...aliases);

  const placedCount = nodes.filter((node) => node.kind !== 'alias' && node.placement === 'view').length;
  const variableCount = nodes.length - aliases.length;
  return {
    nodes,
    links: linksOf(document, nodes, connectors, view),
    groups,
    notes,
    layout: placedCount === 0 ? 'automatic' : placedCount === variableCount ? 'view' : 'mixed',
  };
}

function linksOf(
  document: ModelDocument,
  nodes: readonly DiagramNode[],
  connectors: readonly RawConnector[],
  view: XmlElement | undefined,
): DiagramLink[] {
  const reads = variableReads(document);
  const present = new Set(nodes.map((node) => node.id));
  const aliasMap = view === undefined ? new Map<string, string>() : aliasTargets(view);
  const links: DiagramLink[] = [];
  const used = new Set<string>();
  const covered = new Set<string>();
  const add = (from: string, to: string, angle: number | undefined, inView: boolean) => {
    let id = `${from}->${to}`;
    for (let copy = 2; used.has(id); copy++) id = `${from}->${to}#${copy}`;
    used.add(id);
    links.push({ id, from, to, angle, inView });
  };
  for (const connector of connectors) {
    const source = resolveEnd(connector.from, aliasMap);
    const target =
      connector.to !== undefined && 'variable' in connector.to ? connector.to.variable : undefined;
    const fromNode =
      connector.from !== undefined && 'alias' in connector.from ? `alias:${connector.from.alias}` : source;
    if (source === undefined || target === undefined || fromNode === undefined) continue;
    if (!present.has(fromNode) || !present.has(target) || source === target) continue;
    const targetReads = reads.get(target);
    // A connector the equation no longer needs is stale; while the equation does not parse, keep it.
    if (targetReads !== undefined && !targetReads.has(source)) continue;
    add(fromNode, target, connector.angle, true);
    covered.add(`${source}->${target}`);
  }
  for (const [target, targetReads] of reads) {
    for (const source of targetReads ?? []) {
      if (!covered.has(`${source}->${target}`) && present.has(source) && present.has(target)) {
        add(source, target, undefined, false);
      }
    }
  }
  return links;
}

/** The node of a variable (not its ghosts), by the variable's name. */
export function variableNode(diagram: Diagram, name: string): VariableNode | undefined {
  const id = canonical(name);
  return diagram.nodes.find((node): node is VariableNode => node.kind !== 'alias' && node.id === id);
}
