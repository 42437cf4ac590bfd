/**
 * The kernel behind betweenness, closeness and harmonic centrality: Brandes' algorithm over a range of
 * sources (U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001,
 * algorithm 1; and "On variants of shortest-path betweenness centrality and their generic computation",
 * Social Networks 30, 2008, section 3 for the Dijkstra variant), written over typed arrays with no
 * allocation per source, so that a range can run anywhere: in this thread, a Node worker thread or a Web
 * Worker. The caller splits the sources into ranges (source-ranges.ts) and adds the sums.
 *
 * From one source s the search yields d(s, v), the number of shortest paths sigma(s, v) and the
 * predecessors; the dependencies delta(s, v) = sum over w with v a predecessor of w of
 * sigma(s, v) / sigma(s, w) * (1 + delta(s, w)) are accumulated in reverse order of distance (Brandes 2001,
 * theorem 6). d(s, v) is also the incoming distance to v that networkx's closeness uses on directed graphs
 * (it searches the reversed graph from v), so one pass gives every path-based metric.
 *
 * Cross-team sums (when teams are given) repeat the accumulation counting only targets in another team
 * than s, the "betweenness restricted to target set" of Brandes 2008 (section 4.4, eq. for delta with
 * sigma(s,t|v) over t in T): it says how much of the support flowing between teams passes through v.
 */
import { throwIfCancelled, type CancelSignal } from './cancel';
import { SingleSourceSearch, bucketCount } from './single-source-search';
import { emptyPathSums, type PathSums, type ShortestPathTask, type SourceRange } from './shortest-path-task';

export {
  emptyPathSums,
  pathSumArrays,
  pathSumsFromArrays,
  type PathSums,
  type ShortestPathTask,
  type SourceRange,
} from './shortest-path-task';
export { MAX_BUCKETS } from './single-source-search';

/**
 * The contribution of the sources `range.from .. range.to - 1`: the pure function every thread runs.
 * Checks `signal` between sources.
 */
export function computePathSums(task: ShortestPathTask, range: SourceRange, signal?: CancelSignal): PathSums {
  const sums = emptyPathSums(task.order, task.team !== null);
  const search = new SingleSourceSearch(task);
  const length = task.length;
  const useBuckets = bucketCount(task) > 0;
  for (let source = range.from; source < range.to; source++) {
    throwIfCancelled(signal);
    const reached =
      length === null
        ? search.breadthFirst(source)
        : useBuckets
          ? search.dial(source)
          : search.dijkstra(source, length);
    search.accumulate(source, reached, sums);
  }
  return sums;
}
