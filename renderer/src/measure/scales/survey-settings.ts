/**
 * A survey data set's scoring settings as the Scales tab reads and edits them (SurveySettings, the contract's
 * shape): the defaults for a data set never scored, the scale key they describe (model/measure scoringKey with
 * the reverse-key and range overrides), and each item's column, found as the CLI finds it (resolveColumns).
 */
import {
  BUILTIN_SCALES,
  resolveColumns,
  scoringKey,
  type ColumnMap,
  type ScaleSpec,
  type ScoringKey,
} from '../../../../model/measure';
import { isMissing, parseNumberCell, type DataTable } from '../../../../model/stats/data-table';
import type { MeasureDataset, SurveySettings } from '../../../../electron/api/contract';

/** The missing-answer rule when the settings give none: the engine's default (model/measure/README.md). */
export const DEFAULT_MAX_MISSING_SHARE = 0.2;

const normalize = (name: string): string => name.toLowerCase().replace(/[\s_.\-#]/g, '');

/** The first column whose name, ignoring case and separators, is one of `names`. */
function columnNamed(columns: readonly string[], names: readonly string[]): string | undefined {
  return columns.find((column) => names.includes(normalize(column)));
}

/**
 * Settings for a survey never scored: the scale the import suggested (or IRI), items under their own names,
 * and the id, team and wave columns when the file has columns named so.
 */
export function defaultSurveySettings(
  dataset: Pick<MeasureDataset, 'columns' | 'privacy'>,
  suggestedScale: 'iri' | 'qmee' | 'custom' = 'iri',
): SurveySettings {
  const { columns } = dataset;
  const idColumn =
    dataset.privacy.idColumn !== null && columns.includes(dataset.privacy.idColumn)
      ? dataset.privacy.idColumn
      : columnNamed(columns, ['id', 'respondent', 'respondentid', 'employee', 'employeeid']);
  const teamColumn = columnNamed(columns, ['team', 'unit', 'department']);
  const waveColumn = columnNamed(columns, ['wave', 'period', 'phase']);
  return {
    kind: 'survey',
    scale: suggestedScale,
    columns: {},
    ...(idColumn === undefined ? {} : { idColumn }),
    ...(teamColumn === undefined ? {} : { teamColumn }),
    ...(waveColumn === undefined ? {} : { waveColumn }),
  };
}

/** The scale whose columns the file matches best (every item found under its own name), or null. */
export function suggestScale(table: DataTable): 'iri' | 'qmee' | null {
  for (const id of ['iri', 'qmee'] as const) {
    const spec = BUILTIN_SCALES[id] as ScaleSpec;
    const key = { ...spec, reverse: spec.reverse ?? [] };
    if (resolveColumns(table, key).ok) return id;
  }
  return null;
}

/** The spec the settings name: a shipped key, or the custom one (null when custom has none yet). */
export function specOf(settings: SurveySettings): ScaleSpec | null {
  if (settings.scale === 'custom') return settings.customSpec ?? null;
  return BUILTIN_SCALES[settings.scale] ?? null;
}

export type KeyResult = { ok: true; key: ScoringKey } | { ok: false; error: string };

/** The key to score with: the spec with the settings' reverse key, answer range and missing-answer rule. */
export function keyOf(settings: SurveySettings): KeyResult {
  const spec = specOf(settings);
  if (spec === null)
    return {
      ok: false,
      error: 'The custom scale has no valid key yet: correct what the editor points out first.',
    };
  const withRule =
    settings.maxMissingShare === undefined ? spec : { ...spec, maxMissingShare: settings.maxMissingShare };
  const keyed = scoringKey(withRule, {
    ...(settings.reverse === undefined ? {} : { reverse: settings.reverse }),
    ...(settings.range === undefined ? {} : { answers: { min: settings.range[0], max: settings.range[1] } }),
  });
  if (keyed.ok) return { ok: true, key: keyed.value };
  // The engine's message speaks to the CLI ("--reverse 4,7,12"); the tab asks for ticks instead.
  if (spec.reverse === null && settings.reverse === undefined)
    return {
      ok: false,
      error: `${spec.name}: tick its reverse-keyed items below before scoring. Which items are reverse-keyed could not be checked against a published source, so the workbench does not guess them; take them from your copy of the questionnaire.`,
    };
  return { ok: false, error: keyed.error };
}

/**
 * The column the engine would pick for one item without a map (its own name, "IRI3", "Item 3", "Q3"), or
 * undefined: resolveColumns on a key of that one item, so the rule stays the CLI's.
 */
export function defaultColumnOf(table: DataTable, key: ScoringKey, item: string): string | undefined {
  const single = resolveColumns(table, { ...key, items: [item], reverse: [] });
  return single.ok ? single.value[item] : undefined;
}

/** The explicit map entries that still name an item of this key and a column of the file. */
export function explicitColumns(
  settings: SurveySettings,
  key: ScoringKey,
  columns: readonly string[],
): ColumnMap {
  const items = new Set(key.items);
  return Object.fromEntries(
    Object.entries(settings.columns).filter(([item, column]) => items.has(item) && columns.includes(column)),
  );
}

/** Each item's column (explicit, else found by name), or an error naming the items without one. */
export function itemColumns(
  table: DataTable,
  key: ScoringKey,
  settings: SurveySettings,
): { ok: true; value: ColumnMap } | { ok: false; error: string } {
  return resolveColumns(table, key, explicitColumns(settings, key, table.columns));
}

/** The settings with one item mapped to a column: stored only when it differs from the default column. */
export function withItemColumn(
  settings: SurveySettings,
  table: DataTable,
  key: ScoringKey,
  item: string,
  column: string,
): SurveySettings {
  const { [item]: _previous, ...columns } = settings.columns;
  if (column === '' || column === defaultColumnOf(table, key, item)) return { ...settings, columns };
  return { ...settings, columns: { ...columns, [item]: column } };
}

/** The id, team and wave columns that exist in the file, in that order, without repeats. */
export function labelColumnsOf(settings: SurveySettings, columns: readonly string[]): string[] {
  return [
    ...new Set(
      [settings.idColumn, settings.teamColumn, settings.waveColumn].filter(
        (column): column is string => column !== undefined && columns.includes(column),
      ),
    ),
  ];
}

/**
 * A first custom scale for a file: every column holding only numbers (or blanks), apart from the id, team and
 * wave columns, as items of one subscale, with the answer range the file shows. The user edits it from there.
 */
export function draftCustomSpec(table: DataTable, labelColumns: readonly string[]): ScaleSpec {
  const items: string[] = [];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  table.columns.forEach((column, index) => {
    if (labelColumns.includes(column)) return;
    let numbers = 0;
    for (const row of table.rows) {
      const cell = row[index];
      if (isMissing(cell)) continue;
      const value = parseNumberCell(cell);
      if (value === undefined) return;
      numbers++;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    if (numbers > 0) items.push(column);
  });
  const answers = Number.isFinite(low) && low < high ? { min: low, max: high } : { min: 1, max: 5 };
  const listed = items.length > 0 ? items : ['1'];
  return {
    id: 'custom',
    name: 'Custom scale',
    answers,
    items: listed,
    subscales: [{ id: 'total', name: 'Total', items: listed }],
    reverse: [],
    maxMissingShare: DEFAULT_MAX_MISSING_SHARE,
  };
}
