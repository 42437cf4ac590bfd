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

export interface ShortestPathTask {
  readonly order: number;
  /** Successor rows (CSR): `start`, `neighbour`. */
  readonly start: Int32Array;
  readonly neighbour: Int32Array;
  /** Scaled length of each edge slot (path-lengths.ts), or null for hop counts (breadth-first search). */
  readonly length: Float64Array | null;
  /** `start` of the predecessor rows: node v has at most `predecessorStart[v+1] - predecessorStart[v]`. */
  readonly predecessorStart: Int32Array;
  /** Relative tolerance for tied path lengths; 0 when lengths are exact integers. */
  readonly tieTolerance: number;
  /** Team index of each node (-1 for none), or null to skip the cross-team sums. */
  readonly team: Int32Array | null;
}

/** Sources `from` (inclusive) to `to` (exclusive). */
export interface SourceRange {
  readonly from: number;
  readonly to: number;
}

/** Sums over the sources of a range, per node v (distances in scaled units). */
export interface PathSums {
  /** Sum over sources s != v of delta(s, v): raw Brandes betweenness. */
  readonly betweenness: Float64Array;
  /** Sum of d(s, v) over the sources s != v that reach v. */
  readonly distanceSum: Float64Array;
  /** How many sources s != v reach v. */
  readonly reachedBy: Float64Array;
  /** Sum of 1 / d(s, v) over the sources that reach v. */
  readonly harmonic: Float64Array;
  /** Dependencies counting only targets in another team than the source (null without teams). */
  readonly crossTeamBetweenness: Float64Array | null;
  /** Per source s: nodes of another team that s reaches. */
  readonly crossTeamReachedFrom: Float64Array | null;
  /** Per node v: sources of another team that reach v. */
  readonly crossTeamReachedBy: Float64Array | null;
}

export function emptyPathSums(order: number, withTeams: boolean): PathSums {
  const array = () => new Float64Array(order);
  return {
    betweenness: array(),
    distanceSum: array(),
    reachedBy: array(),
    harmonic: array(),
    crossTeamBetweenness: withTeams ? array() : null,
    crossTeamReachedFrom: withTeams ? array() : null,
    crossTeamReachedBy: withTeams ? array() : null,
  };
}

/** The arrays of a PathSums in a fixed order (for transfer between threads and for adding). */
export function pathSumArrays(sums: PathSums): Float64Array[] {
  return [
    sums.betweenness,
    sums.distanceSum,
    sums.reachedBy,
    sums.harmonic,
    ...(sums.crossTeamBetweenness === null ? [] : [sums.crossTeamBetweenness]),
    ...(sums.crossTeamReachedFrom === null ? [] : [sums.crossTeamReachedFrom]),
    ...(sums.crossTeamReachedBy === null ? [] : [sums.crossTeamReachedBy]),
  ];
}

/** The inverse of pathSumArrays. */
export function pathSumsFromArrays(arrays: readonly Float64Array[]): PathSums {
  const [betweenness, distanceSum, reachedBy, harmonic, cross, from, by] = arrays;
  if (betweenness === undefined || distanceSum === undefined || reachedBy === undefined || !harmonic)
    throw new Error('path sums need at least four arrays');
  return {
    betweenness,
    distanceSum,
    reachedBy,
    harmonic,
    crossTeamBetweenness: cross ?? null,
    crossTeamReachedFrom: from ?? null,
    crossTeamReachedBy: by ?? null,
  };
}

/** Dial's queue is used for exact integer lengths up to this; longer ones use the binary heap. */
export const MAX_BUCKETS = 1 << 16;

/** Buckets for Dial's queue (max length + 1), or 0 when the task needs the heap or no queue at all. */
function bucketCount(task: ShortestPathTask): number {
  const { length } = task;
  if (length === null || task.tieTolerance !== 0) return 0;
  let longest = 0;
  for (const value of length) {
    if (!Number.isInteger(value)) return 0;
    if (value > longest) longest = value;
  }
  return longest < MAX_BUCKETS ? longest + 1 : 0;
}

const UNSEEN = 0;
const QUEUED = 1;
const SETTLED = 2;

/** Scratch space for one source at a time, reset after each source by walking only the nodes it reached. */
class SingleSourceSearch {
  private readonly settledOrder: Int32Array;
  private readonly sigma: Float64Array;
  private readonly distance: Float64Array;
  private readonly delta: Float64Array;
  private readonly crossDelta: Float64Array;
  private readonly state: Uint8Array;
  private readonly predecessor: Int32Array;
  private readonly predecessorCount: Int32Array;
  /** Binary min-heap of nodes keyed by `distance`, with each node's position for decrease-key. */
  private readonly heap: Int32Array;
  private readonly heapPosition: Int32Array;
  private heapSize = 0;
  /** Dial's bucket queue (circular, one bucket per integer distance modulo maxLength + 1). */
  private readonly bucketHead: Int32Array;
  private readonly bucketNext: Int32Array;
  private readonly bucketPrevious: Int32Array;

  constructor(private readonly task: ShortestPathTask) {
    const n = task.order;
    this.settledOrder = new Int32Array(n);
    this.sigma = new Float64Array(n);
    this.distance = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.crossDelta = new Float64Array(task.team === null ? 0 : n);
    this.state = new Uint8Array(n);
    this.predecessor = new Int32Array(task.predecessorStart[n] ?? 0);
    this.predecessorCount = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.heapPosition = new Int32Array(n);
    const buckets = bucketCount(task);
    this.bucketHead = new Int32Array(buckets).fill(-1);
    this.bucketNext = new Int32Array(buckets === 0 ? 0 : n);
    this.bucketPrevious = new Int32Array(buckets === 0 ? 0 : n);
  }

  /** Breadth-first search (Brandes 2001, algorithm 1); returns how many nodes were reached. */
  breadthFirst(source: number): number {
    const { start, neighbour, predecessorStart } = this.task;
    const { settledOrder, sigma, distance, state, predecessor, predecessorCount } = this;
    settledOrder[0] = source;
    distance[source] = 0;
    sigma[source] = 1;
    state[source] = SETTLED;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = settledOrder[head++] as number;
      const next = (distance[v] as number) + 1;
      const paths = sigma[v] as number;
      const end = start[v + 1] as number;
      for (let edge = start[v] as number; edge < end; edge++) {
        const w = neighbour[edge] as number;
        if (state[w] === UNSEEN) {
          state[w] = SETTLED;
          distance[w] = next;
          settledOrder[tail++] = w;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
        } else if (distance[w] === next) {
          sigma[w] = (sigma[w] as number) + paths;
          predecessor[(predecessorStart[w] as number) + (predecessorCount[w] as number)] = v;
          predecessorCount[w] = (predecessorCount[w] as number) + 1;
        }
      }
    }
    return tail;
  }

  /**
   * Dijkstra's search with positive lengths (Brandes 2008, section 3): a node's sigma is final when it is
   * settled, because all its predecessors are strictly closer and were settled before it.
   */
  dijkstra(source: number, length: Float64Array): number {
    const { start, neighbour, predecessorStart, tieTolerance } = this.task;
    const { settledOrder, sigma, distance, state, predecessor, predecessorCount } = this;
    distance[source] = 0;
    sigma[source] = 1;
    state[source] = QUEUED;
    this.heapSize = 0;
    this.push(source);
    let settled = 0;
    while (this.heapSize > 0) {
      const v = this.popMin();
      state[v] = SETTLED;
      settledOrder[settled++] = v;
      const reached = distance[v] as number;
      const paths = sigma[v] as number;
      const end = start[v + 1] as number;
      for (let edge = start[v] as number; edge < end; edge++) {
        const w = neighbour[edge] as number;
        const wState = state[w] as number;
        if (wState === SETTLED) continue;
        const candidate = reached + (length[edge] as number);
        if (wState === UNSEEN) {
          state[w] = QUEUED;
          distance[w] = candidate;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
          this.push(w);
          continue;
        }
        const known = distance[w] as number;
        // Exact lengths compare with ===; float lengths within a relative tolerance (path-lengths.ts).
        const slack = tieTolerance === 0 ? 0 : tieTolerance * (candidate > known ? candidate : known);
        if (candidate < known - slack) {
          distance[w] = candidate;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
          this.decreaseKey(w);
        } else if (candidate <= known + slack) {
          sigma[w] = (sigma[w] as number) + paths;
          predecessor[(predecessorStart[w] as number) + (predecessorCount[w] as number)] = v;
          predecessorCount[w] = (predecessorCount[w] as number) + 1;
        }
      }
    }
    return settled;
  }

  /**
   * The same search with Dial's bucket queue (R. B. Dial, "Algorithm 360: shortest-path forest with
   * topological ordering", CACM 12(11), 1969) for exact integer lengths of at most `buckets - 1`: every
   * queued distance lies within one maximum edge length of the current one, so a circular array of buckets
   * replaces the heap, and insertion, decrease-key and removal are O(1). On the benchmark graphs this is
   * about twice as fast as the binary heap.
   */
  dial(source: number, length: Float64Array): number {
    const { start, neighbour, predecessorStart } = this.task;
    const { settledOrder, sigma, distance, state, predecessor, predecessorCount } = this;
    const { bucketHead, bucketNext, bucketPrevious } = this;
    const buckets = bucketHead.length;
    const insert = (node: number, bucket: number): void => {
      const head = bucketHead[bucket] as number;
      bucketNext[node] = head;
      bucketPrevious[node] = -1;
      if (head !== -1) bucketPrevious[head] = node;
      bucketHead[bucket] = node;
    };
    const unlink = (node: number, bucket: number): void => {
      const previous = bucketPrevious[node] as number;
      const next = bucketNext[node] as number;
      if (previous === -1) bucketHead[bucket] = next;
      else bucketNext[previous] = next;
      if (next !== -1) bucketPrevious[next] = previous;
    };
    distance[source] = 0;
    sigma[source] = 1;
    state[source] = QUEUED;
    insert(source, 0);
    let queued = 1;
    let bucket = 0;
    let settled = 0;
    while (queued > 0) {
      while (bucketHead[bucket] === -1) bucket = bucket + 1 === buckets ? 0 : bucket + 1;
      const v = bucketHead[bucket] as number;
      unlink(v, bucket);
      queued--;
      state[v] = SETTLED;
      settledOrder[settled++] = v;
      const reached = distance[v] as number;
      const paths = sigma[v] as number;
      const end = start[v + 1] as number;
      for (let edge = start[v] as number; edge < end; edge++) {
        const w = neighbour[edge] as number;
        const wState = state[w] as number;
        if (wState === SETTLED) continue;
        const candidate = reached + (length[edge] as number);
        if (wState === UNSEEN) {
          state[w] = QUEUED;
          distance[w] = candidate;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
          insert(w, candidate % buckets);
          queued++;
          continue;
        }
        const known = distance[w] as number;
        if (candidate < known) {
          unlink(w, known % buckets);
          distance[w] = candidate;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
          insert(w, candidate % buckets);
        } else if (candidate === known) {
          sigma[w] = (sigma[w] as number) + paths;
          predecessor[(predecessorStart[w] as number) + (predecessorCount[w] as number)] = v;
          predecessorCount[w] = (predecessorCount[w] as number) + 1;
        }
      }
    }
    return settled;
  }

  /** Adds source's dependencies and distances into `sums`, then clears what this source touched. */
  accumulate(source: number, reachedCount: number, sums: PathSums): void {
    const { predecessorStart, team } = this.task;
    const { settledOrder, sigma, distance, delta, crossDelta, state, predecessor, predecessorCount } = this;
    const { betweenness, distanceSum, reachedBy, harmonic } = sums;
    const sourceTeam = team === null ? -1 : (team[source] as number);
    const cross = team !== null && sourceTeam >= 0;
    const crossBetweenness = sums.crossTeamBetweenness;
    const crossReachedBy = sums.crossTeamReachedBy;
    let crossReached = 0;
    for (let index = reachedCount - 1; index >= 0; index--) {
      const w = settledOrder[index] as number;
      const first = predecessorStart[w] as number;
      const last = first + (predecessorCount[w] as number);
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (let slot = first; slot < last; slot++) {
        const v = predecessor[slot] as number;
        delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      }
      if (cross) {
        const wTeam = team[w] as number;
        const isTarget = wTeam >= 0 && wTeam !== sourceTeam ? 1 : 0;
        const crossCoefficient = (isTarget + (crossDelta[w] as number)) / (sigma[w] as number);
        for (let slot = first; slot < last; slot++) {
          const v = predecessor[slot] as number;
          crossDelta[v] = (crossDelta[v] as number) + (sigma[v] as number) * crossCoefficient;
        }
        if (w !== source && crossBetweenness !== null && crossReachedBy !== null) {
          crossBetweenness[w] = (crossBetweenness[w] as number) + (crossDelta[w] as number);
          crossReachedBy[w] = (crossReachedBy[w] as number) + isTarget;
          crossReached += isTarget;
        }
        crossDelta[w] = 0;
      }
      if (w !== source) {
        const d = distance[w] as number;
        betweenness[w] = (betweenness[w] as number) + (delta[w] as number);
        distanceSum[w] = (distanceSum[w] as number) + d;
        reachedBy[w] = (reachedBy[w] as number) + 1;
        harmonic[w] = (harmonic[w] as number) + 1 / d;
      }
      delta[w] = 0;
      sigma[w] = 0;
      state[w] = UNSEEN;
      predecessorCount[w] = 0;
    }
    if (cross && sums.crossTeamReachedFrom !== null)
      sums.crossTeamReachedFrom[source] = (sums.crossTeamReachedFrom[source] as number) + crossReached;
  }

  private push(node: number): void {
    const index = this.heapSize++;
    this.heap[index] = node;
    this.heapPosition[node] = index;
    this.siftUp(index);
  }

  private decreaseKey(node: number): void {
    this.siftUp(this.heapPosition[node] as number);
  }

  private popMin(): number {
    const { heap, heapPosition, distance } = this;
    const top = heap[0] as number;
    const size = --this.heapSize;
    if (size === 0) return top;
    const moved = heap[size] as number;
    const key = distance[moved] as number;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= size) break;
      const right = child + 1;
      if (
        right < size &&
        (distance[heap[right] as number] as number) < (distance[heap[child] as number] as number)
      )
        child = right;
      const childNode = heap[child] as number;
      if ((distance[childNode] as number) >= key) break;
      heap[index] = childNode;
      heapPosition[childNode] = index;
      index = child;
    }
    heap[index] = moved;
    heapPosition[moved] = index;
    return top;
  }

  private siftUp(index: number): void {
    const { heap, heapPosition, distance } = this;
    const node = heap[index] as number;
    const key = distance[node] as number;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentNode = heap[parent] as number;
      if ((distance[parentNode] as number) <= key) break;
      heap[index] = parentNode;
      heapPosition[parentNode] = index;
      index = parent;
    }
    heap[index] = node;
    heapPosition[node] = index;
  }
}

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
          ? search.dial(source, length)
          : search.dijkstra(source, length);
    search.accumulate(source, reached, sums);
  }
  return sums;
}
