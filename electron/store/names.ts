import { type z } from 'zod';
import { OperationError } from '../api/result';

/**
 * The key two names clash on: Unicode-normalised (so a composed and a decomposed "é" are one letter) and lower-cased
 * (so "ACME" and "Acme" are one name, beyond the ASCII-only folding of SQLite's NOCASE).
 */
export const nameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** Case-insensitive but accent-sensitive, with a fixed locale so every machine lists documents in the same order. */
const collator = new Intl.Collator('en', { sensitivity: 'accent' });
export const byName = <T extends { readonly name: string }>(a: T, b: T): number =>
  collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** `base`, or `base (2)`, `base (3)`, ... : the first name not taken (compared by nameKey). */
export function firstFreeName(base: string, taken: Iterable<string>): string {
  const keys = new Set([...taken].map(nameKey));
  if (!keys.has(nameKey(base))) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base} (${suffix})`;
    if (!keys.has(nameKey(candidate))) return candidate;
  }
}

/**
 * A document built from user input must pass the same schema as one read back; the error names the field.
 * `what` is the document kind as a person says it ("project", "model", "scenario").
 */
export function validNew<Schema extends z.ZodType>(
  schema: Schema,
  what: string,
  candidate: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined ? what : issue.path.map(String).join('.');
  throw new OperationError(
    'invalid-input',
    `The ${what}'s ${field} is not valid: ${issue?.message ?? 'unknown'}`,
  );
}
