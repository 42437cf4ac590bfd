import { z } from 'zod';

/**
 * The name a person gives a document (a project, a model, a scenario): trimmed, not empty, one line, bounded.
 * `kind` is how the messages name the document ("project", "model", ...).
 */
export function documentNameSchema(kind: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `A ${kind} needs a name.`)
    .max(max, `A ${kind} name has at most ${max} characters.`)
    .refine((name) => !/[\r\n\t]/.test(name), `A ${kind} name is one line of text.`);
}
