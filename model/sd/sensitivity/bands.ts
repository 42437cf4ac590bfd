/**
 * Percentile bands of one recorded variable over time: at each band time, the spec's percentiles (exact type 7,
 * percentiles.ts) of the variable's values over the runs. The values come time-major (every run's value at the
 * first band time, then at the second, ...), so each band time's runs are one stretch of memory, copied to a
 * scratch array and selected.
 *
 * One variable's bands are one job: the CLI's threads and the app's workers compute different variables' bands
 * at the same time once the runs are in (selection costs about 0.3 ms per band time at 10,000 runs, so a
 * dozen variables at 61 band times would otherwise keep one thread busy for a quarter of a second).
 */
import { percentilesInPlace } from './percentiles';

/**
 * bands[q * points + b]: percentile q (of `percents`, increasing, in percent) at band time b, from
 * values[b * runs + r].
 */
export function variableBands(
  values: Float64Array,
  points: number,
  runs: number,
  percents: readonly number[],
): Float64Array {
  const probabilities = percents.map((percent) => percent / 100);
  const bands = new Float64Array(percents.length * points);
  const scratch = new Float64Array(runs);
  for (let point = 0; point < points; point++) {
    scratch.set(values.subarray(point * runs, (point + 1) * runs));
    percentilesInPlace(scratch, runs, probabilities, bands, point, points);
  }
  return bands;
}
