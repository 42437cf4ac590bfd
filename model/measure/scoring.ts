/**
 * Scores a survey (one row per respondent) with a scale key: the user's columns are matched to the key's items,
 * every answer is checked against the answer range (a bad one names its row and column), reverse-keyed items
 * become min + max - x, and each subscale gets the mean of its answered items and that mean times the number of
 * items (the "sum" the IRI and QMEE are usually reported in, prorated when items are missing).
 *
 * Missing answers: a subscale is scored when at most `maxMissingShare` (default 20%) of its items are missing,
 * by prorating, i.e. the mean of the answered items stands in for the missing ones (person-mean imputation;
 * Schafer & Graham 2002, Psychological Methods 7:147, and Downey & King 1998, J. General Psychology 125:175,
 * who find it unbiased at up to 20% missing items); with more missing the subscale is null for that respondent.
 * For a 7-item IRI subscale that allows 1 missing item.
 */
import {
  cellAt,
  isMissing,
  parseNumberCell,
  spreadsheetRow,
  type CellProblem,
  type DataTable,
} from '../stats/data-table';
import type { ScoringKey } from './scale-spec';

/** Which column holds each item (item id → column name). */
export type ColumnMap = Readonly<Record<string, string>>;

export interface SubscaleScore {
  /** Mean of the answered (reverse-scored) items, or null when too many are missing. */
  readonly mean: number | null;
  /** mean × number of items: the sum, prorated over missing items. */
  readonly sum: number | null;
  readonly answered: number;
  readonly missing: number;
}

export interface RespondentScores {
  /** Spreadsheet row (header = 1). */
  readonly row: number;
  /** The cells of the grouping columns asked for (id, team, wave), by column name. */
  readonly labels: Readonly<Record<string, string>>;
  readonly scores: Readonly<Record<string, SubscaleScore>>;
}

export interface ScoredSurvey {
  readonly key: ScoringKey;
  readonly columns: ColumnMap;
  readonly respondents: readonly RespondentScores[];
  /** items[r][i]: respondent r's reverse-scored answer to key.items[i], NaN when missing. */
  readonly items: readonly Float64Array[];
}

const normalize = (name: string): string => name.toLowerCase().replace(/[\s_.\-#]/g, '');

/**
 * The default column of each item: a column named exactly as the item ("3"), or the scale id, "item" or "q"
 * followed by it ("IRI3", "iri_3", "Item 3", "Q3"), ignoring case, spaces, dots, dashes and underscores.
 * An explicit map (item → column) overrides any item it names.
 */
export function resolveColumns(
  table: DataTable,
  key: ScoringKey,
  explicit: ColumnMap = {},
): { ok: true; value: ColumnMap } | { ok: false; error: string } {
  const known = new Set(key.items);
  const unknownItem = Object.keys(explicit).find((item) => !known.has(item));
  if (unknownItem !== undefined)
    return { ok: false, error: `the column map names item "${unknownItem}", which is not in ${key.name}` };
  const byName = new Map(table.columns.map((column) => [normalize(column), column]));
  const columns: Record<string, string> = {};
  const missing: string[] = [];
  for (const item of key.items) {
    const mapped = explicit[item];
    if (mapped !== undefined) {
      if (!table.columns.includes(mapped))
        return {
          ok: false,
          error: `the column map puts item "${item}" in column "${mapped}", which is not in the file`,
        };
      columns[item] = mapped;
      continue;
    }
    const candidates = [item, `${key.id}${item}`, `item${item}`, `q${item}`].map(normalize);
    const found = candidates.map((candidate) => byName.get(candidate)).find((column) => column !== undefined);
    if (found === undefined) missing.push(item);
    else columns[item] = found;
  }
  if (missing.length > 0)
    return {
      ok: false,
      error: `no column for item${missing.length === 1 ? '' : 's'} ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', ...' : ''} of ${key.name} (name columns "${key.id.toUpperCase()}${missing[0] ?? ''}" or give a column map)`,
    };
  const used = new Map<string, string>();
  for (const [item, column] of Object.entries(columns)) {
    const other = used.get(column);
    if (other !== undefined)
      return { ok: false, error: `column "${column}" is mapped to both item "${other}" and item "${item}"` };
    used.set(column, item);
  }
  return { ok: true, value: columns };
}

export interface ScoreOptions {
  readonly columns: ColumnMap;
  /** Columns copied into each respondent's labels (id, team, wave); each must exist. */
  readonly labelColumns?: readonly string[];
}

export type ScoreResult = { ok: true; value: ScoredSurvey } | { ok: false; problems: CellProblem[] };

/** Reverse keying on a min..max scale (Davis 1980: on 0-4, 4 - x). */
export const reverseScore = (answer: number, min: number, max: number): number => min + max - answer;

/** Scores every respondent; every unreadable or out-of-range answer is a problem naming its row and column. */
export function scoreSurvey(table: DataTable, key: ScoringKey, options: ScoreOptions): ScoreResult {
  const problems: CellProblem[] = [];
  const { min, max } = key.answers;
  const reversed = new Set(key.reverse);
  const labelColumns = options.labelColumns ?? [];
  for (const column of labelColumns)
    if (!table.columns.includes(column))
      problems.push({
        row: null,
        column,
        message: `column "${column}" is not in the file (its columns: ${table.columns.join(', ')})`,
      });
  const itemIndex = key.items.map((item) => table.columns.indexOf(options.columns[item] ?? ''));
  itemIndex.forEach((index, i) => {
    if (index < 0)
      problems.push({
        row: null,
        column: null,
        message: `item "${key.items[i] ?? ''}" has no column in the file`,
      });
  });
  if (problems.length > 0) return { ok: false, problems };

  const items: Float64Array[] = [];
  const respondents: RespondentScores[] = [];
  table.rows.forEach((cells, r) => {
    const row = spreadsheetRow(r);
    const answers = new Float64Array(key.items.length);
    key.items.forEach((item, i) => {
      const column = options.columns[item] ?? '';
      const cell = cellAt(cells, itemIndex[i] as number);
      if (isMissing(cell)) {
        answers[i] = Number.NaN;
        return;
      }
      const value = parseNumberCell(cell);
      if (value === undefined || value < min || value > max) {
        problems.push({
          row,
          column,
          message: `row ${row}, column "${column}": "${cell.trim()}" is not an answer from ${min} to ${max}${value === undefined ? '' : ' (out of range)'}`,
        });
        answers[i] = Number.NaN;
        return;
      }
      answers[i] = reversed.has(item) ? reverseScore(value, min, max) : value;
    });
    items.push(answers);
    const scores: Record<string, SubscaleScore> = {};
    for (const subscale of key.subscales) {
      let total = 0;
      let answered = 0;
      for (const item of subscale.items) {
        const value = answers[key.items.indexOf(item)] as number;
        if (Number.isNaN(value)) continue;
        total += value;
        answered++;
      }
      const count = subscale.items.length;
      const missing = count - answered;
      const scored = answered > 0 && missing <= Math.floor(key.maxMissingShare * count + 1e-9);
      const mean = scored ? total / answered : null;
      scores[subscale.id] = { mean, sum: mean === null ? null : mean * count, answered, missing };
    }
    const labels: Record<string, string> = {};
    for (const column of labelColumns) labels[column] = cellAt(cells, table.columns.indexOf(column)).trim();
    respondents.push({ row, labels, scores });
  });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { key, columns: options.columns, respondents, items } };
}
