/**
 * The table a comparison reads: an experiment data set's table as imported, or a survey's scored subscales, one
 * row per respondent with the survey's other columns as labels (id, team, wave, circle...), in the shape
 * `scale score --format csv` writes (model/measure/scores-table.ts), so the app compares it as `compare did`
 * compares that file.
 */
import type {
  MeasureDataset,
  MeasureDatasetSummary,
  SurveySettings,
} from '../../../../electron/api/contract';
import {
  BUILTIN_SCALES,
  resolveColumns,
  scoreSurvey,
  scoringKey,
  type KeyOverrides,
  type ScaleSpec,
} from '../../../../model/measure';
import { scoresTable } from '../../../../model/measure/scores-table';
import type { DataTable, Result } from '../../../../model/stats';

/** The data sets a comparison can read: experiments (any table) and surveys (their scores). */
export function comparableDatasets(
  datasets: readonly MeasureDatasetSummary[],
): readonly MeasureDatasetSummary[] {
  return datasets.filter((dataset) => dataset.kind === 'experiment' || dataset.kind === 'survey');
}

/** A survey whose scale was not chosen in the Scales tab yet: scored with the IRI key if its columns are named so. */
const UNCHOSEN_SURVEY: SurveySettings = { kind: 'survey', scale: 'iri', columns: {} };

export interface ComparisonTable {
  readonly table: DataTable;
  /** For a survey: the subscales' mean columns (`EC_mean`), offered first as outcomes. */
  readonly scoreColumns: readonly string[];
  /** A sentence on where the table came from, shown above the choices. */
  readonly origin: string;
}

function surveySpec(settings: SurveySettings): Result<ScaleSpec> {
  if (settings.scale === 'custom')
    return settings.customSpec === undefined
      ? {
          ok: false,
          error: 'the survey has a custom scale without its definition; define it in the Scales tab',
        }
      : { ok: true, value: settings.customSpec };
  const builtin = BUILTIN_SCALES[settings.scale];
  return builtin === undefined
    ? { ok: false, error: `unknown scale "${settings.scale}"` }
    : { ok: true, value: builtin };
}

/**
 * A survey's scores with the Scales tab's settings (key, overrides, column mapping, missing-answer rule). Every
 * column that holds no item is kept as a label, so a treated/control column (`circle`) can be compared.
 */
export function surveyScoresTable(
  dataset: MeasureDataset,
  settings: SurveySettings,
): Result<ComparisonTable> {
  const spec = surveySpec(settings);
  if (!spec.ok) return spec;
  const overrides: { reverse?: readonly string[]; answers?: { min: number; max: number } } = {};
  if (settings.reverse !== undefined) overrides.reverse = settings.reverse;
  if (settings.range !== undefined) overrides.answers = { min: settings.range[0], max: settings.range[1] };
  const keyed = scoringKey(
    settings.maxMissingShare === undefined
      ? spec.value
      : { ...spec.value, maxMissingShare: settings.maxMissingShare },
    overrides as KeyOverrides,
  );
  if (!keyed.ok) return keyed;
  const columns = resolveColumns(dataset.table, keyed.value, settings.columns);
  if (!columns.ok) return columns;
  const itemColumns = new Set(Object.values(columns.value));
  const labelColumns = dataset.table.columns.filter((column) => !itemColumns.has(column));
  const scored = scoreSurvey(dataset.table, keyed.value, { columns: columns.value, labelColumns });
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
      scoreColumns: keyed.value.subscales.map((subscale) => `${subscale.id}_mean`),
      origin: `${keyed.value.name} subscale means of each of the ${scored.value.respondents.length} responses (mean of the answered items, reverse keys applied), with the survey's other columns.`,
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
    const iri = surveyScoresTable(dataset, UNCHOSEN_SURVEY);
    return iri.ok
      ? {
          ok: true,
          value: {
            ...iri.value,
            origin: `${iri.value.origin} No scale is chosen for this survey in the Scales tab yet; its columns are named as the IRI's items, so it is scored with the IRI key.`,
          },
        }
      : { ok: false, error: 'choose the survey’s scale in the Scales tab first' };
  }
  return { ok: false, error: `a ${dataset.kind} data set cannot be compared here` };
}
