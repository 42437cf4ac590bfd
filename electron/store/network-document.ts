/**
 * The saved shapes of the Network instrument, checked by zod whenever a row is read or written (DESIGN.md,
 * Data): a network (a name in a project) and its waves (network_snapshots rows: the people, and the ties
 * between them as observed in one survey wave).
 *
 * A wave row keeps its people in `nodes` and, in `edges`, an object holding the ties with what they need to be
 * read: whether ties are directed, whether the file gave strengths, the wave's place in the order the user gave
 * (before, after), and where it came from (format, files, the merge rule applied to duplicate rows, the
 * importer's notes). Keeping these in the row's JSON needs no schema change, and a wave is a whole document on
 * its own. All waves of a network share `directed` (the store refuses a wave that differs), so they compare.
 *
 * People keep their names and every other attribute in `attributes`; ids are what ties and exports use. A
 * network imported with pseudonyms (issue 11) holds pseudonyms as ids and no identifying attributes: the rows
 * are the same shape, and the mapping back lives apart (network-privacy.ts), only if the user kept it.
 */
import { z } from 'zod';
import { documentNameSchema } from '../../model/schema/document-name';
import { projectIdSchema } from '../../model/schema/project';
import { DUPLICATE_RULES } from '../../model/network/import';
import { NETWORK_IMPORT_FORMATS } from '../../model/network/formats';
import { MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MESSAGE } from '../../model/privacy';

export const networkIdSchema = z.uuid().brand<'NetworkId'>();
export type NetworkId = z.infer<typeof networkIdSchema>;
export const networkWaveIdSchema = z.uuid().brand<'NetworkWaveId'>();
export type NetworkWaveId = z.infer<typeof networkWaveIdSchema>;

export const NETWORK_NAME_MAX = 200;
export const networkNameSchema = documentNameSchema('network', NETWORK_NAME_MAX);
export const WAVE_LABEL_MAX = 100;
export const waveLabelSchema = z
  .string()
  .trim()
  .min(1, 'A wave needs a label (before, after, 2026 Q1, ...).')
  .max(WAVE_LABEL_MAX, `A wave label has at most ${WAVE_LABEL_MAX} characters.`)
  .refine((label) => !/[\r\n\t]/.test(label), 'A wave label is one line of text.');

export const personSchema = z
  .object({
    id: z.string().min(1, 'A person needs an id.').max(500),
    attributes: z.record(z.string(), z.string()),
  })
  .strict();

export const tieSchema = z
  .object({
    source: z.string().min(1),
    target: z.string().min(1),
    weight: z.number().positive('A tie weight is > 0.').refine(Number.isFinite, 'A tie weight is finite.'),
    type: z.string().optional(),
  })
  .strict();

export const provenanceSchema = z
  .object({
    format: z.enum(NETWORK_IMPORT_FORMATS),
    files: z.array(z.string()),
    mergeRule: z.enum(DUPLICATE_RULES),
    notes: z.array(z.string()),
  })
  .strict();
export type WaveProvenance = z.infer<typeof provenanceSchema>;

/** What the `edges` column of a wave row holds. */
export const waveTiesSchema = z
  .object({
    directed: z.boolean(),
    weighted: z.boolean(),
    position: z.number().int().min(0),
    ties: z.array(tieSchema),
    provenance: provenanceSchema,
  })
  .strict();

type WaveBody = Pick<z.infer<typeof waveTiesSchema>, 'directed' | 'ties'> & {
  readonly people: readonly z.infer<typeof personSchema>[];
};

/** Every tie names two different people of the wave, once per pair (once per unordered pair when undirected). */
function checkIntegrity(wave: WaveBody, context: z.RefinementCtx): void {
  const ids = new Set<string>();
  wave.people.forEach((person, index) => {
    if (ids.has(person.id))
      context.addIssue({
        code: 'custom',
        path: ['people', index, 'id'],
        message: `"${person.id}" is listed twice.`,
      });
    ids.add(person.id);
  });
  const pairs = new Set<string>();
  wave.ties.forEach((tie, index) => {
    for (const end of ['source', 'target'] as const)
      if (!ids.has(tie[end]))
        context.addIssue({
          code: 'custom',
          path: ['ties', index, end],
          message: `"${tie[end]}" is not among the people.`,
        });
    if (tie.source === tie.target)
      context.addIssue({ code: 'custom', path: ['ties', index], message: 'A tie needs two people.' });
    const key =
      wave.directed || tie.source < tie.target
        ? `${tie.source}\u0000${tie.target}`
        : `${tie.target}\u0000${tie.source}`;
    if (pairs.has(key))
      context.addIssue({ code: 'custom', path: ['ties', index], message: 'The same tie is listed twice.' });
    pairs.add(key);
  });
}

export const networkWaveSchema = z
  .object({
    id: networkWaveIdSchema,
    networkId: networkIdSchema,
    projectId: projectIdSchema,
    wave: waveLabelSchema,
    position: z.number().int().min(0),
    directed: z.boolean(),
    weighted: z.boolean(),
    people: z.array(personSchema).min(1, 'A wave needs at least one person.'),
    ties: z.array(tieSchema),
    provenance: provenanceSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .superRefine(checkIntegrity);
export type NetworkWave = z.infer<typeof networkWaveSchema>;

export const networkRecordSchema = z.object({
  id: networkIdSchema,
  projectId: projectIdSchema,
  name: networkNameSchema,
  description: z.string().max(4000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type NetworkRecord = z.infer<typeof networkRecordSchema>;

export const waveSummarySchema = z.object({
  id: networkWaveIdSchema,
  wave: waveLabelSchema,
  position: z.number().int().min(0),
  directed: z.boolean(),
  people: z.number().int().min(0),
  ties: z.number().int().min(0),
});
export type WaveSummary = z.infer<typeof waveSummarySchema>;

/** The minimum group size as the API and the store take it: a whole number of at least 3 (issue 11). */
export const minGroupSizeSchema = z
  .number()
  .int(MIN_GROUP_SIZE_MESSAGE)
  .min(MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MESSAGE)
  .max(10_000, 'The minimum group size is at most 10,000 people.');

/**
 * How a network's people data are handled (issue 11; store/network-privacy.ts). The views and exports follow
 * it: team figures hide teams under `minGroupSize` with a note, per-person views and insights that name people
 * show only with `individualConsent`, and exports say whether they hold real names (`!pseudonymized`).
 */
export const networkPrivacySchema = z
  .object({
    /** The people's ids were replaced by pseudonyms (P-3FA9C21B0D) and their names dropped at import. */
    pseudonymized: z.boolean(),
    /** The mapping from real ids and names to pseudonyms is kept in the workspace (network.key shows it). */
    keyKept: z.boolean(),
    /**
     * The secret the pseudonyms come from is kept (so a later wave gives a returning person the same pseudonym).
     * It maps nothing back by itself, but with a list of candidate names it would tell who is who, so it can be
     * deleted like the key (network.deleteKey). Optional: absent in documents written before it existed.
     */
    secretKept: z.boolean().optional(),
    /** The participants agreed to individual views (per-person metrics, insights naming people). */
    individualConsent: z.boolean(),
    /** Team figures hide teams of fewer people than this (default 5, never below 3). */
    minGroupSize: minGroupSizeSchema,
    /** Why the settings are what they are (the sample organization: its people are fictional). */
    note: z.string().max(4000),
  })
  .strict();
export type NetworkPrivacy = z.infer<typeof networkPrivacySchema>;

/** A network as listed: its waves in order, with their sizes, without people and ties. */
export interface NetworkSummary extends NetworkRecord {
  readonly directed: boolean;
  readonly waves: readonly WaveSummary[];
  /** How its people data are handled (filled by the network operations; issue 11). */
  readonly privacy?: NetworkPrivacy;
}

/** A network with every wave in full. */
export interface NetworkDocument extends NetworkRecord {
  readonly directed: boolean;
  readonly waves: readonly NetworkWave[];
  /** How its people data are handled (filled by the network operations; issue 11). */
  readonly privacy?: NetworkPrivacy;
}
