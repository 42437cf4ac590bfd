/**
 * Ratings-based conjoint responses, long (one row per respondent and profile: respondent, rating and the
 * profile's attribute columns) or wide (one row per respondent, one rating column per profile of a design
 * given separately), validated into one shape. Every problem names its row and column.
 */
import { cellAt, isMissing, parseNumberCell, spreadsheetRow, type DataTable } from '../stats/data-table';
import type { EstimationAttribute } from './coding';
import {
  ProblemList,
  failed,
  readAttributeColumns,
  requireColumns,
  type AttributeColumnOptions,
  type ImportResult,
} from './response-attributes';

export interface RatingObservation {
  readonly respondent: string;
  /** Level index (categorical) or value (numeric) per attribute. */
  readonly values: Float64Array;
  readonly rating: number;
}

export interface RatingsData {
  readonly attributes: readonly EstimationAttribute[];
  readonly observations: readonly RatingObservation[];
  /** Respondents in order of first appearance. */
  readonly respondents: readonly string[];
}

export interface RatingsLongOptions extends AttributeColumnOptions {
  /** Without a respondent column every row is one respondent's ("all"). */
  readonly respondent?: string;
  readonly rating: string;
}

export const POOLED_RESPONDENT = 'all';

export function importRatingsLong(table: DataTable, options: RatingsLongOptions): ImportResult<RatingsData> {
  const list = new ProblemList();
  const roles: [string, string][] = [['rating', options.rating]];
  if (options.respondent !== undefined) roles.push(['respondent', options.respondent]);
  const [ratingIndex = -1, respondentIndex = -1] = requireColumns(table, roles, list);
  if (table.rows.length === 0) list.add(null, null, 'the file has no data rows');
  if (!list.empty) return failed(list);
  const rowIndexes = table.rows.map((_, index) => index);
  const coded = readAttributeColumns(table, options, rowIndexes, list);
  const observations: RatingObservation[] = [];
  const respondents: string[] = [];
  const seen = new Set<string>();
  for (const rowIndex of rowIndexes) {
    const row = table.rows[rowIndex] as readonly string[];
    const respondent = respondentIndex < 0 ? POOLED_RESPONDENT : cellAt(row, respondentIndex).trim();
    if (respondentIndex >= 0 && isMissing(respondent))
      list.add(spreadsheetRow(rowIndex), options.respondent ?? null, 'the respondent is missing');
    const cell = cellAt(row, ratingIndex);
    const rating = parseNumberCell(cell);
    if (rating === undefined)
      list.add(
        spreadsheetRow(rowIndex),
        options.rating,
        isMissing(cell) ? 'the rating is missing' : `"${cell}" is not a number (ratings must be numeric)`,
      );
    const values = coded?.values.get(rowIndex);
    if (rating === undefined || values === undefined) continue;
    if (!seen.has(respondent)) {
      seen.add(respondent);
      respondents.push(respondent);
    }
    observations.push({ respondent, values, rating });
  }
  if (!list.empty || coded === null) return failed(list);
  return { ok: true, value: { attributes: coded.attributes, observations, respondents } };
}

export interface RatingsWideOptions extends AttributeColumnOptions {
  readonly respondent: string;
  /** The design: one row per profile with the attribute columns, in the order of the rating columns. */
  readonly profiles: DataTable;
}

/**
 * Wide ratings: every column but the respondent's is one profile's rating, in the order of the design's rows
 * (the layout of R's conjoint::tprefm and of most survey exports).
 */
export function importRatingsWide(table: DataTable, options: RatingsWideOptions): ImportResult<RatingsData> {
  const list = new ProblemList();
  const [respondentIndex = -1] = requireColumns(table, [['respondent', options.respondent]], list);
  if (!list.empty) return failed(list);
  const ratingColumns = table.columns.map((_, index) => index).filter((index) => index !== respondentIndex);
  const profileRows = options.profiles.rows.map((_, index) => index);
  if (ratingColumns.length !== profileRows.length)
    list.add(
      null,
      null,
      `the ratings have ${ratingColumns.length} profile column${ratingColumns.length === 1 ? '' : 's'} but the design has ${profileRows.length} profile${profileRows.length === 1 ? '' : 's'}; they must match one to one, in order`,
    );
  if (table.rows.length === 0) list.add(null, null, 'the file has no data rows');
  if (!list.empty) return failed(list);
  const designProblems = new ProblemList();
  const coded = readAttributeColumns(options.profiles, options, profileRows, designProblems);
  if (coded === null) {
    for (const problem of designProblems.problems) list.add(null, null, `in the design, ${problem.message}`);
    return failed(list);
  }
  const observations: RatingObservation[] = [];
  const respondents: string[] = [];
  const seen = new Set<string>();
  table.rows.forEach((row, rowIndex) => {
    const respondent = cellAt(row, respondentIndex).trim();
    if (isMissing(respondent))
      list.add(spreadsheetRow(rowIndex), options.respondent, 'the respondent is missing');
    else if (seen.has(respondent))
      list.add(
        spreadsheetRow(rowIndex),
        options.respondent,
        `respondent "${respondent}" has a second row (wide data has one row per respondent)`,
      );
    seen.add(respondent);
    respondents.push(respondent);
    ratingColumns.forEach((columnIndexInTable, profile) => {
      const cell = cellAt(row, columnIndexInTable);
      const rating = parseNumberCell(cell);
      const column = table.columns[columnIndexInTable] ?? null;
      if (rating === undefined) {
        list.add(
          spreadsheetRow(rowIndex),
          column,
          isMissing(cell) ? 'the rating is missing' : `"${cell}" is not a number (ratings must be numeric)`,
        );
        return;
      }
      observations.push({ respondent, values: coded.values.get(profile) as Float64Array, rating });
    });
  });
  if (!list.empty) return failed(list);
  return { ok: true, value: { attributes: coded.attributes, observations, respondents } };
}
