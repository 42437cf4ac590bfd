/**
 * The sensitivity spec: which constants vary and how, how they are sampled, how many runs with which seed,
 * which variables are recorded, and the KPI the tornado and the summary are about. The same JSON is the CLI's
 * `--spec` file, what the app's editor produces, and what the workspace stores with a result.
 *
 * Distributions (each parameter's own, independent of the others):
 * - `uniform(min, max)`;
 * - `normal(mean, sd)`, optionally truncated to `[min, max]` (either bound may be left out);
 * - `triangular(min, mode, max)`;
 * - `lognormal`, given either as `meanlog, sdlog` (the mean and standard deviation of the logarithm, R's
 *   `rlnorm(meanlog, sdlog)`) or as `mean, sd` (of the variable itself, as Stella's and the engine's
 *   LOGNORMAL(mean, sd) take them); exactly one of the two pairs.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const uniformSchema = z
  .object({ type: z.literal('uniform'), min: finite, max: finite })
  .strict()
  .refine((d) => d.min < d.max, { message: 'max must be above min', path: ['max'] });

const normalSchema = z
  .object({
    type: z.literal('normal'),
    mean: finite,
    sd: finite.refine((sd) => sd > 0, 'sd must be above 0'),
    min: finite.optional(),
    max: finite.optional(),
  })
  .strict()
  .refine((d) => d.min === undefined || d.max === undefined || d.min < d.max, {
    message: 'the truncation max must be above its min',
    path: ['max'],
  });

const triangularSchema = z
  .object({ type: z.literal('triangular'), min: finite, mode: finite, max: finite })
  .strict()
  .refine((d) => d.min < d.max, { message: 'max must be above min', path: ['max'] })
  .refine((d) => d.mode >= d.min && d.mode <= d.max, {
    message: 'mode must lie between min and max',
    path: ['mode'],
  });

const lognormalSchema = z
  .object({
    type: z.literal('lognormal'),
    meanlog: finite.optional(),
    sdlog: finite.optional(),
    mean: finite.optional(),
    sd: finite.optional(),
  })
  .strict()
  .superRefine((d, context) => {
    const logPair = d.meanlog !== undefined || d.sdlog !== undefined;
    const valuePair = d.mean !== undefined || d.sd !== undefined;
    if (logPair === valuePair) {
      context.addIssue({
        code: 'custom',
        message: 'give either meanlog and sdlog (of the logarithm) or mean and sd (of the value), not both',
      });
      return;
    }
    if (logPair) {
      if (d.meanlog === undefined)
        context.addIssue({ code: 'custom', message: 'meanlog is missing', path: ['meanlog'] });
      if (d.sdlog === undefined || !(d.sdlog > 0))
        context.addIssue({ code: 'custom', message: 'sdlog must be above 0', path: ['sdlog'] });
      return;
    }
    if (d.mean === undefined || !(d.mean > 0))
      context.addIssue({ code: 'custom', message: 'mean must be above 0', path: ['mean'] });
    if (d.sd === undefined || !(d.sd > 0))
      context.addIssue({ code: 'custom', message: 'sd must be above 0', path: ['sd'] });
  });

export const distributionSchema = z.discriminatedUnion('type', [
  uniformSchema,
  normalSchema,
  triangularSchema,
  lognormalSchema,
]);
export type Distribution = z.infer<typeof distributionSchema>;
export const DISTRIBUTION_TYPES = ['uniform', 'normal', 'triangular', 'lognormal'] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

export const SAMPLING_METHODS = ['random', 'latin-hypercube'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

/**
 * How a run becomes one KPI number: the value at the horizon (the last saved time), the mean of the values at
 * every saved time, or the sum over the run, the values at the saved times before the horizon times the save
 * interval (what a stock fed by the variable would accumulate under Euler: for a flow in customers per month,
 * the customers over the whole run).
 */
export const KPI_STATISTICS = ['final', 'mean', 'sum'] as const;
export type KpiStatistic = (typeof KPI_STATISTICS)[number];

export const DEFAULT_PERCENTILES = [5, 25, 50, 75, 95] as const;
/**
 * Band times: the saved times, thinned to at most this many (evenly, the horizon always included). 61 draws a
 * ten-year monthly model every second month, smooth at any chart width, and keeps a 10,000-run band's
 * percentile selection (about 0.3 ms per band time and variable) well inside the Monte Carlo's time budget.
 */
export const DEFAULT_BAND_POINTS = 61;
export const MAX_RUNS = 1_000_000;
/** Seeds are 32-bit unsigned integers: with the run index they make the 64-bit key of each run's stream. */
export const MAX_SEED = 2 ** 32 - 1;

const nameSchema = z.string().trim().min(1, 'must name a variable of the model');

export const sensitivityParameterSchema = z
  .object({ name: nameSchema, distribution: distributionSchema })
  .strict();
export type SensitivityParameter = z.infer<typeof sensitivityParameterSchema>;

export const kpiSchema = z
  .object({ variable: nameSchema, statistic: z.enum(KPI_STATISTICS).default('final') })
  .strict();
export type Kpi = z.infer<typeof kpiSchema>;

export const sensitivitySpecSchema = z
  .object({
    parameters: z.array(sensitivityParameterSchema).min(1, 'name at least one parameter to vary'),
    sampling: z.enum(SAMPLING_METHODS).default('latin-hypercube'),
    runs: z.number().int('must be a whole number').min(1).max(MAX_RUNS).optional(),
    seed: z.number().int('must be a whole number').min(0).max(MAX_SEED).optional(),
    outputs: z.array(nameSchema).optional(),
    kpi: kpiSchema,
    percentiles: z
      .array(finite.refine((p) => p > 0 && p < 100, 'a percentile lies strictly between 0 and 100'))
      .min(1)
      .default([...DEFAULT_PERCENTILES])
      .refine((list) => list.every((p, index) => index === 0 || p > (list[index - 1] as number)), {
        message: 'percentiles must be in increasing order without repeats',
      }),
    bandPoints: z.number().int().min(2).max(100_001).default(DEFAULT_BAND_POINTS),
  })
  .strict();

/** A spec as written (runs and seed may come from the command line instead). */
export type SensitivitySpecInput = z.input<typeof sensitivitySpecSchema>;
export type SensitivitySpec = z.infer<typeof sensitivitySpecSchema>;
/** A spec ready to run: runs and seed known. */
export type ResolvedSensitivitySpec = SensitivitySpec & { readonly runs: number; readonly seed: number };

/** `parameters[1].distribution.max` from a zod path. */
export function issuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text === '' ? 'the spec' : text;
}

export type SpecOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

/** Parses a spec object, each problem as `where: what` (e.g. `parameters[0].distribution.sd: sd must be above 0`). */
export function parseSensitivitySpec(json: unknown): SpecOutcome<SensitivitySpec> {
  const parsed = sensitivitySpecSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`),
  };
}

/** Runs and seed from the command line win over the spec's; both must be known in the end. */
export function resolveSpec(
  spec: SensitivitySpec,
  overrides: { readonly runs?: number | undefined; readonly seed?: number | undefined } = {},
): SpecOutcome<ResolvedSensitivitySpec> {
  const runs = overrides.runs ?? spec.runs;
  const seed = overrides.seed ?? spec.seed;
  const errors: string[] = [];
  if (runs === undefined) errors.push('runs: give the number of runs (in the spec or with --runs)');
  else if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS)
    errors.push(`runs: must be a whole number from 1 to ${MAX_RUNS} (got ${runs})`);
  if (seed === undefined) errors.push('seed: give a seed (in the spec or with --seed)');
  else if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    errors.push(`seed: must be a whole number from 0 to ${MAX_SEED} (got ${seed})`);
  if (errors.length > 0 || runs === undefined || seed === undefined) return { ok: false, errors };
  return { ok: true, value: { ...spec, runs, seed } };
}
