import { z } from 'zod';
import { documentNameSchema } from './document-name';
import { projectIdSchema } from './project';

/** A system-dynamics model saved in a project. XMILE text is the exchange format (DESIGN.md, Data). */
export const modelIdSchema = z.uuid().brand<'ModelId'>();
export type ModelId = z.infer<typeof modelIdSchema>;

export const MODEL_NAME_MAX = 200;
/** Far above any hand-built model (the empathy model is ~60 kB); a guard against pasting the wrong file. */
export const XMILE_MAX_CHARS = 20_000_000;

export const modelNameSchema = documentNameSchema('model', MODEL_NAME_MAX);

export const xmileTextSchema = z
  .string()
  .min(1, 'The XMILE text is empty.')
  .max(XMILE_MAX_CHARS, `The XMILE text is longer than ${XMILE_MAX_CHARS} characters.`);

export const modelSummarySchema = z.object({
  id: modelIdSchema,
  projectId: projectIdSchema,
  name: modelNameSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const modelRecordSchema = modelSummarySchema.extend({ xmile: xmileTextSchema });
export type ModelRecord = z.infer<typeof modelRecordSchema>;
