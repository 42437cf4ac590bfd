import { z } from 'zod';

/** A project groups the documents of one engagement: models, scenarios, networks, studies, analyses. */
export const projectIdSchema = z.uuid().brand<'ProjectId'>();
export type ProjectId = z.infer<typeof projectIdSchema>;

export const PROJECT_NAME_MAX = 120;

/** A project name as a person types it: trimmed, not empty, one line. */
export const projectNameSchema = z
  .string()
  .trim()
  .min(1, 'A project needs a name.')
  .max(PROJECT_NAME_MAX, `A project name has at most ${PROJECT_NAME_MAX} characters.`)
  .refine((name) => !/[\r\n\t]/.test(name), 'A project name is one line of text.');

export const projectSchema = z.object({
  id: projectIdSchema,
  name: projectNameSchema,
  description: z.string().max(4000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Project = z.infer<typeof projectSchema>;
