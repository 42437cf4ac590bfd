/**
 * Degree and strength (the sum of tie weights; A. Barrat et al., "The architecture of complex weighted
 * networks", PNAS 101(11), 2004) per node. On a directed graph in- and out- are separate (who receives
 * support, who gives it) and degree = in + out, as networkx's DiGraph.degree; on an undirected graph there
 * is only degree.
 */
import type { Adjacency, CsrRows } from './adjacency';

export interface Degrees {
  readonly inDegree: Float64Array;
  readonly outDegree: Float64Array;
  readonly inStrength: Float64Array;
  readonly outStrength: Float64Array;
  readonly degree: Float64Array;
  readonly strength: Float64Array;
}

function rowSums(rows: CsrRows, order: number): { count: Float64Array; weight: Float64Array } {
  const count = new Float64Array(order);
  const weight = new Float64Array(order);
  for (let node = 0; node < order; node++) {
    let total = 0;
    for (let edge = rows.start[node] as number; edge < (rows.start[node + 1] as number); edge++)
      total += rows.weight[edge] as number;
    count[node] = (rows.start[node + 1] as number) - (rows.start[node] as number);
    weight[node] = total;
  }
  return { count, weight };
}

export function degrees(adjacency: Adjacency): Degrees {
  const out = rowSums(adjacency.out, adjacency.order);
  if (!adjacency.directed)
    return {
      inDegree: out.count,
      outDegree: out.count,
      inStrength: out.weight,
      outStrength: out.weight,
      degree: out.count,
      strength: out.weight,
    };
  const incoming = rowSums(adjacency.in, adjacency.order);
  return {
    inDegree: incoming.count,
    outDegree: out.count,
    inStrength: incoming.weight,
    outStrength: out.weight,
    degree: incoming.count.map((value, node) => value + (out.count[node] as number)),
    strength: incoming.weight.map((value, node) => value + (out.weight[node] as number)),
  };
}
