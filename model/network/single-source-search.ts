/**
 * One source at a time of Brandes' algorithm (see shortest-path-sums.ts for the method and its sources):
 * the search (breadth-first for hops; Dial's buckets or a binary heap for weighted lengths) and the
 * accumulation of dependencies and distances, over typed arrays allocated once per range of sources.
 */
import type { PathSums, ShortestPathTask } from './shortest-path-task';

/** Dial's queue is used for exact integer lengths up to this; longer ones use the binary heap. */
export const MAX_BUCKETS = 1 << 16;

/** Buckets for Dial's queue (max length + 1), or 0 when the task needs the heap or no queue at all. */
export function bucketCount(task: ShortestPathTask): number {
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
export class SingleSourceSearch {
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
  private readonly bucketOf: Int32Array;
  /** The lengths as 32-bit integers for the bucket arithmetic (empty when buckets are not used). */
  private readonly integerLength: Int32Array;

  constructor(private readonly task: ShortestPathTask) {
    const n = task.order;
    this.settledOrder = new Int32Array(n);
    this.sigma = new Float64Array(n);
    this.distance = new Float64Array(n).fill(-1);
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
    this.bucketOf = new Int32Array(buckets === 0 ? 0 : n);
    this.integerLength =
      buckets === 0 || task.length === null ? new Int32Array(0) : Int32Array.from(task.length);
  }

  /** Breadth-first search (Brandes 2001, algorithm 1); returns how many nodes were reached. */
  breadthFirst(source: number): number {
    const { start, neighbour, predecessorStart } = this.task;
    const { settledOrder, sigma, distance, predecessor, predecessorCount } = this;
    settledOrder[0] = source;
    distance[source] = 0;
    sigma[source] = 1;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = settledOrder[head++] as number;
      const next = (distance[v] as number) + 1;
      const paths = sigma[v] as number;
      const end = start[v + 1] as number;
      for (let edge = start[v] as number; edge < end; edge++) {
        const w = neighbour[edge] as number;
        // One read decides: -1 is unseen (every distance is reset to -1 after a source), else compare.
        const known = distance[w] as number;
        if (known < 0) {
          distance[w] = next;
          settledOrder[tail++] = w;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
        } else if (known === next) {
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
  dial(source: number): number {
    const { start, neighbour, predecessorStart } = this.task;
    const { settledOrder, sigma, distance, state, predecessor, predecessorCount } = this;
    const { bucketHead, bucketNext, bucketPrevious, bucketOf, integerLength } = this;
    const buckets = bucketHead.length;
    // A node's bucket is its distance modulo `buckets`, kept incrementally (no floating-point modulo).
    const insert = (node: number, bucket: number): void => {
      const head = bucketHead[bucket] as number;
      bucketNext[node] = head;
      bucketPrevious[node] = -1;
      bucketOf[node] = bucket;
      if (head !== -1) bucketPrevious[head] = node;
      bucketHead[bucket] = node;
    };
    const unlink = (node: number): void => {
      const previous = bucketPrevious[node] as number;
      const next = bucketNext[node] as number;
      if (previous === -1) bucketHead[bucketOf[node] as number] = next;
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
      unlink(v);
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
        const step = integerLength[edge] as number;
        const candidate = reached + step;
        let target = bucket + step;
        if (target >= buckets) target -= buckets;
        if (wState === UNSEEN) {
          state[w] = QUEUED;
          distance[w] = candidate;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
          insert(w, target);
          queued++;
          continue;
        }
        const known = distance[w] as number;
        if (candidate < known) {
          unlink(w);
          distance[w] = candidate;
          sigma[w] = paths;
          predecessor[predecessorStart[w] as number] = v;
          predecessorCount[w] = 1;
          insert(w, target);
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
      distance[w] = -1;
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
