/**
 * GEXF in and out (the GEXF 1.2 primer, https://gexf.net/primer.html, and its schema; Gephi's format): one
 * <graph defaultedgetype> with <attributes class="node|edge"> declaring attribute ids and titles, <nodes> of
 * <node id label> with <attvalues>, and <edges> of <edge id source target weight>.
 *
 * Read: any GEXF version (1.1 to 1.3: the namespace is not checked, and 1.1's attvalue `id` is read like 1.2's
 * `for`); defaultedgetype is "undirected" when absent, as the schema says; node attributes by title (name, team,
 * ...), and a node's label becomes its `name` when no attribute is called that; an edge's `weight` attribute (or
 * an attribute titled weight) is its strength, an attribute titled type (else the edge's label or kind) its
 * type. Dynamic graphs (time slices) are read as their static whole, with a note. The rows then pass the same
 * checks as a CSV edge list (graph-from-elements.ts).
 *
 * Write: GEXF 1.2 ("1.2draft" namespace), which Gephi and networkx 2.8 both read; each person's label is their
 * name when the table has one, else their id.
 */
import type { ImportResult } from '../import';
import type { NetworkGraph } from '../graph';
import { graphFromElements, type EdgeElement, type NodeElement } from './graph-from-elements';
import { attributeNames, type GraphFileOptions } from './graphml';
import {
  attribute,
  children,
  elementLines,
  escapeXml,
  normalizeXmlText,
  parseXml,
  textOf,
  type XmlObject,
} from './xml-text';

interface GexfAttribute {
  readonly title: string;
  readonly fallback: string | undefined;
}

/** The attribute declarations of one class (node or edge), by id. */
function declarations(graph: XmlObject, kind: 'node' | 'edge'): Map<string, GexfAttribute> {
  const found = new Map<string, GexfAttribute>();
  for (const block of children(graph, 'attributes')) {
    if ((attribute(block, 'class') ?? 'node') !== kind) continue;
    for (const declared of children(block, 'attribute')) {
      const id = attribute(declared, 'id');
      if (id === undefined) continue;
      const fallback = children(declared, 'default')[0];
      found.set(id, {
        title: attribute(declared, 'title') ?? id,
        fallback: fallback === undefined ? undefined : textOf(fallback),
      });
    }
  }
  return found;
}

function attributeValues(
  element: XmlObject,
  declared: ReadonlyMap<string, GexfAttribute>,
): Map<string, string> {
  const values = new Map<string, string>();
  for (const { title, fallback } of declared.values())
    if (fallback !== undefined) values.set(title, fallback);
  for (const block of children(element, 'attvalues'))
    for (const value of children(block, 'attvalue')) {
      const key = declared.get(attribute(value, 'for') ?? attribute(value, 'id') ?? '');
      const text = attribute(value, 'value');
      if (key !== undefined && text !== undefined) values.set(key.title, text);
    }
  return values;
}

const titled = (values: ReadonlyMap<string, string>, name: string): string | undefined => {
  for (const [title, value] of values) if (title.toLowerCase() === name) return value;
  return undefined;
};

/** Reads GEXF text into a network, or into every problem found, each naming the file and the line. */
export function readGexf(text: string, fileName: string, options: GraphFileOptions = {}): ImportResult {
  const source = normalizeXmlText(text);
  const parsed = parseXml(source, fileName);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const fail = (row: number | null, message: string): ImportResult => ({
    ok: false,
    problems: [{ fileName, row, column: null, message }],
  });
  const root = children(parsed.root, 'gexf')[0];
  if (root === undefined) return fail(null, 'the file is not GEXF: <gexf> is not its root element');
  const graph = children(root, 'graph')[0];
  if (graph === undefined) return fail(null, 'the file holds no <graph> element');
  const edgeType = attribute(graph, 'defaultedgetype') ?? 'undirected';
  if (!['directed', 'undirected', 'mutual'].includes(edgeType))
    return fail(
      elementLines(source, 'graph')[0] ?? null,
      `defaultedgetype is "${edgeType}": it must be directed, undirected or mutual`,
    );
  const directed = edgeType === 'directed';
  const notes: string[] = [];
  if (attribute(graph, 'mode') === 'dynamic')
    notes.push(
      'the graph is dynamic; every node and edge was read, whatever its time (import each wave as a file of its own to compare them)',
    );

  const nodeAttributes = declarations(graph, 'node');
  const edgeAttributes = declarations(graph, 'edge');
  const nodeLines = elementLines(source, 'node');
  const nodes: NodeElement[] = children(graph, 'nodes')
    .flatMap((block) => children(block, 'node'))
    .map((node, index) => {
      const values = attributeValues(node, nodeAttributes);
      const id = attribute(node, 'id') ?? '';
      const label = attribute(node, 'label');
      const attributes: Record<string, string> = {};
      if (label !== undefined && label !== id && titled(values, 'name') === undefined)
        attributes['name'] = label;
      for (const [title, value] of values) attributes[title] = value;
      return { line: nodeLines[index] ?? null, id, attributes };
    });
  const edgeLines = elementLines(source, 'edge');
  const edgeElements = children(graph, 'edges').flatMap((block) => children(block, 'edge'));
  const edges: EdgeElement[] = edgeElements.map((edge, index) => {
    const values = attributeValues(edge, edgeAttributes);
    return {
      line: edgeLines[index] ?? null,
      source: attribute(edge, 'source') ?? '',
      target: attribute(edge, 'target') ?? '',
      weight: attribute(edge, 'weight') ?? titled(values, 'weight'),
      type: titled(values, 'type') ?? attribute(edge, 'label') ?? attribute(edge, 'kind'),
    };
  });
  const weighted =
    edgeElements.some((edge) => attribute(edge, 'weight') !== undefined) ||
    [...edgeAttributes.values()].some((declared) => declared.title.toLowerCase() === 'weight');
  return graphFromElements(
    { fileName, directed, nodes, edges, weighted, notes },
    options.duplicates ?? 'error',
  );
}

/** GEXF 1.2 text of the network (see the top of this file). */
export function writeGexf(graph: NetworkGraph, options: { readonly description?: string } = {}): string {
  const names = attributeNames(graph);
  const nameKey = names.find((name) => name.toLowerCase() === 'name');
  const withType = graph.edges.some((edge) => edge.type !== undefined);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    '  <meta>',
    '    <creator>Empathy Workbench</creator>',
    ...(options.description === undefined
      ? []
      : [`    <description>${escapeXml(options.description)}</description>`]),
    '  </meta>',
    `  <graph mode="static" defaultedgetype="${graph.directed ? 'directed' : 'undirected'}">`,
  ];
  if (names.length > 0) {
    lines.push('    <attributes class="node" mode="static">');
    names.forEach((name, index) =>
      lines.push(`      <attribute id="${index}" title="${escapeXml(name)}" type="string"/>`),
    );
    lines.push('    </attributes>');
  }
  if (withType)
    lines.push(
      '    <attributes class="edge" mode="static">',
      '      <attribute id="type" title="type" type="string"/>',
      '    </attributes>',
    );
  lines.push('    <nodes>');
  for (const node of graph.nodes) {
    const label = escapeXml((nameKey === undefined ? undefined : node.attributes[nameKey]) || node.id);
    const values = names
      .map((name, index) => ({ index, value: node.attributes[name] }))
      .filter(({ value }) => value !== undefined && value !== '')
      .map(({ index, value }) => `<attvalue for="${index}" value="${escapeXml(value ?? '')}"/>`);
    const open = `      <node id="${escapeXml(node.id)}" label="${label}"`;
    lines.push(
      values.length === 0 ? `${open}/>` : `${open}><attvalues>${values.join('')}</attvalues></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  graph.edges.forEach((edge, index) => {
    const source = escapeXml(graph.nodes[edge.source]?.id ?? '');
    const target = escapeXml(graph.nodes[edge.target]?.id ?? '');
    const weight = graph.weighted ? ` weight="${String(edge.weight)}"` : '';
    const open = `      <edge id="${index}" source="${source}" target="${target}"${weight}`;
    lines.push(
      edge.type === undefined
        ? `${open}/>`
        : `${open}><attvalues><attvalue for="type" value="${escapeXml(edge.type)}"/></attvalues></edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
