/**
 * The summary table of the KPI over the runs: how many runs, how many gave no number, mean, standard deviation
 * (n - 1 in the denominator, as R's `sd`), extremes and the spec's percentiles (type 7, percentiles.ts).
 */
import { percentiles } from './percentiles';

export interface KpiSummary {
  readonly runs: number;
  /** Runs whose KPI is NaN (a division by zero in the model, say); left out of every figure below. */
  readonly missing: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  /** The spec's percentiles, in its order. */
  readonly percentiles: readonly { readonly percent: number; readonly value: number }[];
}

export function summarizeKpi(values: ArrayLike<number>, percents: readonly number[]): KpiSummary {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  // Welford's one-pass mean and sum of squares (Welford 1962, Technometrics 4(3):419), which does not lose
  // digits to cancellation the way sum(x^2) - n mean^2 does.
  // An index loop: ArrayLike (typed arrays, plain arrays) has no iterator in its type.
  // eslint-disable-next-line @typescript-eslint/prefer-for-of
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    if (Number.isNaN(value)) continue;
    count++;
    const delta = value - mean;
    mean += delta / count;
    m2 += delta * (value - mean);
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const quantiles = percentiles(values, percents);
  return {
    runs: values.length,
    missing: values.length - count,
    mean: count === 0 ? Number.NaN : mean,
    sd: count < 2 ? Number.NaN : Math.sqrt(m2 / (count - 1)),
    min: count === 0 ? Number.NaN : min,
    max: count === 0 ? Number.NaN : max,
    percentiles: percents.map((percent, index) => ({ percent, value: quantiles[index] as number })),
  };
}
