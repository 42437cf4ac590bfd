/**
 * Whole-graph figures with networkx 2.8.8's definitions: density (`classes/function.py`: m / (n (n - 1)),
 * twice that when undirected, 0 below two nodes), isolates (no tie in either direction), and for directed
 * graphs the people who only give (ties out, none in), who only receive (ties in, none out) and the one-way
 * edges (edges whose reverse is missing: edges minus reciprocated edges).
 */
import type { Adjacency } from './adjacency';
import type { Degrees } from './degree';
import { mutualCount } from './reciprocity';

export interface FlowSummary {
  readonly density: number;
  /** Node indices with no tie. */
  readonly isolates: readonly number[];
  /** Node indices that give and never receive (directed only, else empty). */
  readonly onlyGives: readonly number[];
  /** Node indices that receive and never give (directed only, else empty). */
  readonly onlyReceives: readonly number[];
  /** Edges without their reverse (directed only, else 0). */
  readonly oneWayEdges: number;
}

export function density(adjacency: Adjacency): number {
  const n = adjacency.order;
  if (n <= 1) return 0;
  const edges = adjacency.directed ? adjacency.out.neighbour.length : adjacency.out.neighbour.length / 2;
  return ((adjacency.directed ? 1 : 2) * edges) / (n * (n - 1));
}

export function flowSummary(adjacency: Adjacency, degree: Degrees): FlowSummary {
  const isolates: number[] = [];
  const onlyGives: number[] = [];
  const onlyReceives: number[] = [];
  let reciprocated = 0;
  for (let node = 0; node < adjacency.order; node++) {
    const given = degree.outDegree[node] as number;
    const received = degree.inDegree[node] as number;
    if ((degree.degree[node] as number) === 0) isolates.push(node);
    if (!adjacency.directed) continue;
    if (given > 0 && received === 0) onlyGives.push(node);
    if (received > 0 && given === 0) onlyReceives.push(node);
    reciprocated += mutualCount(adjacency, node);
  }
  return {
    density: density(adjacency),
    isolates,
    onlyGives,
    onlyReceives,
    oneWayEdges: adjacency.directed ? adjacency.out.neighbour.length - reciprocated : 0,
  };
}
