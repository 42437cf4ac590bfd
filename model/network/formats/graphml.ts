/**
 * GraphML in and out (the GraphML Primer, http://graphml.graphdrawing.org/primer/graphml-primer.html, and the
 * 1.0 schema): <key> declarations name the attributes, <graph edgedefault="directed|undirected"> holds <node id>
 * and <edge source target> elements, and each value is a <data key> child.
 *
 * Read: the first <graph> (a note says when there are more); node data become attributes under their key's
 * attr.name (name, team, role, ...), an edge key named "weight" gives tie strengths and one named "type" the
 * kind of tie; a <default> fills data an element leaves out. Nested graphs and hyperedges (GraphML 2.4, 2.5)
 * have no place in a network of people and are refused with the line they are on. Then the rows pass the same
 * checks as a CSV edge list (graph-from-elements.ts).
 *
 * Write: every node attribute as a string key (a tenure of "3" stays "3" on the way back), weight as a double,
 * the same text networkx's write_graphml reads (checked in the tests against networkx 2.8.8).
 */
import type { DuplicateRule, ImportProblem, ImportResult } from '../import';
import type { NetworkGraph } from '../graph';
import { graphFromElements, type EdgeElement, type NodeElement } from './graph-from-elements';
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

interface GraphmlKey {
  readonly name: string;
  readonly domain: string;
  readonly fallback: string | undefined;
}

function readKeys(root: XmlObject): Map<string, GraphmlKey> {
  const keys = new Map<string, GraphmlKey>();
  for (const key of children(root, 'key')) {
    const id = attribute(key, 'id');
    if (id === undefined) continue;
    const fallback = children(key, 'default')[0];
    keys.set(id, {
      name: attribute(key, 'attr.name') ?? id,
      domain: attribute(key, 'for') ?? 'all',
      fallback: fallback === undefined ? undefined : textOf(fallback),
    });
  }
  return keys;
}

/** The element's values by attribute name, defaults first, its own <data> over them. */
function dataValues(
  element: XmlObject,
  keys: ReadonlyMap<string, GraphmlKey>,
  domain: 'node' | 'edge',
): Map<string, string> {
  const values = new Map<string, string>();
  for (const key of keys.values())
    if ((key.domain === domain || key.domain === 'all') && key.fallback !== undefined)
      values.set(key.name, key.fallback);
  for (const data of children(element, 'data')) {
    const key = keys.get(attribute(data, 'key') ?? '');
    const text = textOf(data);
    if (key !== undefined && text !== undefined) values.set(key.name, text);
  }
  return values;
}

const lookup = (values: ReadonlyMap<string, string>, name: string): string | undefined => {
  for (const [key, value] of values) if (key.toLowerCase() === name) return value;
  return undefined;
};

export interface GraphFileOptions {
  /** What to do with a second edge between the same people (default: refuse the file). */
  readonly duplicates?: DuplicateRule;
}

/** Reads GraphML text into a network, or into every problem found, each naming the file and the line. */
export function readGraphml(text: string, fileName: string, options: GraphFileOptions = {}): ImportResult {
  const source = normalizeXmlText(text);
  const parsed = parseXml(source, fileName);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const root = children(parsed.root, 'graphml')[0];
  const problem = (row: number | null, message: string): ImportResult => ({
    ok: false,
    problems: [{ fileName, row, column: null, message }],
  });
  if (root === undefined) return problem(null, 'the file is not GraphML: <graphml> is not its root element');
  const graphs = children(root, 'graph');
  const graph = graphs[0];
  if (graph === undefined) return problem(null, 'the file holds no <graph> element');
  const notes: string[] = [];
  if (graphs.length > 1) notes.push(`the file holds ${graphs.length} graphs; only the first was read`);
  const edgeDefault = attribute(graph, 'edgedefault');
  if (edgeDefault !== undefined && edgeDefault !== 'directed' && edgeDefault !== 'undirected')
    return problem(
      elementLines(source, 'graph')[0] ?? null,
      `edgedefault is "${edgeDefault}": it must be directed or undirected`,
    );
  if (edgeDefault === undefined) notes.push('the graph does not say edgedefault; read as directed');
  const directed = edgeDefault !== 'undirected';

  const nodeLines = elementLines(source, 'node');
  const problems: ImportProblem[] = [];
  const nestedAt = children(graph, 'node').findIndex((node) => children(node, 'graph').length > 0);
  if (nestedAt >= 0)
    problems.push({
      fileName,
      row: nodeLines[nestedAt] ?? null,
      column: null,
      message: 'a node holds a nested graph; a network of people has no nodes inside nodes',
    });
  if (children(graph, 'hyperedge').length > 0)
    problems.push({
      fileName,
      row: elementLines(source, 'hyperedge')[0] ?? null,
      column: null,
      message: 'the graph has hyperedges; a tie joins two people, so each must be an <edge>',
    });
  if (problems.length > 0) return { ok: false, problems };

  const keys = readKeys(root);
  const nodes: NodeElement[] = children(graph, 'node').map((node, index) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of dataValues(node, keys, 'node')) attributes[name] = value;
    return { line: nodeLines[index] ?? null, id: attribute(node, 'id') ?? '', attributes };
  });
  const edgeLines = elementLines(source, 'edge');
  let mixed = 0;
  const edges: EdgeElement[] = children(graph, 'edge').map((edge, index) => {
    const values = dataValues(edge, keys, 'edge');
    const own = attribute(edge, 'directed');
    if (own !== undefined && (own === 'true') !== directed) mixed++;
    return {
      line: edgeLines[index] ?? null,
      source: attribute(edge, 'source') ?? '',
      target: attribute(edge, 'target') ?? '',
      weight: lookup(values, 'weight'),
      type: lookup(values, 'type'),
    };
  });
  if (mixed > 0)
    notes.push(
      `${mixed} edge${mixed === 1 ? '' : 's'} declared ${directed ? 'undirected' : 'directed'} were read as the graph's ${directed ? 'directed' : 'undirected'} ties`,
    );
  const weighted = [...keys.values()].some(
    (key) => (key.domain === 'edge' || key.domain === 'all') && key.name.toLowerCase() === 'weight',
  );
  return graphFromElements(
    { fileName, directed, nodes, edges, weighted, notes },
    options.duplicates ?? 'error',
  );
}

/** Attribute names of the people in first-seen order. */
export function attributeNames(graph: NetworkGraph): string[] {
  return [...new Set(graph.nodes.flatMap((node) => Object.keys(node.attributes)))];
}

/** GraphML text of the network: node attributes as string keys, weight as a double, type when any tie has one. */
export function writeGraphml(graph: NetworkGraph, options: { readonly description?: string } = {}): string {
  const names = attributeNames(graph);
  const withType = graph.edges.some((edge) => edge.type !== undefined);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  if (options.description !== undefined) lines.push(`  <desc>${escapeXml(options.description)}</desc>`);
  names.forEach((name, index) =>
    lines.push(`  <key id="n${index}" for="node" attr.name="${escapeXml(name)}" attr.type="string"/>`),
  );
  if (graph.weighted) lines.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  if (withType) lines.push('  <key id="type" for="edge" attr.name="type" attr.type="string"/>');
  lines.push(`  <graph id="G" edgedefault="${graph.directed ? 'directed' : 'undirected'}">`);
  for (const node of graph.nodes) {
    const data = names
      .map((name, index) => ({ index, value: node.attributes[name] }))
      .filter(({ value }) => value !== undefined && value !== '')
      .map(({ index, value }) => `<data key="n${index}">${escapeXml(value ?? '')}</data>`);
    const id = escapeXml(node.id);
    lines.push(data.length === 0 ? `    <node id="${id}"/>` : `    <node id="${id}">${data.join('')}</node>`);
  }
  for (const edge of graph.edges) {
    const source = escapeXml(graph.nodes[edge.source]?.id ?? '');
    const target = escapeXml(graph.nodes[edge.target]?.id ?? '');
    const data = [
      graph.weighted ? `<data key="weight">${String(edge.weight)}</data>` : '',
      edge.type === undefined ? '' : `<data key="type">${escapeXml(edge.type)}</data>`,
    ].join('');
    lines.push(
      data === ''
        ? `    <edge source="${source}" target="${target}"/>`
        : `    <edge source="${source}" target="${target}">${data}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
