/**
 * Reading and rewriting the stock-and-flow `<view>` inside a document's `<views>` element, which the reader
 * keeps verbatim as an XML tree. XMILE 1.0 section 5.1: a model's `<views>` holds one or more `<view>`s; the
 * stock-and-flow one has `type="stock_flow"` (Stella 1.x also writes `view_type`, older files no type at
 * all), the others are interface pages. Variables appear in it as `<stock>`, `<flow>` and `<aux>` elements
 * named like the variable, links as `<connector>`s, ghosts as `<alias>`es.
 */
import type { ModelDocument } from '../document';
import {
  childElements,
  element,
  firstChild,
  isElement,
  textOf,
  type XmlElement,
  type XmlNode,
} from '../xml-tree';
import { canonical } from './memo';

/** The view elements that stand for a variable. */
export const VIEW_VARIABLE_TAGS: ReadonlySet<string> = new Set(['stock', 'flow', 'aux']);

function isStockFlowView(view: XmlElement): boolean {
  const type = view.attributes['type'] ?? view.attributes['view_type'];
  if (type !== undefined) return type === 'stock_flow';
  return (view.attributes['name'] ?? '').toLowerCase() !== 'interface';
}

function viewsElement(document: ModelDocument): XmlElement | undefined {
  const views = document.views;
  return views !== undefined && isElement(views) ? views : undefined;
}

/** The model's stock-and-flow view, if the file has one. */
export function stockFlowView(document: ModelDocument): XmlElement | undefined {
  const views = viewsElement(document);
  return views === undefined ? undefined : childElements(views, 'view').find(isStockFlowView);
}

/** The `<style>` blocks that apply to the view: its own, then the one for all views. */
export function viewStyles(document: ModelDocument): readonly XmlElement[] {
  const views = viewsElement(document);
  const view = stockFlowView(document);
  return [view, views]
    .map((holder) => (holder === undefined ? undefined : firstChild(holder, 'style')))
    .filter((style): style is XmlElement => style !== undefined);
}

/**
 * The document with its stock-and-flow view changed by `change`. A document without one gets
 * `<views><view type="stock_flow"/></views>` first, so a model laid out automatically can be saved with
 * positions that Stella reads.
 */
export function withStockFlowView(
  document: ModelDocument,
  change: (view: XmlElement) => XmlElement,
): ModelDocument {
  const views = viewsElement(document) ?? element('views');
  const index = views.children.findIndex(
    (child) => isElement(child) && child.tag === 'view' && isStockFlowView(child),
  );
  const current = index < 0 ? element('view', { type: 'stock_flow' }) : (views.children[index] as XmlElement);
  const changed = change(current);
  if (changed === current && index >= 0) return document;
  const children =
    index < 0
      ? [changed, ...views.children]
      : views.children.map((child, position) => (position === index ? changed : child));
  return { ...document, views: { ...views, children } };
}

/** A finite number attribute, or undefined. */
export function numberAttribute(node: XmlElement, name: string): number | undefined {
  const text = node.attributes[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A coordinate as written back: at most two decimals, so a dragged shape does not write 1e-14 noise. */
export function formatCoordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The canonical name of the variable a view element stands for (`<stock name="...">`). */
export function viewElementId(node: XmlElement): string | undefined {
  const name = node.attributes['name'];
  return name === undefined ? undefined : canonical(name);
}

/**
 * One end of a `<connector>`: a variable's canonical name, or the uid of an alias
 * (`<from><alias uid="3"/></from>`, as Stella writes a link that leaves a ghost).
 */
export type ConnectorEnd = { readonly variable: string } | { readonly alias: string };

export function connectorEnd(connector: XmlElement, tag: 'from' | 'to'): ConnectorEnd | undefined {
  const end = firstChild(connector, tag);
  if (end === undefined) return undefined;
  const alias = firstChild(end, 'alias');
  if (alias !== undefined) {
    const uid = alias.attributes['uid'];
    return uid === undefined ? undefined : { alias: uid };
  }
  const text = textOf(end).trim();
  return text === '' ? undefined : { variable: canonical(text.replace(/^"|"$/g, '')) };
}

/** The canonical name an `<alias>` stands for (its `<of>`). */
export function aliasOf(alias: XmlElement): string | undefined {
  const of = firstChild(alias, 'of');
  const text = of === undefined ? '' : textOf(of).trim();
  return text === '' ? undefined : canonical(text.replace(/^"|"$/g, ''));
}

/** The largest numeric `uid` used in the view, so a new connector gets a fresh one. */
export function largestUid(view: XmlElement): number {
  let largest = 0;
  const visit = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      const uid = Number(node.attributes['uid']);
      if (Number.isInteger(uid) && uid > largest) largest = uid;
      visit(node.children);
    }
  };
  visit(view.children);
  return largest;
}

/** The element with the same tag and attributes, and `text` as its only content. */
export function withText(node: XmlElement, text: string): XmlElement {
  return { ...node, children: [{ text }] };
}

/** Indentation-free text children are what fast-xml-parser reads back; keep only elements and real text. */
export function replaceChildren(node: XmlElement, children: readonly XmlNode[]): XmlElement {
  return { ...node, children };
}

/**
 * The centre of a view element. Stella writes a stock's centre, unless the stock carries a `width` (`height`),
 * in which case `x` (`y`) is its left (top) edge: Simlin's reader does the same
 * (`src/simlin-engine/src/xmile.rs`, `From<Stock> for view_element::Stock`).
 */
export function elementCenter(node: XmlElement): { x: number; y: number } | undefined {
  const x = numberAttribute(node, 'x');
  const y = numberAttribute(node, 'y');
  if (x === undefined || y === undefined) return undefined;
  const { dx, dy } = cornerOffset(node);
  return { x: x + dx, y: y + dy };
}

function cornerOffset(node: XmlElement): { dx: number; dy: number } {
  if (node.tag !== 'stock') return { dx: 0, dy: 0 };
  return { dx: (numberAttribute(node, 'width') ?? 0) / 2, dy: (numberAttribute(node, 'height') ?? 0) / 2 };
}

/** The element moved so its centre is at `center`, written the way it was (centre, or corner with a size). */
export function withCenter(node: XmlElement, center: { x: number; y: number }): XmlElement {
  const { dx, dy } = cornerOffset(node);
  return {
    ...node,
    attributes: {
      ...node.attributes,
      x: formatCoordinate(center.x - dx),
      y: formatCoordinate(center.y - dy),
    },
  };
}

/** A name as Stella writes it in `<from>`, `<to>` and `<of>`: underscores for spaces. */
export const viewReference = (name: string): string =>
  name.replace(/\\n|\r\n|\r|\n/g, ' ').replace(/ +/g, '_');

/** The XMILE angle (degrees counter-clockwise, y up, in [0, 360)) of the straight line from `a` to `b`. */
export function xmileAngle(a: { x: number; y: number }, b: { x: number; y: number }): number {
  const degrees = (-Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  const normalized = ((degrees % 360) + 360) % 360;
  return Math.round(normalized * 100) / 100;
}
