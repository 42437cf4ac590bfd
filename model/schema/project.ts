import { z } from 'zod';
import { documentNameSchema } from './document-name';

/** A project groups the documents of one engagement: models, scenarios, networks, studies, analyses. */
export const projectIdSchema = z.uuid().brand<'ProjectId'>();
export type ProjectId = z.infer<typeof projectIdSchema>;

export const PROJECT_NAME_MAX = 120;

/** A project name as a person types it: trimmed, not empty, one line. */
export const projectNameSchema = documentNameSchema('project', PROJECT_NAME_MAX);

export const projectSchema = z.object({
  id: projectIdSchema,
  name: projectNameSchema,
  description: z.string().max(4000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Project = z.infer<typeof projectSchema>;
