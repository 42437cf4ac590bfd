/**
 * Shortest-path betweenness, normalized as networkx does (networkx 2.8.8 `betweenness_centrality`,
 * `_rescale` with normalized=True, endpoints=False): the Brandes sum over ordered pairs divided by
 * (n - 1)(n - 2), for directed and undirected graphs alike (an undirected pair is counted from both ends,
 * which is why networkx does not halve it when normalizing). Unweighted paths count hops; weighted ones use
 * distance = 1/weight, so strong ties make short paths (path-lengths.ts explains the exact tie test).
 */
import type { Adjacency } from './adjacency';
import type { PathLengths } from './path-lengths';
import type { PathSums, ShortestPathTask } from './shortest-path-sums';

/** The kernel's input for this adjacency and these lengths; `team` enables the cross-team sums. */
export function shortestPathTask(
  adjacency: Adjacency,
  lengths: PathLengths,
  team: Int32Array | null = null,
): ShortestPathTask {
  return {
    order: adjacency.order,
    start: adjacency.out.start,
    neighbour: adjacency.out.neighbour,
    length: lengths.length,
    predecessorStart: adjacency.in.start,
    tieTolerance: lengths.tieTolerance,
    team,
  };
}

/** networkx's normalization: 1 / ((n - 1)(n - 2)), none for n <= 2. */
export function normalizedBetweenness(sums: PathSums): Float64Array {
  const n = sums.betweenness.length;
  const scale = n <= 2 ? 1 : 1 / ((n - 1) * (n - 2));
  return sums.betweenness.map((value) => value * scale);
}

/**
 * The share of shortest paths between people of different teams that pass through each node: the
 * cross-team dependency (Brandes 2008, section 4.4, targets restricted to the other teams) over the number
 * of ordered cross-team pairs that are connected and do not have the node as an end. 0 where there is none.
 */
export function crossTeamShare(sums: PathSums): Float64Array | null {
  const { crossTeamBetweenness, crossTeamReachedFrom, crossTeamReachedBy } = sums;
  if (crossTeamBetweenness === null || crossTeamReachedFrom === null || crossTeamReachedBy === null)
    return null;
  const pairs = crossTeamReachedFrom.reduce((total, value) => total + value, 0);
  return crossTeamBetweenness.map((value, node) => {
    const others = pairs - (crossTeamReachedFrom[node] as number) - (crossTeamReachedBy[node] as number);
    return others > 0 ? value / others : 0;
  });
}
