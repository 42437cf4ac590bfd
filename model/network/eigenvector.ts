/**
 * Eigenvector centrality, L2-normalized, for undirected graphs only (on a directed graph left and right
 * eigenvectors differ and the reference leaves the column out; the CLI reports null). graphology-metrics
 * iterates x <- (A + I) x like networkx's `eigenvector_centrality`; the reference holds the exact principal
 * eigenvector (networkx `eigenvector_centrality_numpy`), so the iteration runs to a tolerance far below the
 * 1e-6 the comparison allows instead of graphology's default 1e-6 per node.
 * A graph the iteration cannot settle gets NaN (null in JSON) rather than a wrong figure.
 */
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import type { NetworkGraph } from './graph';
import { inNodeOrder, toGraphology, type GraphologyView } from './graphology-view';

export const EIGENVECTOR_TOLERANCE = 1e-13;

/** `view`: the graphology graph when the caller already has one (see pagerank.ts). */
export function eigenvector(graph: NetworkGraph, weighted: boolean, view?: GraphologyView): Float64Array {
  const n = graph.nodes.length;
  if (graph.directed || n === 0 || graph.edges.length === 0) return new Float64Array(n).fill(Number.NaN);
  try {
    const scores = eigenvectorCentrality(view ?? toGraphology(graph), {
      getEdgeWeight: weighted ? 'weight' : null,
      tolerance: EIGENVECTOR_TOLERANCE,
      maxIterations: 100_000,
    });
    return inNodeOrder(graph, scores);
  } catch {
    return new Float64Array(n).fill(Number.NaN);
  }
}
