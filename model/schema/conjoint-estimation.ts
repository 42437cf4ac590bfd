/**
 * A saved estimation: the report as `conjoint estimate` prints it (model/conjoint/estimation-report.ts: the
 * same field names, so a JSON export of the app and the CLI's output read alike), the stamp that makes it
 * reproducible (data hash, seed, app version), and what the market simulator needs (the coefficient vector in
 * the model's parameter order, and each respondent's vector when the method gives them). The estimation itself
 * (model/conjoint/estimation-run.ts) runs in the renderer's worker, and once for the sample study when a new
 * workspace is seeded; this schema checks what it gives before it is saved.
 */
import { z } from 'zod';

/** JSON has no NaN or infinity: the reports write null there. */
const finite = z.number().nullable();

const coefficientSchema = z.object({
  estimate: finite,
  stdError: finite,
  t: finite.optional(),
  z: finite.optional(),
  p: finite,
});

const importancesSchema = z.object({
  label: z.string(),
  percent: z.record(z.string(), z.number()),
  respondents: z.number().int().nonnegative().optional(),
  excludedRespondents: z.array(z.string()).optional(),
});

/** A categorical attribute's level -> part-worth, or a numeric attribute's slope and the range it spans. */
const partWorthSchema = z.union([
  z.object({ perUnit: z.number(), range: z.tuple([z.number(), z.number()]) }),
  z.record(z.string(), z.number()),
]);

export const wtpSchema = z.object({
  label: z.string(),
  attribute: z.string(),
  level: z.string().optional(),
  versus: z.string().optional(),
  value: finite,
  stdError: finite,
  z: finite.optional(),
  p: finite.optional(),
  method: z.string(),
});
export type WtpEntry = z.infer<typeof wtpSchema>;

export const estimationReportSchema = z.object({
  coding: z.enum(['effects', 'dummy']),
  inference: z.string().optional(),
  prior: z.string().optional(),
  coefficients: z.record(z.string(), coefficientSchema),
  derivedLevels: z.array(z.string()).optional(),
  n: z.number().int().nonnegative(),
  respondents: z.number().int().nonnegative(),
  logLik: finite.optional(),
  logLikNull: finite.optional(),
  mcfaddenR2: finite.optional(),
  rSquared: finite.optional(),
  adjRSquared: finite.optional(),
  residualStandardError: finite.optional(),
  fStatistic: z.object({ value: finite, df1: z.number(), df2: z.number(), p: finite }).nullable().optional(),
  aic: finite.optional(),
  bic: finite.optional(),
  iterations: z.number().int().nonnegative().optional(),
  burnIn: z.number().int().nonnegative().optional(),
  keptDraws: z.number().int().nonnegative().optional(),
  seed: z.number().optional(),
  status: z.enum(['done', 'cancelled']).optional(),
  acceptanceRate: finite.optional(),
  populationSd: z.record(z.string(), finite).optional(),
  partWorths: z.record(z.string(), partWorthSchema),
  importances: z.object({
    aggregatePartWorths: importancesSchema,
    perRespondentAverage: importancesSchema.optional(),
  }),
  price: z.string().optional(),
  willingnessToPay: z.array(wtpSchema).optional(),
});
export type EstimationReportDocument = z.infer<typeof estimationReportSchema>;

export const estimationSchema = z
  .object({
    kind: z.enum(['ratings', 'mnl', 'hb']),
    estimatedAt: z.iso.datetime(),
    appVersion: z.string().max(100),
    /** The responses' data hash when the estimation ran (the save is refused if they changed since). */
    dataHash: z.string().regex(/^[0-9a-f]{64}$/),
    seed: z.number().int().nullable(),
    options: z.object({
      iterations: z.number().int().positive().optional(),
      burnIn: z.number().int().nonnegative().optional(),
    }),
    statistic: z.enum(['t', 'z']),
    report: estimationReportSchema,
    /** For the simulator: parameter names, the aggregate vector, and respondents' vectors (row-major). */
    simulation: z.object({
      coding: z.enum(['effects', 'dummy']),
      intercept: z.boolean(),
      names: z.array(z.string()).min(1),
      aggregate: z.array(z.number()),
      respondents: z.array(z.string()),
      individual: z.array(z.number()),
    }),
  })
  .superRefine((estimation, context) => {
    const { names, aggregate, respondents, individual } = estimation.simulation;
    if (aggregate.length !== names.length)
      context.addIssue({
        code: 'custom',
        path: ['simulation', 'aggregate'],
        message: `The aggregate vector has ${aggregate.length} values for ${names.length} parameters.`,
      });
    if (individual.length !== respondents.length * names.length)
      context.addIssue({
        code: 'custom',
        path: ['simulation', 'individual'],
        message: `The respondents' vectors hold ${individual.length} values, not ${respondents.length} x ${names.length}.`,
      });
  });
export type ConjointEstimation = z.infer<typeof estimationSchema>;
