/**
 * Saved analyses of a model as the API carries them and the workspace keeps them (migration 002): a Monte Carlo
 * sensitivity run and a calibration. Kept apart from the repository (analyses.ts) so the API contract can import
 * the schemas without the database driver, as sroi-analysis-record.ts does.
 *
 * Numbers that are not finite (a run whose KPI is NaN, a rank correlation of a parameter that does not vary)
 * travel as null, since JSON has no NaN, and are stored as NaN in the Float64 BLOBs.
 */
import { z } from 'zod';
import { calibrationSpecSchema } from '../../model/sd/calibration';
import { sensitivitySpecSchema } from '../../model/sd/sensitivity';
import { modelIdSchema } from '../../model/schema/model';
import { projectIdSchema } from '../../model/schema/project';

export const sensitivityRunIdSchema = z.uuid().brand<'SensitivityRunId'>();
export type SensitivityRunId = z.infer<typeof sensitivityRunIdSchema>;
export const calibrationIdSchema = z.uuid().brand<'CalibrationId'>();
export type CalibrationId = z.infer<typeof calibrationIdSchema>;

export const ANALYSIS_NAME_MAX = 200;
/** Enough for a 100,000-run Monte Carlo of 20 parameters; a save stays under the web host's 32 MB body limit. */
const MAX_VALUES = 2_000_000;

export const analysisNameSchema = z
  .string()
  .trim()
  .min(1, 'The name is empty.')
  .max(ANALYSIS_NAME_MAX, `The name is longer than ${ANALYSIS_NAME_MAX} characters.`)
  .refine((name) => !/[\r\n]/.test(name), 'The name must be one line.');

const value = z.number().nullable();
const values = z.array(value).max(MAX_VALUES);
const names = z.array(z.string().min(1).max(1000)).min(1).max(10_000);

const stampSchema = z
  .object({
    model: z.string().max(1000),
    modelHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex'),
    appVersion: z.string().min(1).max(100),
  })
  .strict();

/** The spec as it ran: runs and seed known. */
export const resolvedSensitivitySpecSchema = sensitivitySpecSchema.extend({
  runs: z.number().int().min(1).max(1_000_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
});

const kpiSummarySchema = z
  .object({
    runs: z.number().int().min(0),
    missing: z.number().int().min(0),
    mean: value,
    sd: value,
    min: value,
    max: value,
    percentiles: z.array(z.object({ percent: z.number(), value }).strict()),
  })
  .strict();

const tornadoSchema = z
  .object({
    base: value,
    entries: z.array(
      z
        .object({
          parameter: z.string(),
          low: value,
          median: value,
          high: value,
          kpiAtLow: value,
          kpiAtHigh: value,
          swing: value,
          rankCorrelation: value,
        })
        .strict(),
    ),
  })
  .strict();

const sensitivityFields = {
  modelId: modelIdSchema,
  name: analysisNameSchema,
  spec: resolvedSensitivitySpecSchema,
  stamp: stampSchema,
  /** Varied parameters, as written in the model, in the order of `samples`' columns. */
  parameters: names,
  /** Recorded variables, in the order of `bands`. */
  outputs: names,
  kpiVariable: z.string().min(1),
  percentiles: z.array(z.number()).min(1),
  bandTimes: z.array(z.number()).min(1).max(100_001),
  /** Per output: percentile q at band time b at [q * bandTimes.length + b]. */
  bands: z.array(values),
  /** Row-major, runs x parameters. */
  samples: values,
  /** One per run. */
  kpi: values,
  summary: kpiSummarySchema,
  tornado: tornadoSchema,
};

type SensitivityShape = z.infer<z.ZodObject<typeof sensitivityFields>>;

/** The arrays fit each other: one KPI per run, a draw per run and parameter, a full band per variable. */
function checkSensitivityShape(run: SensitivityShape, context: z.RefinementCtx): void {
  const { runs } = run.spec;
  if (run.kpi.length !== runs)
    context.addIssue({
      code: 'custom',
      path: ['kpi'],
      message: `holds ${run.kpi.length} values for ${runs} runs`,
    });
  if (run.samples.length !== runs * run.parameters.length)
    context.addIssue({
      code: 'custom',
      path: ['samples'],
      message: `holds ${run.samples.length} values for ${runs} runs of ${run.parameters.length} parameters`,
    });
  if (run.bands.length !== run.outputs.length)
    context.addIssue({
      code: 'custom',
      path: ['bands'],
      message: `holds ${run.bands.length} bands for ${run.outputs.length} outputs`,
    });
  const bandLength = run.percentiles.length * run.bandTimes.length;
  run.bands.forEach((band, index) => {
    if (band.length !== bandLength)
      context.addIssue({
        code: 'custom',
        path: ['bands', index],
        message: `holds ${band.length} values, not ${bandLength}`,
      });
  });
}

/** What the app sends to save a run. */
export const sensitivityRunInputSchema = z
  .object(sensitivityFields)
  .strict()
  .superRefine(checkSensitivityShape);
export type SensitivityRunInput = z.infer<typeof sensitivityRunInputSchema>;

export const sensitivityRunRecordSchema = z
  .object({
    ...sensitivityFields,
    id: sensitivityRunIdSchema,
    projectId: projectIdSchema,
    createdAt: z.iso.datetime(),
  })
  .strict()
  .superRefine(checkSensitivityShape);
export type SensitivityRunRecord = z.infer<typeof sensitivityRunRecordSchema>;

export interface SensitivityRunSummary {
  readonly id: SensitivityRunId;
  readonly modelId: SensitivityRunRecord['modelId'];
  readonly name: string;
  readonly runs: number;
  readonly seed: number;
  readonly sampling: SensitivityRunRecord['spec']['sampling'];
  readonly kpiVariable: string;
  readonly kpiStatistic: SensitivityRunRecord['spec']['kpi']['statistic'];
  readonly parameters: readonly string[];
  readonly createdAt: string;
  /** Set when the saved row cannot be read (its problem); it can still be deleted. */
  readonly problem?: string;
}

const calibrationStampSchema = stampSchema.extend({
  data: z.string().max(1000),
  dataHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex'),
});

const calibrationDataSchema = z
  .object({
    fileName: z.string().max(1000),
    times: z.array(z.number()).min(1).max(1_000_000),
    columns: z.array(z.object({ header: z.string(), values }).strict()).min(1),
  })
  .strict();

const calibrationResultSchema = z
  .object({
    parameters: z.array(
      z
        .object({
          name: z.string(),
          min: z.number(),
          max: z.number(),
          start: z.number(),
          estimate: value,
          atBound: z.boolean(),
        })
        .strict(),
    ),
    objective: value,
    startObjective: value,
    iterations: z.number().int().min(0),
    evaluations: z.number().int().min(0),
    restarts: z.number().int().min(0),
    converged: z.boolean(),
    stopped: z.boolean(),
    fit: z.array(
      z
        .object({
          variable: z.string(),
          column: z.string(),
          weight: value,
          points: z.number().int().min(0),
          rmse: value,
          rSquared: value,
          times: values,
          data: values,
          model: values,
        })
        .strict(),
    ),
    warnings: z.array(z.string()),
  })
  .strict();

const calibrationFields = {
  modelId: modelIdSchema,
  name: analysisNameSchema,
  spec: calibrationSpecSchema,
  stamp: calibrationStampSchema,
  data: calibrationDataSchema,
  result: calibrationResultSchema,
};

export const calibrationInputSchema = z.object(calibrationFields).strict();
export type CalibrationInput = z.infer<typeof calibrationInputSchema>;

export const calibrationRecordSchema = z
  .object({
    ...calibrationFields,
    id: calibrationIdSchema,
    projectId: projectIdSchema,
    createdAt: z.iso.datetime(),
  })
  .strict();
export type CalibrationRecord = z.infer<typeof calibrationRecordSchema>;

export interface CalibrationSummary {
  readonly id: CalibrationId;
  readonly modelId: CalibrationRecord['modelId'];
  readonly name: string;
  readonly parameters: readonly { readonly name: string; readonly estimate: number | null }[];
  readonly objective: number | null;
  readonly converged: boolean;
  readonly createdAt: string;
  readonly problem?: string;
}
