/**
 * An SROI analysis as the workspace keeps it: one row of `sroi_analyses` (migration 001) holding the analysis
 * document (model/sroi/analysis.ts) as JSON, with the name in a column of its own so lists need not read every
 * document. Kept apart from the repository so the API contract can import the schemas without the driver.
 */
import { z } from 'zod';
import { projectIdSchema } from '../../model/schema/project';
import { sroiAnalysisSchema } from '../../model/sroi';

export const sroiAnalysisIdSchema = z.uuid().brand<'SroiAnalysisId'>();
export type SroiAnalysisId = z.infer<typeof sroiAnalysisIdSchema>;

/** The analysis's name, by the document's own rule (trimmed, one line, at most 200 characters). */
export const sroiAnalysisNameSchema = sroiAnalysisSchema.shape.name;

/**
 * The stored document passes the analysis schema, which checks its shape only. The method's rules
 * (model/sroi/validate.ts: rates within [0, 1], a positive total of inputs, ...) are not checked on save: an
 * analysis being edited may break one for a moment (a deadweight typed as 1.2 on its way to 0.12), and it is
 * saved like that and shown with its issues, so no keystroke is lost. What cannot be stored is a document of the
 * wrong shape (a quantity that is not a number, an outcome without a name): the editor keeps such a cell to
 * itself until it makes sense.
 */
export const sroiAnalysisRecordSchema = z.object({
  id: sroiAnalysisIdSchema,
  projectId: projectIdSchema,
  name: sroiAnalysisNameSchema,
  document: sroiAnalysisSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type SroiAnalysisRecord = z.infer<typeof sroiAnalysisRecordSchema>;

/** One line of the analysis list. */
export interface SroiAnalysisSummary {
  readonly id: SroiAnalysisId;
  readonly projectId: SroiAnalysisRecord['projectId'];
  readonly name: string;
  readonly description: string;
  readonly outcomeCount: number;
  /** Outcomes whose quantity follows a Dynamics scenario. */
  readonly linkedOutcomeCount: number;
  /** How many of the method's rules the saved draft breaks (0 when it can be evaluated). */
  readonly issueCount: number;
  /**
   * Set when the saved row cannot be read (edited by hand, damaged): the message names the field. The row is
   * listed anyway, so it can be seen and deleted; it cannot be opened.
   */
  readonly problem?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
