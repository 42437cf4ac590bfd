/**
 * A/B comparison of two variants (two scripts, two offers) on a proportion or a mean, with the effect, its
 * confidence interval, the p-value, the sample size each variant would need for a given power, and a reading in
 * plain words with the assumptions it rests on.
 *
 * Proportion: two-proportion z-test with the pooled SE under H0 (equal to R's `prop.test(correct = FALSE)`,
 * whose chi-squared is z²), and a Wald interval with the unpooled SE √(p1q1/n1 + p2q2/n2) (Agresti & Caffo
 * 2000, Am. Statistician 54:280, discuss its undercoverage with few events; the reading says so when a cell has
 * fewer than 10 successes or failures). Mean: Welch's t-test (Welch 1947, Biometrika 34:28) with the
 * Welch-Satterthwaite df, as R's `t.test(var.equal = FALSE)`.
 */
import studentTQuantile from '@stdlib/stats-base-dists-t-quantile';
import { normalQuantile } from '../sd/sensitivity/normal-quantile';
import { columnIndex, type DataTable, type Result } from '../stats/data-table';
import { normalTwoSidedP, studentTTwoSidedP } from '../stats/distributions';
import { completeRows, readBinaryCell, readNumericCell, requireColumn, twoLevels } from './comparison-data';
import { mean, sampleVariance } from './moments';
import { meanSampleSize, proportionSampleSize, type SampleSize } from './sample-size';
import { confidenceLabel, formatNumber, formatP, formatPercent } from './wording';

export type AbKind = 'proportion' | 'mean';

export interface AbOptions {
  readonly group: string;
  readonly outcome: string;
  readonly kind: AbKind;
  readonly alpha: number;
  readonly power: number;
  /** The reference variant (A); by default see twoLevels. */
  readonly control?: string;
  /** The difference the sample size is computed for; by default the observed one. */
  readonly detect?: number;
}

export interface AbGroup {
  readonly level: string;
  readonly n: number;
  /** Proportion of successes, or the mean. */
  readonly estimate: number;
  /** Sample standard deviation (means only; null for proportions). */
  readonly sd: number | null;
}

export interface AbResult {
  readonly kind: AbKind;
  readonly test: string;
  readonly control: AbGroup;
  readonly variant: AbGroup;
  /** variant − control (a proportion difference, or a difference of means). */
  readonly effect: number;
  /** SE of the effect used for the interval (unpooled for proportions, Welch for means). */
  readonly stdError: number;
  /** z (proportions, pooled SE) or Welch's t. */
  readonly statistic: number;
  readonly df: number | null;
  readonly p: number;
  readonly alpha: number;
  readonly confidenceInterval: readonly [number, number];
  readonly intervalMethod: string;
  readonly detect: number;
  readonly sampleSize: SampleSize | null;
  readonly droppedRows: number;
  readonly reading: string;
  readonly assumptions: readonly string[];
}

interface Samples {
  readonly levels: { reference: string; other: string };
  readonly control: number[];
  readonly variant: number[];
  readonly dropped: number;
}

function readSamples(table: DataTable, options: AbOptions): Result<Samples> {
  const group = requireColumn(table, options.group, '--group');
  if (!group.ok) return group;
  const outcome = requireColumn(table, options.outcome, '--outcome');
  if (!outcome.ok) return outcome;
  const complete = completeRows(table, [group.value, outcome.value]);
  const levels = twoLevels(
    complete.cells.map((cells) => cells[0] as string),
    options.group,
    options.control,
  );
  if (!levels.ok) return levels;
  const control: number[] = [];
  const variant: number[] = [];
  for (let i = 0; i < complete.cells.length; i++) {
    const [level, cell] = complete.cells[i] as [string, string];
    const row = complete.rows[i] as number;
    const value =
      options.kind === 'proportion'
        ? readBinaryCell(cell, row, options.outcome)
        : readNumericCell(cell, row, options.outcome);
    if (!value.ok) return value;
    (level === levels.value.reference ? control : variant).push(value.value);
  }
  return { ok: true, value: { levels: levels.value, control, variant, dropped: complete.dropped } };
}

export function compareAb(table: DataTable, options: AbOptions): Result<AbResult> {
  if (columnIndex(table, options.group) === columnIndex(table, options.outcome))
    return { ok: false, error: '--group and --outcome must be different columns' };
  const samples = readSamples(table, options);
  if (!samples.ok) return samples;
  const { control, variant, levels, dropped } = samples.value;
  const n1 = control.length;
  const n2 = variant.length;
  const minimum = options.kind === 'mean' ? 2 : 1;
  if (n1 < minimum || n2 < minimum)
    return {
      ok: false,
      error: `each variant needs at least ${minimum} rows with an outcome (${levels.reference}: ${n1}, ${levels.other}: ${n2})`,
    };
  return {
    ok: true,
    value:
      options.kind === 'proportion'
        ? proportionTest(samples.value, options, dropped)
        : meanTest(samples.value, options, dropped),
  };
}

function proportionTest(samples: Samples, options: AbOptions, droppedRows: number): AbResult {
  const { control, variant, levels } = samples;
  const n1 = control.length;
  const n2 = variant.length;
  const x1 = control.reduce((sum, value) => sum + value, 0);
  const x2 = variant.reduce((sum, value) => sum + value, 0);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const effect = p2 - p1;
  const pooled = (x1 + x2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const statistic = pooledSe > 0 ? effect / pooledSe : Number.NaN;
  const p = pooledSe > 0 ? normalTwoSidedP(statistic) : Number.NaN;
  const stdError = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const z = normalQuantile(1 - options.alpha / 2);
  const interval = [effect - z * stdError, effect + z * stdError] as const;
  const detect = options.detect ?? effect;
  const sampleSize = proportionSampleSize(
    p1,
    Math.min(0.999999, Math.max(1e-6, p1 + detect)),
    options.alpha,
    options.power,
  );
  const fewEvents = [x1, n1 - x1, x2, n2 - x2].some((count) => count < 10);
  const points = (value: number) =>
    `${formatNumber(Math.abs(value) * 100, 1)} point${Math.abs(value * 100) === 1 ? '' : 's'}`;
  const label = confidenceLabel(options.alpha);
  const significant = p < options.alpha;
  const reading = [
    `Variant "${levels.other}" succeeded in ${formatPercent(p2)} of ${n2} cases against ${formatPercent(p1)} of ${n1} for "${levels.reference}": ${points(effect)} ${effect >= 0 ? 'more' : 'fewer'} (${label} CI ${formatNumber(interval[0] * 100, 1)} to ${formatNumber(interval[1] * 100, 1)} points; ${formatP(p)}).`,
    significant
      ? `A difference this large would be unlikely (${formatP(p)}) if the variants performed the same.`
      : `This sample cannot tell the difference from chance at the ${formatNumber(options.alpha * 100, 1).replace(/\.0$/, '')}% level.`,
    sampleSize === null
      ? 'No sample size can be computed for a zero difference.'
      : `To detect a difference of ${points(detect)} with ${formatNumber(options.power * 100, 0)}% power, each variant needs ${sampleSize.perGroup.toLocaleString('en-US')} cases.`,
  ].join(' ');
  const assumptions = [
    'Each case is independent of the others and was assigned to a variant at random.',
    'The normal approximation to the binomial holds (at least 10 successes and 10 failures in each variant).',
    'The interval is the Wald interval (unpooled SE); the test uses the pooled SE, as prop.test without continuity correction.',
    ...(fewEvents
      ? [
          'Fewer than 10 successes or failures in a variant: the Wald interval may be too narrow; a Newcombe interval or an exact test would be safer.',
        ]
      : []),
  ];
  return {
    kind: 'proportion',
    test: 'two-proportion z-test (pooled SE)',
    control: { level: levels.reference, n: n1, estimate: p1, sd: null },
    variant: { level: levels.other, n: n2, estimate: p2, sd: null },
    effect,
    stdError,
    statistic,
    df: null,
    p,
    alpha: options.alpha,
    confidenceInterval: interval,
    intervalMethod: 'Wald (unpooled SE)',
    detect,
    sampleSize,
    droppedRows,
    reading,
    assumptions,
  };
}

function meanTest(samples: Samples, options: AbOptions, droppedRows: number): AbResult {
  const { control, variant, levels } = samples;
  const n1 = control.length;
  const n2 = variant.length;
  const m1 = mean(control);
  const m2 = mean(variant);
  const v1 = sampleVariance(control);
  const v2 = sampleVariance(variant);
  const effect = m2 - m1;
  const a = v1 / n1;
  const b = v2 / n2;
  const stdError = Math.sqrt(a + b);
  // Welch-Satterthwaite degrees of freedom.
  const df = (a + b) ** 2 / (a ** 2 / (n1 - 1) + b ** 2 / (n2 - 1));
  const statistic = effect / stdError;
  const p = studentTTwoSidedP(statistic, df);
  const t = studentTQuantile(1 - options.alpha / 2, df);
  const interval = [effect - t * stdError, effect + t * stdError] as const;
  const detect = options.detect ?? effect;
  // The SD the sample size assumes: the pooled within-variant SD.
  const pooledSd = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
  const sampleSize = meanSampleSize(detect, pooledSd, options.alpha, options.power);
  const label = confidenceLabel(options.alpha);
  const reading = [
    `Variant "${levels.other}" averaged ${formatNumber(m2)} (n = ${n2}) against ${formatNumber(m1)} for "${levels.reference}" (n = ${n1}): ${formatNumber(Math.abs(effect))} ${effect >= 0 ? 'higher' : 'lower'} (${label} CI ${formatNumber(interval[0])} to ${formatNumber(interval[1])}; ${formatP(p)}).`,
    p < options.alpha
      ? `A difference this large would be unlikely (${formatP(p)}) if the variants performed the same.`
      : `This sample cannot tell the difference from chance at the ${formatNumber(options.alpha * 100, 1).replace(/\.0$/, '')}% level.`,
    sampleSize === null
      ? 'No sample size can be computed for a zero difference or an outcome that does not vary.'
      : `To detect a difference of ${formatNumber(Math.abs(detect))} with ${formatNumber(options.power * 100, 0)}% power, each variant needs ${sampleSize.perGroup.toLocaleString('en-US')} cases (assuming an SD of ${formatNumber(pooledSd)}).`,
  ].join(' ');
  return {
    kind: 'mean',
    test: "Welch's two-sample t-test",
    control: { level: levels.reference, n: n1, estimate: m1, sd: Math.sqrt(v1) },
    variant: { level: levels.other, n: n2, estimate: m2, sd: Math.sqrt(v2) },
    effect,
    stdError,
    statistic,
    df,
    p,
    alpha: options.alpha,
    confidenceInterval: interval,
    intervalMethod: 'Welch t (Welch-Satterthwaite df)',
    detect,
    sampleSize,
    droppedRows,
    reading,
    assumptions: [
      'Each case is independent of the others and was assigned to a variant at random.',
      'The mean of each variant is close to normally distributed (the outcome is, or each variant has some 30 cases or more).',
      'The variances may differ (Welch); the sample size assumes equal SDs in both variants.',
    ],
  };
}
