/**
 * The contract of the measurement toolkit's data sets (issue 10; people data by issue 11): each operation's zod
 * input schema and output type. Merged into the one contract (contract.ts).
 *
 * The workspace keeps each imported table as read (after pseudonymization) with its settings; the app scores,
 * charts and compares it with model/measure, as the CLI does with files, and applies the minimum group size to
 * every team figure it shows or exports.
 */
import { z } from 'zod';
import { projectIdSchema } from '../../../model/schema/project';
import {
  measureDatasetIdSchema,
  measureDatasetKindSchema,
  measureDatasetNameSchema,
  measureSettingsSchema,
  type MeasureDataset,
  type MeasureDatasetId,
  type MeasureDatasetKind,
  type MeasureDatasetSummary,
  type MeasurePrivacy,
} from '../../store/measure-document';
import { minGroupSizeSchema } from '../../store/network-document';
import type { PseudonymEntry } from '../../../model/privacy';
import type { MeasureOperationName } from './measure.operations';

const returns = <T>(): T => undefined as T;

/** CSV text as read from the file the user picked (the renderer reads it; a 32 MB body bounds it). */
const fileSource = {
  kind: measureDatasetKindSchema,
  /** The file's base name, named in every problem ("survey.csv row 14, column IRI3: ..."). */
  fileName: z.string().trim().min(1).max(500),
  text: z.string().max(30_000_000),
  /** The column holding each person's id; default: `id` (or `respondent`, `employee`) when the file has one. */
  idColumn: z.string().min(1).max(500).optional(),
};

/** A problem with the file, naming the row and column as a spreadsheet numbers them (header = row 1). */
export interface MeasureImportProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

/** What an import would do, before anything is written. */
export interface MeasureImportPreview {
  readonly kind: MeasureDatasetKind;
  readonly columns: readonly string[];
  readonly rowCount: number;
  /** The first rows (at most 10), as read. */
  readonly sample: readonly (readonly string[])[];
  /** The id column used (given, or found), or null when the file has none. */
  readonly idColumn: string | null;
  /** The columns a pseudonymized import drops (name, e-mail, phone, ...). */
  readonly identifyingColumns: readonly string[];
  /** The kind's checks (a KPI's dates and numbers, an NPS answer outside 0-10, ...); empty: the file can be imported. */
  readonly problems: readonly MeasureImportProblem[];
  /** For a survey: the scale whose items the columns match ('iri', 'qmee'), or null. */
  readonly suggestedScale: 'iri' | 'qmee' | null;
}

/** The key of a pseudonymized data set: each real id (and name, when the file gave one) with its pseudonym. */
export interface MeasureKey {
  readonly datasetId: MeasureDatasetId;
  readonly entries: readonly PseudonymEntry[];
}

export const measureContract = {
  'measure.list': {
    input: z.object({ projectId: projectIdSchema, kind: measureDatasetKindSchema.optional() }).strict(),
    output: returns<readonly MeasureDatasetSummary[]>(),
  },
  'measure.get': {
    input: z.object({ id: measureDatasetIdSchema }).strict(),
    output: returns<MeasureDataset>(),
  },
  /** Reads and checks a file without writing anything; invalid-input only when it is not a table at all. */
  'measure.previewImport': {
    input: z.object({ projectId: projectIdSchema, ...fileSource }).strict(),
    output: returns<MeasureImportPreview>(),
  },
  /**
   * Imports a file whole or not at all: invalid-input naming the file, row and column of every problem (up to
   * 20) when the kind's checks fail. Issue 11: `pseudonymize` replaces the id column's cells with stable
   * pseudonyms (HMAC-SHA256 under a secret kept for this data set) and drops the identifying columns; default
   * false at the API, on by default in the dialog for survey and experiment files.
   */
  'measure.import': {
    input: z
      .object({
        projectId: projectIdSchema,
        name: measureDatasetNameSchema,
        ...fileSource,
        pseudonymize: z.boolean().default(false),
        /** Keep the mapping back to real ids and names (measure.key). Ignored without `pseudonymize`. */
        keepKey: z.boolean().default(false),
        individualConsent: z.boolean().optional(),
        minGroupSize: minGroupSizeSchema.optional(),
        settings: measureSettingsSchema.optional(),
      })
      .strict(),
    output: returns<MeasureDataset>(),
  },
  'measure.rename': {
    input: z.object({ id: measureDatasetIdSchema, name: measureDatasetNameSchema }).strict(),
    output: returns<MeasureDataset>(),
  },
  /** Saves the kind's settings (a survey's scale and column mapping); invalid-input when the kind differs. */
  'measure.updateSettings': {
    input: z.object({ id: measureDatasetIdSchema, settings: measureSettingsSchema }).strict(),
    output: returns<MeasureDataset>(),
  },
  /** Deletes the data set and its key; the purge ledger carries the deletion to the older backups. */
  'measure.delete': {
    input: z.object({ id: measureDatasetIdSchema }).strict(),
    output: returns<{ readonly id: MeasureDatasetId }>(),
  },
  'measure.privacy': {
    input: z.object({ id: measureDatasetIdSchema }).strict(),
    output: returns<MeasurePrivacy>(),
  },
  'measure.updatePrivacy': {
    input: z
      .object({
        id: measureDatasetIdSchema,
        individualConsent: z.boolean().optional(),
        minGroupSize: minGroupSizeSchema.optional(),
      })
      .strict(),
    output: returns<MeasurePrivacy>(),
  },
  /** The kept key; not-found, saying so, when it was not kept or was deleted. */
  'measure.key': {
    input: z.object({ id: measureDatasetIdSchema }).strict(),
    output: returns<MeasureKey>(),
  },
  /** Deletes the key (mapping and secret); not-found when there is none. Returns the data set. */
  'measure.deleteKey': {
    input: z.object({ id: measureDatasetIdSchema }).strict(),
    output: returns<MeasureDataset>(),
  },
} as const satisfies Record<MeasureOperationName, { input: z.ZodType; output: unknown }>;

export type {
  ComparisonSettings,
  ExperimentSettings,
  KpiSettings,
  MeasureDataset,
  MeasureDatasetId,
  MeasureDatasetKind,
  MeasureDatasetSummary,
  MeasurePrivacy,
  MeasureSettings,
  MeasureTable,
  SurveySettings,
} from '../../store/measure-document';
