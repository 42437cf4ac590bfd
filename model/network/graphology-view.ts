/**
 * The NetworkGraph as a graphology Graph, for the metrics taken from graphology's packages (PageRank,
 * eigenvector centrality, Louvain). Node keys are the ids; each edge carries `weight`.
 */
import Graph from 'graphology';
import type { NetworkGraph } from './graph';

export interface WeightAttributes {
  readonly weight: number;
}

/** The graph as it is: directed or undirected, one edge per tie. */
export function toGraphology(graph: NetworkGraph): Graph<Record<string, never>, WeightAttributes> {
  const view = new Graph<Record<string, never>, WeightAttributes>({
    type: graph.directed ? 'directed' : 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const node of graph.nodes) view.addNode(node.id);
  for (const edge of graph.edges) {
    const source = graph.nodes[edge.source]?.id;
    const target = graph.nodes[edge.target]?.id;
    if (source === undefined || target === undefined) throw new Error('an edge names a node out of range');
    view.addEdge(source, target, { weight: edge.weight });
  }
  return view;
}

/**
 * The undirected view used for communities: one tie per pair, the weights of u -> v and v -> u summed
 * (the reference's "Louvain run on undirected view; reciprocal weights summed", networkx's
 * `G.to_undirected()` after adding reciprocal weights).
 */
export function undirectedView(graph: NetworkGraph): Graph<Record<string, never>, WeightAttributes> {
  if (!graph.directed) return toGraphology(graph);
  const view = new Graph<Record<string, never>, WeightAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const node of graph.nodes) view.addNode(node.id);
  for (const edge of graph.edges) {
    const source = graph.nodes[edge.source]?.id;
    const target = graph.nodes[edge.target]?.id;
    if (source === undefined || target === undefined) throw new Error('an edge names a node out of range');
    if (view.hasEdge(source, target))
      view.updateEdgeAttribute(source, target, 'weight', (weight) => (weight ?? 0) + edge.weight);
    else view.addEdge(source, target, { weight: edge.weight });
  }
  return view;
}

/** A graphology Graph of this NetworkGraph, as built by toGraphology (weights in `weight`). */
export type GraphologyView = Graph<Record<string, never>, WeightAttributes>;

/** A graphology result keyed by id, as an array in node order (NaN for a missing node). */
export function inNodeOrder(graph: NetworkGraph, values: Readonly<Record<string, number>>): Float64Array {
  return Float64Array.from(graph.nodes, (node) => values[node.id] ?? Number.NaN);
}
