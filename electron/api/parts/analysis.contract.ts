/**
 * The contract of dynamics analyses (sensitivity runs, loop dominance, calibration): each operation's zod input
 * schema and output type. Merged into the one contract (contract.ts); the renderer sees the types through it.
 *
 * A sensitivity run and a calibration are computed in the app's workers (or the CLI) and saved whole; the
 * backend checks and stores them (store/analyses.ts) and gives them back by model.
 */
import { z } from 'zod';
import { modelIdSchema } from '../../../model/schema/model';
import {
  calibrationIdSchema,
  calibrationInputSchema,
  sensitivityRunIdSchema,
  sensitivityRunInputSchema,
  type CalibrationId,
  type CalibrationRecord,
  type CalibrationSummary,
  type SensitivityRunId,
  type SensitivityRunRecord,
  type SensitivityRunSummary,
} from '../../store/analysis-records';
import type { AnalysisOperationName } from './analysis.operations';

export type {
  CalibrationId,
  CalibrationInput,
  CalibrationRecord,
  CalibrationSummary,
  SensitivityRunId,
  SensitivityRunInput,
  SensitivityRunRecord,
  SensitivityRunSummary,
} from '../../store/analysis-records';

/** A phantom marker that carries an operation's output type without a runtime schema. */
const returns = <T>(): T => undefined as T;
const byModel = z.object({ modelId: modelIdSchema }).strict();

export const analysisContract = {
  'sensitivity.list': { input: byModel, output: returns<readonly SensitivityRunSummary[]>() },
  'sensitivity.get': {
    input: z.object({ id: sensitivityRunIdSchema }).strict(),
    output: returns<SensitivityRunRecord>(),
  },
  'sensitivity.save': { input: sensitivityRunInputSchema, output: returns<SensitivityRunSummary>() },
  'sensitivity.delete': {
    input: z.object({ id: sensitivityRunIdSchema }).strict(),
    output: returns<{ readonly id: SensitivityRunId }>(),
  },
  'calibrations.list': { input: byModel, output: returns<readonly CalibrationSummary[]>() },
  'calibrations.get': {
    input: z.object({ id: calibrationIdSchema }).strict(),
    output: returns<CalibrationRecord>(),
  },
  'calibrations.save': { input: calibrationInputSchema, output: returns<CalibrationSummary>() },
  'calibrations.delete': {
    input: z.object({ id: calibrationIdSchema }).strict(),
    output: returns<{ readonly id: CalibrationId }>(),
  },
} as const satisfies Record<AnalysisOperationName, { input: z.ZodType; output: unknown }>;
