/**
 * Each parameter's effect on the KPI, two ways:
 *
 * - The swing, drawn as the tornado's bars: the KPI with the parameter at the 5th and at the 95th percentile
 *   of its distribution, every other varied parameter at its median (and the model's other constants as
 *   saved). This is the one-at-a-time tornado diagram of decision analysis (Eschenbach 1992, "Spiderplots
 *   versus tornado diagrams for sensitivity analysis", Interfaces 22(6):40-46; Clemen & Reilly, Making Hard
 *   Decisions, ch. 5): its bars are in the KPI's own units, which is what a workshop asks ("how much profit
 *   does the training budget move?"). It takes 2k + 1 extra runs, independent of the Monte Carlo runs.
 * - Spearman's rank correlation between the parameter's draws and the KPI over the Monte Carlo runs, a global
 *   measure that sees the other parameters varying too (Helton, Johnson, Sallaberry & Storlie 2006, "Survey of
 *   sampling-based methods for uncertainty and sensitivity analysis", Reliability Engineering & System Safety
 *   91:1175-1209, section 6.5). Ties get average ranks and the correlation is Pearson's on the ranks, as R's
 *   `cor(method = "spearman")` computes it.
 */
import type { SensitivityKernel } from './kernel';

export interface TornadoEntry {
  readonly parameter: string;
  /** The parameter's 5th, 50th and 95th percentiles. */
  readonly low: number;
  readonly median: number;
  readonly high: number;
  /** The KPI with the parameter at its low and high value, the others at their medians. */
  readonly kpiAtLow: number;
  readonly kpiAtHigh: number;
  /** kpiAtHigh - kpiAtLow. */
  readonly swing: number;
  /** Spearman's rho between the parameter and the KPI over the runs; NaN when either does not vary. */
  readonly rankCorrelation: number;
}

export interface Tornado {
  /** The KPI with every varied parameter at its median. */
  readonly base: number;
  /** Largest |swing| first (ties in the spec's order). */
  readonly entries: readonly TornadoEntry[];
}

/** Ranks 1..n of the values, ties sharing their average rank. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  // A comparison rather than a difference, so infinities order too (Infinity - Infinity is NaN).
  const order = Array.from({ length: values.length }, (_, index) => index).sort((a, b) => {
    const x = values[a] as number;
    const y = values[b] as number;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const ranks = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    const value = values[order[start] as number] as number;
    while (end < order.length && values[order[end] as number] === value) end++;
    // Positions start..end-1 hold one value: each gets the mean of ranks start+1..end.
    const rank = (start + 1 + end) / 2;
    for (let position = start; position < end; position++) ranks[order[position] as number] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson correlation of two equally long samples; NaN when either does not vary. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let index = 0; index < n; index++) {
    meanX += x[index] as number;
    meanY += y[index] as number;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let index = 0; index < n; index++) {
    const dx = (x[index] as number) - meanX;
    const dy = (y[index] as number) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho of the pairs where neither value is NaN (R's `use = "complete.obs"`). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const keptX: number[] = [];
  const keptY: number[] = [];
  for (let index = 0; index < x.length; index++) {
    const a = x[index] as number;
    const b = y[index] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    keptX.push(a);
    keptY.push(b);
  }
  if (keptX.length < 2) return Number.NaN;
  return pearson(averageRanks(keptX), averageRanks(keptY));
}

/** The swings without the rank correlations: 2k + 1 runs of the kernel, nothing from the Monte Carlo runs. */
export interface TornadoSwings {
  readonly base: number;
  readonly entries: readonly Omit<TornadoEntry, 'rankCorrelation'>[];
}

export function computeSwings(kernel: SensitivityKernel): TornadoSwings {
  const { parameters } = kernel.plan;
  const medians = parameters.map((parameter) => parameter.quantile(0.5));
  const base = kernel.kpiAt(medians);
  const entries = parameters.map((parameter, j) => {
    const low = parameter.quantile(0.05);
    const high = parameter.quantile(0.95);
    const at = (value: number): number =>
      kernel.kpiAt(medians.map((median, i) => (i === j ? value : median)));
    const kpiAtLow = at(low);
    const kpiAtHigh = at(high);
    return {
      parameter: parameter.name,
      low,
      median: medians[j] as number,
      high,
      kpiAtLow,
      kpiAtHigh,
      swing: kpiAtHigh - kpiAtLow,
    };
  });
  return { base, entries };
}

/**
 * The tornado: the swings with each parameter's rank correlation over the Monte Carlo runs (`samples` row-major,
 * runs x parameters, in the swings' parameter order), largest |swing| first.
 */
export function assembleTornado(swings: TornadoSwings, samples: Float64Array, kpi: Float64Array): Tornado {
  const k = swings.entries.length;
  const column = new Float64Array(kpi.length);
  const entries = swings.entries.map((entry, j): TornadoEntry => {
    for (let run = 0; run < kpi.length; run++) column[run] = samples[run * k + j] as number;
    return { ...entry, rankCorrelation: spearman(column, kpi) };
  });
  const magnitude = (entry: TornadoEntry): number => (Number.isNaN(entry.swing) ? -1 : Math.abs(entry.swing));
  return {
    base: swings.base,
    entries: entries
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => magnitude(b.entry) - magnitude(a.entry) || a.index - b.index)
      .map(({ entry }) => entry),
  };
}
