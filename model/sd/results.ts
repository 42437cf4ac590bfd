/**
 * Simulation results: one Float64Array per variable over the saved times (column-major), all views of one
 * ArrayBuffer, plus the names. A plain object of typed arrays, so a Web Worker can transfer it (post the
 * buffer in the transfer list) instead of copying it.
 */
import { canonicalName } from './names';

export interface SimulationResult {
  /** Names as written in the model, in the order of `series`. */
  readonly names: readonly string[];
  /** Canonical ids (lower case, underscores), in the same order. */
  readonly ids: readonly string[];
  /** The saved times. */
  readonly time: Float64Array;
  /** series[k][i]: variable k at time[i]. */
  readonly series: readonly Float64Array[];
}

/** The series of a variable, looked up by name as XMILE matches names (case, spaces and underscores ignored). */
export function seriesOf(result: SimulationResult, name: string): Float64Array | undefined {
  const index = result.ids.indexOf(canonicalName(name));
  return index < 0 ? undefined : result.series[index];
}

/** A copy that owns its memory (a runner's result is overwritten by its next run). */
export function copyResult(result: SimulationResult): SimulationResult {
  const count = result.time.length;
  const buffer = new Float64Array(count * (result.series.length + 1));
  buffer.set(result.time, 0);
  result.series.forEach((series, index) => buffer.set(series, (index + 1) * count));
  return {
    names: [...result.names],
    ids: [...result.ids],
    time: buffer.subarray(0, count),
    series: result.series.map((_, index) => buffer.subarray((index + 1) * count, (index + 2) * count)),
  };
}
