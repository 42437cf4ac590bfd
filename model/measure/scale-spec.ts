/**
 * A questionnaire's scoring key: its items, the subscales they add up to, which items are reverse-keyed and the
 * answer range. The published keys (IRI, QMEE) ship as data in `scales/`, each citing where it was checked; a
 * custom scale is the same JSON shape, checked here with zod so a mistake names the field that is wrong.
 */
import { z } from 'zod';
import type { Result } from '../stats/data-table';
import iriKey from './scales/iri.json';
import qmeeKey from './scales/qmee.json';

/** Item ids are text ("3", "Q12"); a spec may write them as numbers. */
const itemId = z.union([z.string().trim().min(1), z.number().int()]).transform(String);

export const scaleSpecSchema = z
  .object({
    id: z.string().trim().min(1),
    name: z.string().trim().min(1),
    source: z.string().optional(),
    verification: z.string().optional(),
    answers: z.object({
      min: z.number(),
      max: z.number(),
      labels: z.record(z.string(), z.string()).optional(),
    }),
    items: z.array(itemId).min(1),
    subscales: z
      .array(
        z.object({
          id: z.string().trim().min(1),
          name: z.string().trim().min(1),
          items: z.array(itemId).min(1),
        }),
      )
      .min(1),
    /** Reverse-keyed items; null when the key is not known (QMEE: see its file), and must then be given. */
    reverse: z.array(itemId).nullable().default([]),
    /**
     * The largest share of a subscale's items that may be missing for it still to be scored (the mean of the
     * answered items, prorated); above it the subscale is null. 0.2 by default, a common rule (see scoring.ts).
     */
    maxMissingShare: z.number().min(0).lt(1).default(0.2),
  })
  .superRefine((spec, context) => {
    if (!(spec.answers.min < spec.answers.max))
      context.addIssue({
        code: 'custom',
        path: ['answers'],
        message: 'answers.min must be below answers.max',
      });
    const items = new Set<string>();
    spec.items.forEach((item, index) => {
      if (items.has(item))
        context.addIssue({
          code: 'custom',
          path: ['items', index],
          message: `item "${item}" is listed twice`,
        });
      items.add(item);
    });
    const subscales = new Set<string>();
    spec.subscales.forEach((subscale, s) => {
      if (subscales.has(subscale.id))
        context.addIssue({
          code: 'custom',
          path: ['subscales', s, 'id'],
          message: `subscale "${subscale.id}" is listed twice`,
        });
      subscales.add(subscale.id);
      const seen = new Set<string>();
      subscale.items.forEach((item, index) => {
        if (!items.has(item))
          context.addIssue({
            code: 'custom',
            path: ['subscales', s, 'items', index],
            message: `subscale "${subscale.id}" names item "${item}", which is not in items`,
          });
        if (seen.has(item))
          context.addIssue({
            code: 'custom',
            path: ['subscales', s, 'items', index],
            message: `subscale "${subscale.id}" lists item "${item}" twice`,
          });
        seen.add(item);
      });
    });
    (spec.reverse ?? []).forEach((item, index) => {
      if (!items.has(item))
        context.addIssue({
          code: 'custom',
          path: ['reverse', index],
          message: `reverse names item "${item}", which is not in items`,
        });
    });
  });

export type ScaleSpec = z.output<typeof scaleSpecSchema>;
/** A spec whose reverse key is known: what scoring needs. */
export type ScoringKey = ScaleSpec & { readonly reverse: readonly string[] };

/** zod's first issue as "field.path: message", the way every validator here names a problem. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

export function parseScaleSpec(json: unknown): Result<ScaleSpec> {
  const parsed = scaleSpecSchema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: describeIssue(parsed.error) };
}

function builtin(json: unknown): ScaleSpec {
  const parsed = parseScaleSpec(json);
  if (!parsed.ok) throw new Error(`a shipped scale key is invalid: ${parsed.error}`);
  return parsed.value;
}

/** The published keys shipped with the workbench, by id. */
export const BUILTIN_SCALES: Readonly<Record<string, ScaleSpec>> = {
  iri: builtin(iriKey),
  qmee: builtin(qmeeKey),
};

export interface KeyOverrides {
  /** Reverse-keyed items, replacing the spec's (required when the spec's key is null). */
  readonly reverse?: readonly string[];
  /** Another answer range (QMEE's 1-9 versions). */
  readonly answers?: { readonly min: number; readonly max: number };
}

/** The spec ready to score with: overrides applied, and an unknown reverse key refused with what to do. */
export function scoringKey(spec: ScaleSpec, overrides: KeyOverrides = {}): Result<ScoringKey> {
  const answers = overrides.answers ?? spec.answers;
  if (!(answers.min < answers.max))
    return {
      ok: false,
      error: `the answer range ${answers.min} to ${answers.max} is empty (min must be below max)`,
    };
  const reverse = overrides.reverse ?? spec.reverse;
  if (reverse === null)
    return {
      ok: false,
      error: `the reverse key of ${spec.name} is not shipped (it could not be verified against a published source); give the reverse-keyed items of your copy, e.g. --reverse 4,7,12`,
    };
  const items = new Set(spec.items);
  const unknown = reverse.find((item) => !items.has(item));
  if (unknown !== undefined)
    return { ok: false, error: `reverse names item "${unknown}", which is not in ${spec.name}` };
  return { ok: true, value: { ...spec, answers: { ...spec.answers, ...answers }, reverse: [...reverse] } };
}
