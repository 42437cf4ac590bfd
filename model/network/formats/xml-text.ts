/**
 * What the GraphML and GEXF readers and writers share: one fast-xml-parser set-up, the well-formedness check
 * with the line of the first fault, the line each <node> and <edge> element starts on (fast-xml-parser keeps no
 * positions, and a message that says "line 40" is what lets a person find the edge in a text editor), and
 * escaping for the writers.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportProblem } from '../import';

/** The elements that may repeat: always read as arrays, so one <node> and many read alike. */
const REPEATED = new Set([
  'key',
  'graph',
  'node',
  'edge',
  'hyperedge',
  'data',
  'default',
  'attributes',
  'attribute',
  'attvalue',
  'nodes',
  'edges',
]);

/**
 * Attributes under `@_` (so an attribute never clashes with a child element of the same name), namespace
 * prefixes dropped (`viz:color` is `color`), every value kept as text: numbers are checked by the importer,
 * which names the row of a bad one.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // Character references (&#10;, &#xE9;) are decoded only with htmlEntities on; the writers use them for line
  // breaks inside attributes, which XML would otherwise turn into spaces (XML 1.0, section 3.3.3).
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

/** A parsed element: attributes as `@_name`, text as `#text`, children by name. */
export type XmlObject = Readonly<Record<string, unknown>>;

export const isXmlObject = (value: unknown): value is XmlObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The children named `name` (an empty list when there are none). */
export function children(element: XmlObject | undefined, name: string): XmlObject[] {
  const value = element?.[name];
  if (!Array.isArray(value)) return isXmlObject(value) ? [value] : [];
  return value.map((child: unknown) => (isXmlObject(child) ? child : { '#text': String(child) }));
}

/** An attribute's text, or undefined when absent. */
export function attribute(element: XmlObject | undefined, name: string): string | undefined {
  const value = element?.[`@_${name}`];
  return value === undefined || value === null ? undefined : String(value as string | number);
}

/**
 * The text of an element: `<data key="d0">2</data>` is "2", an empty element is "". Undefined when the element
 * holds other elements instead of text (yEd's <y:ShapeNode> inside <data>), which no column can take.
 */
export function textOf(element: XmlObject): string | undefined {
  const keys = Object.keys(element).filter((key) => !key.startsWith('@_'));
  if (keys.length === 0) return '';
  if (keys.length === 1 && keys[0] === '#text') return String(element['#text'] as string | number);
  return undefined;
}

/** Unix line endings, no byte-order mark: what the parser and the line index both see. */
export const normalizeXmlText = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * Parses XML text, or returns the problem: not well-formed (with the line and column of the first fault, as
 * fast-xml-parser's validator reports it), or empty.
 */
export function parseXml(
  text: string,
  fileName: string,
): { readonly ok: true; readonly root: XmlObject } | { readonly ok: false; readonly problem: ImportProblem } {
  if (text.trim() === '')
    return { ok: false, problem: { fileName, row: null, column: null, message: 'the file is empty' } };
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    return {
      ok: false,
      problem: {
        fileName,
        row: line,
        column: null,
        message: `the file is not well-formed XML (at character ${col}: ${msg})`,
      },
    };
  }
  return { ok: true, root: parser.parse(text) as XmlObject };
}

/**
 * The line (1-based) on which each `<tag ...>` element starts, in document order, skipping comments, CDATA
 * sections and processing instructions, so that the i-th entry belongs to the i-th element the parser returns.
 * `<nodes>` and `<edges>` do not match `node` and `edge` (the name must end there).
 */
export function elementLines(text: string, tag: string): number[] {
  const pattern = new RegExp(
    `<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<\\?[\\s\\S]*?\\?>|<(?:[A-Za-z_][\\w.-]*:)?${tag}(?=[\\s/>])`,
    'g',
  );
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    for (let at = scanned; at < match.index; at++) if (text.charCodeAt(at) === 10) line++;
    scanned = match.index;
    if (!match[0].startsWith('<!') && !match[0].startsWith('<?')) lines.push(line);
  }
  return lines;
}

/** Text safe inside an element or a double-quoted attribute (XML 1.0, section 2.4 and 3.1). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
