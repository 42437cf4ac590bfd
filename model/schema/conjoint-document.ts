/**
 * The saved conjoint study: the study definition (model/conjoint/study.ts), the design generated for it, the
 * responses imported (kept compact: level indexes and numbers in flat arrays, not one object per row, so the
 * 9,600 rows of the sample stay about 100 kB of JSON), and the latest estimation of each kind with what the
 * simulator needs. Every row read from conjoint_studies passes `conjointDocumentSchema`, whose refinements also
 * check that the parts fit together (a profile has one level per attribute, arrays have matching lengths), so a
 * damaged document is refused with the field named instead of failing later inside an estimation.
 */
import { z } from 'zod';
import { projectIdSchema } from './project';
import { studySchema, type Study } from '../conjoint/study';
import { estimationSchema } from './conjoint-estimation';

export const conjointStudyIdSchema = z.uuid().brand<'ConjointStudyId'>();
export type ConjointStudyId = z.infer<typeof conjointStudyIdSchema>;

const index = z.number().int().nonnegative();
const profileSchema = z.array(index);
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A data hash is 64 hexadecimal digits (SHA-256).');

/** Profiles for a ratings study: every allowed one, or a D-optimal fraction with a chosen number of runs. */
export const profileDesignSchema = z.object({
  kind: z.literal('profiles'),
  method: z.enum(['full-factorial', 'd-optimal']),
  /** The coordinate-exchange seed (null for the full factorial, which has no randomness). */
  seed: z.number().int().nullable(),
  profiles: z.array(profileSchema).min(1),
  /** Kuhfeld's D-efficiency in percent (design-efficiency.ts). */
  dEfficiency: z.number(),
  createdAt: z.iso.datetime(),
});

/** Choice tasks: versions x tasks x alternatives (level indexes), and whether each task offers None. */
export const choiceDesignSchema = z.object({
  kind: z.literal('choice'),
  method: z.enum(['random', 'balanced-overlap', 'imported']),
  seed: z.number().int().nullable(),
  none: z.boolean(),
  versions: z.array(z.array(z.array(profileSchema).min(2)).min(1)).min(1),
  /** D-efficiency of every profile shown, taken as one linear design (level balance and orthogonality). */
  dEfficiency: z.number(),
  /** MNL D-error at zero part-worths (utility-neutral; lower is better), null when the design cannot estimate. */
  dError: z.number().nullable(),
  createdAt: z.iso.datetime(),
});

export const designSchema = z.discriminatedUnion('kind', [profileDesignSchema, choiceDesignSchema]);
export type ConjointDesign = z.infer<typeof designSchema>;

/** An attribute as the estimation sees it: categorical levels, or the distinct values of a numeric one. */
export const estimationAttributeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('categorical'), name: z.string(), levels: z.array(z.string()).min(2) }),
  z.object({ kind: z.literal('numeric'), name: z.string(), values: z.array(z.number()).min(2) }),
]);

const responseSourceSchema = z.object({
  fileName: z.string().max(500),
  /** SHA-256 of the CSV text imported: exports carry it so a result can be traced to its data. */
  dataHash: sha256Schema,
  importedAt: z.iso.datetime(),
  /** Data rows in the file (without the header). */
  rows: z.number().int().nonnegative(),
  /** Role (respondent, rating, task, ...) or attribute -> the column it was read from. */
  mapping: z.record(z.string(), z.string()),
});

export const ratingsResponsesSchema = z.object({
  kind: z.literal('ratings'),
  format: z.enum(['long', 'wide']),
  source: responseSourceSchema,
  attributes: z.array(estimationAttributeSchema).min(1),
  respondents: z.array(z.string()).min(1),
  /** One entry per rating: the respondent's index, the rating, and (attributes-wide) the profile's values. */
  observations: z.object({
    respondent: z.array(index),
    rating: z.array(z.number()),
    values: z.array(z.number()),
  }),
});

export const choiceResponsesSchema = z.object({
  kind: z.literal('choices'),
  source: responseSourceSchema,
  attributes: z.array(estimationAttributeSchema).min(1),
  respondents: z.array(z.string()).min(1),
  hasNone: z.boolean(),
  /** One entry per task: its respondent's index, its label, how many alternatives, which one was chosen. */
  tasks: z.object({
    respondent: z.array(index),
    label: z.array(z.string()),
    alternatives: z.array(z.number().int().min(2)),
    chosen: z.array(index),
  }),
  /** One entry per alternative shown, tasks in order: 1 for None, and (attributes-wide) its values. */
  alternatives: z.object({
    none: z.array(z.union([z.literal(0), z.literal(1)])),
    values: z.array(z.number()),
  }),
});

export const responsesSchema = z.discriminatedUnion('kind', [ratingsResponsesSchema, choiceResponsesSchema]);
export type ConjointResponses = z.infer<typeof responsesSchema>;
export type RatingsResponses = z.infer<typeof ratingsResponsesSchema>;
export type ChoiceResponses = z.infer<typeof choiceResponsesSchema>;

export const ESTIMATION_KINDS = ['ratings', 'mnl', 'hb'] as const;
export type EstimationKind = (typeof ESTIMATION_KINDS)[number];

export const estimationsSchema = z.object({
  ratings: estimationSchema.optional(),
  mnl: estimationSchema.optional(),
  hb: estimationSchema.optional(),
});
export type ConjointEstimations = z.infer<typeof estimationsSchema>;

interface Issue {
  readonly path: (string | number)[];
  readonly message: string;
}

function designIssues(study: Study, design: ConjointDesign): Issue[] {
  const counts = study.attributes.map((attribute) => attribute.levels.length);
  const issues: Issue[] = [];
  const check = (profile: readonly number[], path: (string | number)[]) => {
    if (profile.length !== counts.length)
      issues.push({
        path,
        message: `A profile has ${profile.length} levels; the study has ${counts.length} attributes.`,
      });
    else if (profile.some((level, a) => level >= (counts[a] ?? 0)))
      issues.push({ path, message: 'A profile names a level the study does not have.' });
  };
  if (design.kind === 'profiles')
    design.profiles.forEach((profile, p) => check(profile, ['design', 'profiles', p]));
  else
    design.versions.forEach((tasks, v) =>
      tasks.forEach((task, t) =>
        task.forEach((profile, j) => check(profile, ['design', 'versions', v, t, j])),
      ),
    );
  return issues.slice(0, 3);
}

function responseIssues(responses: ConjointResponses): Issue[] {
  const width = responses.attributes.length;
  const issues: Issue[] = [];
  const respondents = responses.respondents.length;
  if (responses.kind === 'ratings') {
    const { respondent, rating, values } = responses.observations;
    if (respondent.length !== rating.length || values.length !== rating.length * width)
      issues.push({
        path: ['responses', 'observations'],
        message: 'The observation arrays differ in length.',
      });
    if (respondent.some((r) => r >= respondents))
      issues.push({
        path: ['responses', 'observations', 'respondent'],
        message: 'An observation names a respondent that is not listed.',
      });
    return issues;
  }
  const { tasks, alternatives } = responses;
  const count = tasks.chosen.length;
  if ([tasks.respondent, tasks.label, tasks.alternatives].some((column) => column.length !== count))
    issues.push({ path: ['responses', 'tasks'], message: 'The task arrays differ in length.' });
  const shown = tasks.alternatives.reduce((sum, n) => sum + n, 0);
  if (alternatives.none.length !== shown || alternatives.values.length !== shown * width)
    issues.push({
      path: ['responses', 'alternatives'],
      message: 'The alternatives do not add up to the tasks.',
    });
  if (tasks.chosen.some((chosen, t) => chosen >= (tasks.alternatives[t] ?? 0)))
    issues.push({
      path: ['responses', 'tasks', 'chosen'],
      message: 'A task chose an alternative it does not have.',
    });
  if (tasks.respondent.some((r) => r >= respondents))
    issues.push({
      path: ['responses', 'tasks', 'respondent'],
      message: 'A task names a respondent that is not listed.',
    });
  return issues;
}

/** The document in the `document` column of conjoint_studies. */
export const conjointDocumentSchema = z
  .object({
    study: studySchema,
    design: designSchema.nullable(),
    responses: responsesSchema.nullable(),
    estimations: estimationsSchema,
  })
  .superRefine((document, context) => {
    const issues = [
      ...(document.design === null ? [] : designIssues(document.study, document.design)),
      ...(document.responses === null ? [] : responseIssues(document.responses)),
    ];
    for (const issue of issues)
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type ConjointDocument = z.infer<typeof conjointDocumentSchema>;

/** A study row's identity and times, which its record and its summary both carry. */
const conjointStudyRowSchema = z.object({
  id: conjointStudyIdSchema,
  projectId: projectIdSchema,
  name: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A study as the API answers it: the row's identity and times with its document. */
export const conjointStudyRecordSchema = conjointStudyRowSchema.extend({
  document: conjointDocumentSchema,
});
export type ConjointStudyRecord = z.infer<typeof conjointStudyRecordSchema>;

/** What the study list shows, read from the document without parsing its responses. */
export const conjointStudySummarySchema = conjointStudyRowSchema.extend({
  attributes: z.number().int().nonnegative(),
  design: z.enum(['profiles', 'choice']).nullable(),
  responses: z.enum(['ratings', 'choices']).nullable(),
  respondents: z.number().int().nonnegative(),
  estimated: z.array(z.enum(ESTIMATION_KINDS)),
});
export type ConjointStudySummary = z.infer<typeof conjointStudySummarySchema>;
