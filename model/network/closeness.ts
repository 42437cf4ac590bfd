/**
 * Closeness and harmonic centrality from the shortest-path sums (shortest-path-sums.ts), with networkx's
 * conventions (networkx 2.8.8 `closeness_centrality`, `harmonic_centrality`):
 * - closeness is Wasserman and Faust's form for graphs that are not connected (Wasserman & Faust,
 *   Social Network Analysis, 1994, eq. 5.3 as networkx's `wf_improved=True`):
 *   C(v) = (r - 1) / sum of distances * (r - 1) / (n - 1), with r - 1 the number of others that reach v;
 *   0 when nobody reaches v;
 * - on a directed graph the distances are incoming, d(u, v) from every u to v (networkx reverses the graph),
 *   which is what the kernel sums: a person close to everyone is one support reaches quickly;
 * - harmonic centrality is the sum of 1 / d(u, v) over the u that reach v (Marchiori & Latora 2000), also
 *   with incoming distances, as networkx sums over sources.
 */
import type { PathSums } from './shortest-path-sums';

/** `unit` turns the kernel's scaled distances into real ones (path-lengths.ts). */
export function closenessCentrality(sums: PathSums, unit: number): Float64Array {
  const n = sums.reachedBy.length;
  return sums.reachedBy.map((others, node) => {
    const total = (sums.distanceSum[node] as number) * unit;
    if (!(total > 0) || n <= 1) return 0;
    return (others / total) * (others / (n - 1));
  });
}

export function harmonicCentrality(sums: PathSums, unit: number): Float64Array {
  return sums.harmonic.map((value) => value / unit);
}
