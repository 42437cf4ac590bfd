/**
 * Reciprocity of a directed graph, as networkx 2.8.8 defines it (`algorithms/reciprocity.py`):
 * - per node: 2 |pred & succ| / (|pred| + |succ|), the share of a person's ties that go both ways;
 *   undefined (null) for a person with no tie;
 * - overall: the share of edges whose reverse edge also exists.
 * Written here because graphology-metrics has no reciprocity.
 */
import type { Adjacency } from './adjacency';

/** How many of `node`'s successors are also its predecessors (rows are sorted: a merge walk). */
export function mutualCount(adjacency: Adjacency, node: number): number {
  const { in: predecessors, out: successors } = adjacency;
  let a = predecessors.start[node] as number;
  const aEnd = predecessors.start[node + 1] as number;
  let b = successors.start[node] as number;
  const bEnd = successors.start[node + 1] as number;
  let count = 0;
  while (a < aEnd && b < bEnd) {
    const left = predecessors.neighbour[a] as number;
    const right = successors.neighbour[b] as number;
    if (left === right) {
      count++;
      a++;
      b++;
    } else if (left < right) a++;
    else b++;
  }
  return count;
}

/** Per-node reciprocity (NaN where undefined: no ties); only meaningful for a directed adjacency. */
export function nodeReciprocity(adjacency: Adjacency): Float64Array {
  const result = new Float64Array(adjacency.order);
  for (let node = 0; node < adjacency.order; node++) {
    const total =
      (adjacency.in.start[node + 1] as number) -
      (adjacency.in.start[node] as number) +
      (adjacency.out.start[node + 1] as number) -
      (adjacency.out.start[node] as number);
    result[node] = total === 0 ? Number.NaN : (2 * mutualCount(adjacency, node)) / total;
  }
  return result;
}

/** Share of edges that are reciprocated (networkx `overall_reciprocity`); NaN for a graph with no edge. */
export function overallReciprocity(adjacency: Adjacency): number {
  const edges = adjacency.out.neighbour.length;
  if (edges === 0) return Number.NaN;
  let reciprocated = 0;
  for (let node = 0; node < adjacency.order; node++) reciprocated += mutualCount(adjacency, node);
  return reciprocated / edges;
}
