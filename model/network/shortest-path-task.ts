/**
 * What the shortest-path kernel (shortest-path-sums.ts) takes and gives back, as plain typed arrays so a
 * task and its sums can cross to a Node worker thread or a Web Worker (structured clone or transfer).
 */
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
