/**
 * A measurement data set as the workspace keeps it (issue 10; people data by issue 11): one imported table (a
 * survey with one row per respondent, a KPI series, raw NPS answers, initiative markers, an experiment) kept
 * as text cells exactly as read (after pseudonymization), with settings per kind (a survey's scale and column
 * mapping) and how its people data are handled. The app scores and compares it with model/measure; the figure
 * provider (services/measure-figures.ts) offers its latest figures to the Dynamics model. Kept apart from the
 * repository so the API contract (and so the renderer) can import the schemas without the driver.
 */
import { z } from 'zod';
import { scaleSpecSchema } from '../../model/measure/scale-spec';
import { documentNameSchema } from '../../model/schema/document-name';
import type { ProjectId } from '../../model/schema/project';
import { minGroupSizeSchema } from './network-document';

export const measureDatasetIdSchema = z.uuid().brand<'MeasureDatasetId'>();
export type MeasureDatasetId = z.infer<typeof measureDatasetIdSchema>;

export const MEASURE_DATASET_NAME_MAX = 200;
export const measureDatasetNameSchema = documentNameSchema('data set', MEASURE_DATASET_NAME_MAX);

/**
 * - survey: one row per respondent, answers to a scale's items (IRI, QMEE or a custom scale), optional id, team,
 *   wave and other label columns;
 * - kpi: `date, unit (or team), kpi, value`, optional `n` (the people behind the figure, for the minimum group
 *   size);
 * - nps: `date, unit, answer` with raw 0-10 answers (the NPS is computed per unit and period);
 * - initiatives: `date, label, unit` markers for the KPI charts (the date training started);
 * - experiment: any table compared by `compare ab` or `compare did` (a group, a period, an outcome).
 */
export const MEASURE_DATASET_KINDS = ['survey', 'kpi', 'nps', 'initiatives', 'experiment'] as const;
export const measureDatasetKindSchema = z.enum(MEASURE_DATASET_KINDS);
export type MeasureDatasetKind = z.infer<typeof measureDatasetKindSchema>;

/** The kinds whose rows are people (a respondent, an employee): pseudonymized by default in the import dialog. */
export const PEOPLE_DATASET_KINDS: readonly MeasureDatasetKind[] = ['survey', 'experiment'];

/** A table as imported: the header and rows of text cells (model/stats DataTable), bounded for the workspace. */
export const measureTableSchema = z
  .object({
    columns: z.array(z.string().max(500)).min(1).max(2000),
    rows: z.array(z.array(z.string().max(10_000))).max(1_000_000),
  })
  .strict();
export type MeasureTable = z.infer<typeof measureTableSchema>;

const columnName = z.string().min(1).max(500);

/**
 * The Compare tab's last comparison of a data set (an experiment's table, a survey's scores), so the tab reopens
 * as it was left. Columns a survey's comparison names are columns of its scores table (`EC_mean`, a label
 * column), not of the imported one, so the store does not check them against it: the tab falls back to its
 * defaults, saying so, for a column the scores no longer have.
 */
const comparisonShape = {
  comparison: z.enum(['ab', 'did']).optional(),
  group: columnName.optional(),
  outcome: columnName.optional(),
  period: columnName.optional(),
  cluster: columnName.optional(),
  /** The group's reference level (A, control) and the period's (before). */
  control: z.string().max(500).optional(),
  before: z.string().max(500).optional(),
  /** An A/B outcome read as a proportion or a mean. */
  outcomeKind: z.enum(['proportion', 'mean']).optional(),
  /** The DiD's standard errors. */
  standardError: z.enum(['classical', 'hc1', 'cluster']).optional(),
  /** 1 - the confidence level (0.1, 0.05, 0.01). */
  alpha: z.number().gt(0).lt(1).optional(),
};
export const comparisonSettingsSchema = z.object(comparisonShape).strict();
export type ComparisonSettings = z.infer<typeof comparisonSettingsSchema>;

/**
 * How a survey is scored (the Scales tab saves it, the figure provider reads it): a shipped key or a custom
 * spec, each item mapped to a column (absent: the column of the item's own name), overrides of the reverse key
 * and answer range (QMEE's reverse key must be given), the missing-answer rule, the label columns, and the
 * Compare tab's last comparison of its scores.
 */
export const surveySettingsSchema = z
  .object({
    kind: z.literal('survey'),
    scale: z.enum(['iri', 'qmee', 'custom']),
    /** Required when `scale` is custom. */
    customSpec: scaleSpecSchema.optional(),
    /** Item id to column name; items not named here are looked for under their own id. */
    columns: z.record(z.string(), columnName).default({}),
    reverse: z.array(z.string().min(1).max(200)).optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    /** Largest share of a subscale's items that may be missing for it to be scored (default 0.2). */
    maxMissingShare: z.number().min(0).max(1).optional(),
    idColumn: columnName.optional(),
    teamColumn: columnName.optional(),
    waveColumn: columnName.optional(),
    /** The Compare tab's last comparison of the scores; absent in surveys saved before it was kept. */
    compare: comparisonSettingsSchema.optional(),
  })
  .strict();
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

/** A KPI series' settings: the people in each unit when the file has no `n` column (for the minimum group size). */
export const kpiSettingsSchema = z
  .object({
    kind: z.literal('kpi'),
    unitSizes: z.record(z.string(), z.number().int().min(0)).default({}),
  })
  .strict();
export type KpiSettings = z.infer<typeof kpiSettingsSchema>;

/** An experiment's last comparison, so the tab reopens as it was left. */
export const experimentSettingsSchema = z
  .object({ kind: z.literal('experiment'), ...comparisonShape })
  .strict();
export type ExperimentSettings = z.infer<typeof experimentSettingsSchema>;

export const measureSettingsSchema = z.discriminatedUnion('kind', [
  surveySettingsSchema,
  kpiSettingsSchema,
  experimentSettingsSchema,
]);
export type MeasureSettings = z.infer<typeof measureSettingsSchema>;

/** How a data set's people data are handled (issue 11), as NetworkPrivacy. */
export const measurePrivacySchema = z
  .object({
    /** The id column's cells were replaced by pseudonyms and the identifying columns dropped at import. */
    pseudonymized: z.boolean(),
    /** The column that holds each person's id (pseudonyms when pseudonymized), if the file has one. */
    idColumn: z.string().nullable(),
    /** The identifying columns dropped at import (name, e-mail, ...). */
    droppedColumns: z.array(z.string()),
    keyKept: z.boolean(),
    secretKept: z.boolean(),
    /** The participants agreed to individual views (per-person scores). */
    individualConsent: z.boolean(),
    /** Team figures hide groups of fewer people than this (default 5, never below 3). */
    minGroupSize: minGroupSizeSchema,
    note: z.string().max(4000),
  })
  .strict();
export type MeasurePrivacy = z.infer<typeof measurePrivacySchema>;

/** A data set as listed: no rows. */
export interface MeasureDatasetSummary {
  readonly id: MeasureDatasetId;
  readonly projectId: ProjectId;
  readonly name: string;
  readonly kind: MeasureDatasetKind;
  /** The file it was imported from (its base name). */
  readonly fileName: string;
  readonly rowCount: number;
  readonly columns: readonly string[];
  readonly settings: MeasureSettings | null;
  readonly privacy: MeasurePrivacy;
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * Set when the saved row could not be read (damaged, or written by a buggy build): the list still shows it,
   * with its columns empty, no settings and no consent to individual views; opening it (measure.get) is refused
   * with the same message. Absent for a readable row.
   */
  readonly problem?: string;
}

/** A data set with its table. */
export interface MeasureDataset extends MeasureDatasetSummary {
  readonly table: MeasureTable;
}
