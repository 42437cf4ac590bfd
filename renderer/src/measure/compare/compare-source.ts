/**
 * The table a comparison reads: an experiment data set's table as imported, or a survey's scored subscales, one
 * row per respondent with the survey's other columns as labels (id, team, wave, circle...), in the shape
 * `scale score --format csv` writes (model/measure/scores-table.ts), so the app compares it as `compare did`
 * compares that file.
 */
import type {
  ComparisonSettings,
  MeasureDataset,
  MeasureDatasetSummary,
  MeasureSettings,
  SurveySettings,
} from '../../../../electron/api/contract';
import { scoreSurvey } from '../../../../model/measure';
import { scoresTable } from '../../../../model/measure/scores-table';
import type { DataTable, Result } from '../../../../model/stats';
import { defaultSurveySettings, itemColumns, keyOf, suggestScale } from '../scales/survey-settings';

/** The data sets a comparison can read: experiments (any table) and surveys (their scores). */
export function comparableDatasets(
  datasets: readonly MeasureDatasetSummary[],
): readonly MeasureDatasetSummary[] {
  return datasets.filter((dataset) => dataset.kind === 'experiment' || dataset.kind === 'survey');
}

export interface ComparisonTable {
  readonly table: DataTable;
  /** For a survey: the subscales' mean columns (`EC_mean`), offered first as outcomes. */
  readonly scoreColumns: readonly string[];
  /** A sentence on where the table came from, shown above the choices. */
  readonly origin: string;
  /** For a survey: the scoring the scores come from, which the comparison is saved beside. */
  readonly scoring?: SurveySettings;
}

/**
 * A survey's scores with the Scales tab's settings (its key with overrides, column mapping and missing-answer
 * rule, read by the Scales tab's own functions so both tabs score alike). Every column that holds no item is kept
 * as a label, so a treated/control column (`circle`) can be compared.
 */
export function surveyScoresTable(
  dataset: MeasureDataset,
  settings: SurveySettings,
): Result<ComparisonTable> {
  const keyed = keyOf(settings);
  if (!keyed.ok) return keyed;
  const key = keyed.key;
  const columns = itemColumns(dataset.table, key, settings);
  if (!columns.ok) return columns;
  const items = new Set(Object.values(columns.value));
  const labelColumns = dataset.table.columns.filter((column) => !items.has(column));
  const scored = scoreSurvey(dataset.table, key, { columns: columns.value, labelColumns });
  if (!scored.ok) {
    const [first] = scored.problems;
    const more = scored.problems.length - 1;
    return {
      ok: false,
      error: `${first?.message ?? 'the survey cannot be scored'}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`,
    };
  }
  return {
    ok: true,
    value: {
      table: scoresTable(scored.value, labelColumns),
      scoreColumns: key.subscales.map((subscale) => `${subscale.id}_mean`),
      origin: `${key.name} subscale means of each of the ${scored.value.respondents.length} responses (mean of the answered items, reverse keys applied), with the survey's other columns.`,
      scoring: settings,
    },
  };
}

/** The table of a loaded data set, or why it cannot be compared. */
export function comparisonTable(dataset: MeasureDataset): Result<ComparisonTable> {
  if (dataset.kind === 'experiment')
    return {
      ok: true,
      value: {
        table: dataset.table,
        scoreColumns: [],
        origin: `The experiment's ${dataset.table.rows.length.toLocaleString('en-US')} rows as imported.`,
      },
    };
  if (dataset.kind === 'survey') {
    if (dataset.settings?.kind === 'survey') return surveyScoresTable(dataset, dataset.settings);
    // Not scored in the Scales tab yet: the settings that tab would start from (the scale its columns match).
    const suggested = suggestScale(dataset.table);
    if (suggested === null) return { ok: false, error: 'choose the survey’s scale in the Scales tab first' };
    const scored = surveyScoresTable(dataset, defaultSurveySettings(dataset, suggested));
    return scored.ok
      ? {
          ok: true,
          value: {
            ...scored.value,
            origin: `${scored.value.origin} No scale is chosen for this survey in the Scales tab yet; its columns are named as this scale's items, so it is scored with that key.`,
          },
        }
      : { ok: false, error: 'choose the survey’s scale in the Scales tab first' };
  }
  return { ok: false, error: `a ${dataset.kind} data set cannot be compared here` };
}

/** The comparison saved where its data set keeps it: an experiment's settings, or beside a survey's scoring. */
export function settingsWithComparison(
  source: ComparisonTable,
  comparison: ComparisonSettings,
): MeasureSettings {
  return source.scoring === undefined
    ? { kind: 'experiment', ...comparison }
    : { ...source.scoring, compare: comparison };
}

/** The comparison a data set keeps (an experiment's, or a survey's beside its scoring), or null. */
export function savedComparison(dataset: MeasureDataset): ComparisonSettings | null {
  if (dataset.settings?.kind === 'experiment') return dataset.settings;
  if (dataset.settings?.kind === 'survey') return dataset.settings.compare ?? null;
  return null;
}
