/**
 * A plain, serialisable XML tree: what the reader keeps of the parts of a file the engine does not interpret
 * (diagrams, vendor extensions) so the writer can put them back. Converted from and to fast-xml-parser's
 * `preserveOrder` form, which keeps element order and attributes.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { z } from 'zod';

export interface XmlElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export interface XmlText {
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

export const xmlNodeSchema: z.ZodType<XmlNode> = z.lazy(() =>
  z.union([
    z.object({
      tag: z.string().min(1),
      attributes: z.record(z.string(), z.string()),
      children: z.array(xmlNodeSchema),
    }),
    z.object({ text: z.string() }),
  ]),
);

export const isElement = (node: XmlNode): node is XmlElement => 'tag' in node;

/** The tag without its namespace prefix (`isee:prefs` -> `prefs`). */
export const localName = (tag: string): string => tag.slice(tag.indexOf(':') + 1);

/** True for elements of the XMILE namespace (no prefix), as opposed to `isee:` and other vendor extensions. */
export const isXmileTag = (tag: string, name: string): boolean => !tag.includes(':') && tag === name;

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => isElement(child) && (name === undefined || isXmileTag(child.tag, name)),
  );
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** All text directly inside an element, concatenated. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => ('text' in child ? child.text : '')).join('');
}

/** One node of fast-xml-parser's `preserveOrder` output. */
export type OrderedNode = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Converts fast-xml-parser's `preserveOrder` nodes into XmlNodes (comments and declarations dropped). */
export function fromOrdered(nodes: readonly unknown[]): XmlNode[] {
  const result: XmlNode[] = [];
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (tag === undefined) continue;
    const value = node[tag];
    if (tag === '#text') {
      result.push({ text: String(value) });
      continue;
    }
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const attributes: Record<string, string> = {};
    const rawAttributes = node[':@'];
    if (isRecord(rawAttributes)) {
      for (const [key, attribute] of Object.entries(rawAttributes)) attributes[key] = String(attribute);
    }
    result.push({ tag, attributes, children: Array.isArray(value) ? fromOrdered(value) : [] });
  }
  return result;
}

function toOrdered(nodes: readonly XmlNode[]): OrderedNode[] {
  return nodes.map((node): OrderedNode => {
    if (!isElement(node)) return { '#text': node.text };
    const ordered: OrderedNode = { [node.tag]: toOrdered(node.children) };
    if (Object.keys(node.attributes).length > 0) ordered[':@'] = { ...node.attributes };
    return ordered;
  });
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  format: true,
  indentBy: '    ',
  suppressEmptyNode: true,
  processEntities: true,
});

/** Serialises elements as indented XML (entities escaped by fast-xml-parser's builder). */
export function serializeXml(nodes: readonly XmlNode[]): string {
  return String(builder.build(toOrdered(nodes)));
}

/** Shorthand for building an element. */
export function element(
  tag: string,
  attributes: Readonly<Record<string, string>> = {},
  children: readonly XmlNode[] = [],
): XmlElement {
  return { tag, attributes, children };
}

/** An element holding one text value. */
export function textElement(
  tag: string,
  text: string,
  attributes: Readonly<Record<string, string>> = {},
): XmlElement {
  return { tag, attributes, children: [{ text }] };
}
