/**
 * The contract of the SROI instrument (analyses, evaluation, sensitivity): each operation's zod input schema and output type. Merged into the one contract
 * (contract.ts); the renderer sees the types through it.
 *
 * Analysis documents arrive as plain JSON values and are read by the handlers with model/sroi's parseAnalysis,
 * whose messages name the outcome by its id and the field ("outcome "staff-retention" deadweight must be a
 * finite number") rather than by a position in a list.
 */
import { z } from 'zod';
import { projectIdSchema } from '../../../model/schema/project';
import {
  sroiAnalysisIdSchema,
  sroiAnalysisNameSchema,
  type SroiAnalysisId,
  type SroiAnalysisRecord,
  type SroiAnalysisSummary,
} from '../../store/sroi-analysis-record';
import type { SroiOperationName } from './sroi.operations';

export type {
  SroiAnalysisId,
  SroiAnalysisRecord,
  SroiAnalysisSummary,
} from '../../store/sroi-analysis-record';

/** A phantom marker that carries an operation's output type without a runtime schema. */
const returns = <T>(): T => undefined as T;

/** The largest analysis file the import reads: far above any impact map, well under the web host's 32 MB. */
export const SROI_IMPORT_MAX_CHARS = 8 * 1024 * 1024;

/** What a new analysis starts from: an empty impact map, or the shipped sample (sample-data/sroi). */
export const SROI_TEMPLATES = ['blank', 'sample'] as const;
export type SroiTemplate = (typeof SROI_TEMPLATES)[number];

const byAnalysisId = z.object({ id: sroiAnalysisIdSchema }).strict();

export const sroiContract = {
  'sroi.list': {
    input: z.object({ projectId: projectIdSchema }).strict(),
    output: returns<readonly SroiAnalysisSummary[]>(),
  },
  'sroi.get': { input: byAnalysisId, output: returns<SroiAnalysisRecord>() },
  'sroi.create': {
    input: z
      .object({
        projectId: projectIdSchema,
        template: z.enum(SROI_TEMPLATES).default('blank'),
        name: sroiAnalysisNameSchema.optional(),
      })
      .strict(),
    output: returns<SroiAnalysisRecord>(),
  },
  'sroi.save': {
    input: z.object({ id: sroiAnalysisIdSchema, document: z.unknown() }).strict(),
    output: returns<SroiAnalysisRecord>(),
  },
  'sroi.rename': {
    input: z.object({ id: sroiAnalysisIdSchema, name: sroiAnalysisNameSchema }).strict(),
    output: returns<SroiAnalysisRecord>(),
  },
  'sroi.duplicate': {
    input: z.object({ id: sroiAnalysisIdSchema, name: sroiAnalysisNameSchema.optional() }).strict(),
    output: returns<SroiAnalysisRecord>(),
  },
  'sroi.delete': { input: byAnalysisId, output: returns<{ readonly id: SroiAnalysisId }>() },
  'sroi.import': {
    input: z
      .object({
        projectId: projectIdSchema,
        /** The file's text, as read: the handler parses it, so a syntax error can say where it is. */
        json: z
          .string()
          .max(
            SROI_IMPORT_MAX_CHARS,
            `An SROI analysis file has at most ${SROI_IMPORT_MAX_CHARS} characters.`,
          ),
        fileName: z.string().max(500).optional(),
      })
      .strict(),
    output: returns<SroiAnalysisRecord>(),
  },
} as const satisfies Record<SroiOperationName, { input: z.ZodType; output: unknown }>;
