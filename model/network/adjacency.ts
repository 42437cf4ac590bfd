/**
 * Compressed sparse row (CSR) adjacency of a NetworkGraph: the neighbours of node v are
 * `target[start[v]] .. target[start[v + 1] - 1]`, sorted by index. Every metric reads these typed arrays
 * instead of objects, so a 10,000-node, 100,000-edge graph stays a few megabytes and the inner loops stay
 * monomorphic. An undirected tie appears in both rows, and `in*` is then the same arrays as `out*`.
 */
import type { NetworkGraph } from './graph';

export interface CsrRows {
  /** `start[v]` .. `start[v + 1]` is v's slice of `neighbour` and `weight`; length order + 1. */
  readonly start: Int32Array;
  readonly neighbour: Int32Array;
  readonly weight: Float64Array;
}

export interface Adjacency {
  readonly order: number;
  readonly directed: boolean;
  /** Successors (who v gives to); all neighbours when undirected. */
  readonly out: CsrRows;
  /** Predecessors (who gives to v); the same object as `out` when undirected. */
  readonly in: CsrRows;
}

function buildRows(order: number, from: Int32Array, to: Int32Array, weights: Float64Array): CsrRows {
  const start = new Int32Array(order + 1);
  for (const node of from) start[node + 1] = (start[node + 1] as number) + 1;
  for (let node = 0; node < order; node++)
    start[node + 1] = (start[node + 1] as number) + (start[node] as number);
  const fill = start.slice(0, order);
  const neighbour = new Int32Array(from.length);
  const weight = new Float64Array(from.length);
  for (let slot = 0; slot < from.length; slot++) {
    const node = from[slot] as number;
    const at = fill[node] as number;
    fill[node] = at + 1;
    neighbour[at] = to[slot] as number;
    weight[at] = weights[slot] as number;
  }
  // Sorted rows make the output independent of the edge order in the file and let tests reason per row.
  for (let node = 0; node < order; node++) {
    const begin = start[node] as number;
    const end = start[node + 1] as number;
    if (end - begin < 2) continue;
    const slots = Array.from({ length: end - begin }, (_, offset) => begin + offset);
    slots.sort((a, b) => (neighbour[a] as number) - (neighbour[b] as number));
    const sortedNeighbours = slots.map((slot) => neighbour[slot] as number);
    const sortedWeights = slots.map((slot) => weight[slot] as number);
    neighbour.set(sortedNeighbours, begin);
    weight.set(sortedWeights, begin);
  }
  return { start, neighbour, weight };
}

export function buildAdjacency(graph: NetworkGraph): Adjacency {
  const order = graph.nodes.length;
  const count = graph.edges.length;
  const size = graph.directed ? count : 2 * count;
  const from = new Int32Array(size);
  const to = new Int32Array(size);
  const weights = new Float64Array(size);
  graph.edges.forEach((edge, index) => {
    from[index] = edge.source;
    to[index] = edge.target;
    weights[index] = edge.weight;
    if (!graph.directed) {
      from[count + index] = edge.target;
      to[count + index] = edge.source;
      weights[count + index] = edge.weight;
    }
  });
  const out = buildRows(order, from, to, weights);
  return {
    order,
    directed: graph.directed,
    out,
    in: graph.directed ? buildRows(order, to, from, weights) : out,
  };
}

/**
 * The mutual ties of every node, as networkx's structural-holes code sees them
 * (networkx 2.8.8 `algorithms/structuralholes.py`, `mutual_weight`): the neighbours are predecessors and
 * successors together, and the mutual weight of u and v is w(u, v) + w(v, u), 0 for a missing direction.
 * networkx stores an undirected edge in both directions, so an undirected tie counts 2w; only ratios of
 * mutual weights are used, so the factor cancels, and it is kept to mirror the reference exactly.
 * `unweighted` counts every edge as 1, like networkx with `weight=None`.
 */
export function mutualTies(adjacency: Adjacency, unweighted: boolean): CsrRows {
  const { order, out } = adjacency;
  const entries = out.neighbour.length;
  const from = new Int32Array(2 * entries);
  const to = new Int32Array(2 * entries);
  const weights = new Float64Array(2 * entries);
  let slot = 0;
  for (let node = 0; node < order; node++) {
    for (let edge = out.start[node] as number; edge < (out.start[node + 1] as number); edge++) {
      const other = out.neighbour[edge] as number;
      const weight = unweighted ? 1 : (out.weight[edge] as number);
      from[slot] = node;
      to[slot] = other;
      weights[slot++] = weight;
      from[slot] = other;
      to[slot] = node;
      weights[slot++] = weight;
    }
  }
  // Each direction of each edge now appears in both rows; rows are sorted, so equal neighbours are adjacent.
  const rows = buildRows(order, from, to, weights);
  const start = new Int32Array(order + 1);
  const neighbour = new Int32Array(rows.neighbour.length);
  const weight = new Float64Array(rows.neighbour.length);
  let written = 0;
  for (let node = 0; node < order; node++) {
    start[node] = written;
    let previous = -1;
    for (let edge = rows.start[node] as number; edge < (rows.start[node + 1] as number); edge++) {
      const other = rows.neighbour[edge] as number;
      if (other === previous) {
        weight[written - 1] = (weight[written - 1] as number) + (rows.weight[edge] as number);
      } else {
        neighbour[written] = other;
        weight[written++] = rows.weight[edge] as number;
        previous = other;
      }
    }
  }
  start[order] = written;
  return { start, neighbour: neighbour.slice(0, written), weight: weight.slice(0, written) };
}
