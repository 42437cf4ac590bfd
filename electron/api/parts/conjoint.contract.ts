/**
 * The contract of the Conjoint instrument (studies, designs, responses, estimation) and regression: each operation's zod input schema and output type. Merged into the one contract
 * (contract.ts); the renderer sees the types through it.
 *
 * Estimation runs in the renderer's worker (it is long and shows progress); the backend validates and saves
 * what it sends. The regression page works on a CSV the user opens and stores nothing, so it has no operation.
 */
import { z } from 'zod';
import { studySchema } from '../../../model/conjoint/study';
import { documentNameSchema } from '../../../model/schema/document-name';
import { projectIdSchema } from '../../../model/schema/project';
import type { CellProblem } from '../../../model/stats/data-table';
import {
  conjointStudyIdSchema,
  type ConjointStudyRecord,
  type ConjointStudySummary,
} from '../../../model/schema/conjoint-document';
import { estimationSchema } from '../../../model/schema/conjoint-estimation';
import type { ConjointOperationName } from './conjoint.operations';

/** A phantom marker that carries an operation's output type without a runtime schema. */
const returns = <T>(): T => undefined as T;

export const STUDY_NAME_MAX = 200;
const studyNameSchema = documentNameSchema('study', STUDY_NAME_MAX);
const byStudyId = z.object({ id: conjointStudyIdSchema }).strict();

/** Which design to generate (electron/services/conjoint-design.ts builds it). */
export const designRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full-factorial') }).strict(),
  z
    .object({
      kind: z.literal('d-optimal'),
      runs: z.number().int().min(2).max(2_000),
      seed: z.number().int().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('choice'),
      method: z.enum(['random', 'balanced-overlap']),
      versions: z.number().int().min(1).max(200),
      tasks: z.number().int().min(1).max(60),
      alternatives: z.number().int().min(2).max(9),
      none: z.boolean(),
      seed: z.number().int().optional(),
    })
    .strict(),
]);
export type DesignRequest = z.infer<typeof designRequestSchema>;

/** A response file and how to read it (electron/services/conjoint-responses.ts validates it). */
export const RESPONSE_FORMATS = ['ratings-long', 'ratings-wide', 'choices'] as const;

const column = z.string().trim().min(1).max(200);

export const responseImportSchema = z.object({
  format: z.enum(RESPONSE_FORMATS),
  csv: z.string().max(30_000_000, 'A response file may be at most 30 MB.'),
  fileName: z.string().trim().max(500).default('responses.csv'),
  columns: z
    .object({
      respondent: column.optional(),
      rating: column.optional(),
      task: column.optional(),
      alternative: column.optional(),
      choice: column.optional(),
    })
    .strict()
    .default({}),
  /** The alternative label of "None of these" in choice data. */
  noneAlternative: z.string().trim().min(1).max(200).optional(),
  /** Study attribute -> the file's column holding it (default: the column of the same name). */
  attributeColumns: z.record(z.string(), column).default({}),
  /** Wide ratings: the profiles rated, one row each, in the order of the rating columns (default: the design). */
  profilesCsv: z.string().max(5_000_000).optional(),
});
export type ResponseImport = z.infer<typeof responseImportSchema>;

/** A response file is imported whole or not at all: the problems come back as data, each naming row and column. */
export type ResponseImportAnswer =
  | { readonly status: 'imported'; readonly study: ConjointStudyRecord }
  | {
      readonly status: 'rejected';
      readonly problems: readonly CellProblem[];
      readonly totalProblems: number;
    };

export const conjointContract = {
  'conjoint.list': {
    input: z.object({ projectId: projectIdSchema }).strict(),
    output: returns<readonly ConjointStudySummary[]>(),
  },
  'conjoint.get': { input: byStudyId, output: returns<ConjointStudyRecord>() },
  'conjoint.create': {
    input: z
      .object({
        projectId: projectIdSchema,
        name: studyNameSchema,
        /** The definition; without it the study starts from a small template to edit. */
        study: studySchema.optional(),
      })
      .strict(),
    output: returns<ConjointStudyRecord>(),
  },
  'conjoint.rename': {
    input: z.object({ id: conjointStudyIdSchema, name: studyNameSchema }).strict(),
    output: returns<ConjointStudyRecord>(),
  },
  'conjoint.delete': { input: byStudyId, output: returns<{ readonly id: ConjointStudyRecord['id'] }>() },
  'conjoint.save': {
    input: z
      .object({
        id: conjointStudyIdSchema,
        study: studySchema,
        /** Confirms dropping what the edit invalidates (design, responses, estimates); conflict without it. */
        discard: z.boolean().default(false),
      })
      .strict(),
    output: returns<ConjointStudyRecord>(),
  },
  'conjoint.generateDesign': {
    input: z.object({ id: conjointStudyIdSchema, design: designRequestSchema }).strict(),
    output: returns<ConjointStudyRecord>(),
  },
  'conjoint.importResponses': {
    input: responseImportSchema.extend({ id: conjointStudyIdSchema }).strict(),
    output: returns<ResponseImportAnswer>(),
  },
  'conjoint.saveEstimation': {
    input: z.object({ id: conjointStudyIdSchema, estimation: estimationSchema }).strict(),
    output: returns<ConjointStudyRecord>(),
  },
} as const satisfies Record<ConjointOperationName, { input: z.ZodType; output: unknown }>;

export type {
  ChoiceResponses,
  ConjointDesign,
  ConjointDocument,
  ConjointEstimations,
  ConjointResponses,
  ConjointStudyId,
  ConjointStudyRecord,
  ConjointStudySummary,
  EstimationKind,
  RatingsResponses,
} from '../../../model/schema/conjoint-document';
export type {
  ConjointEstimation,
  EstimationReportDocument,
  WtpEntry,
} from '../../../model/schema/conjoint-estimation';
export type { CellProblem } from '../../../model/stats/data-table';
