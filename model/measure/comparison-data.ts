/**
 * Reading the columns a comparison needs from a table: a two-level column (variant, treated, period), a numeric or
 * yes/no outcome. Every bad cell is a problem naming its row and column, as everywhere in the workbench.
 */
import {
  cellAt,
  columnIndex,
  isMissing,
  parseNumberCell,
  sortLevels,
  spreadsheetRow,
  type DataTable,
  type Result,
} from '../stats/data-table';

export function requireColumn(table: DataTable, column: string, flag: string): Result<number> {
  const index = columnIndex(table, column);
  return index < 0
    ? {
        ok: false,
        error: `${flag} column "${column}" is not in the file (its columns: ${table.columns.join(', ')})`,
      }
    : { ok: true, value: index };
}

const YES = new Set(['1', 'true', 'yes', 'y']);
const NO = new Set(['0', 'false', 'no', 'n']);

/** A 0/1 outcome: 1/0, true/false, yes/no (any case). */
export function readBinaryCell(cell: string, row: number, column: string): Result<number> {
  const value = cell.trim().toLowerCase();
  if (YES.has(value)) return { ok: true, value: 1 };
  if (NO.has(value)) return { ok: true, value: 0 };
  return {
    ok: false,
    error: `row ${row}, column "${column}": "${cell.trim()}" is not 0/1, true/false or yes/no`,
  };
}

export function readNumericCell(cell: string, row: number, column: string): Result<number> {
  const value = parseNumberCell(cell);
  return value === undefined
    ? { ok: false, error: `row ${row}, column "${column}": "${cell.trim()}" is not a number` }
    : { ok: true, value };
}

export interface TwoLevels {
  /** The reference level (control, before) and the other (treatment, after). */
  readonly reference: string;
  readonly other: string;
}

/**
 * The two levels of a column, the reference first: the one given, else 0/false/no/before/pre/control/A when one
 * of the two is such a word, else the first in R's factor order.
 */
export function twoLevels(values: readonly string[], column: string, reference?: string): Result<TwoLevels> {
  const levels = sortLevels(values);
  if (levels.length !== 2)
    return {
      ok: false,
      error: `column "${column}" must have exactly two values, it has ${levels.length}${levels.length > 0 ? ` (${levels.slice(0, 5).join(', ')}${levels.length > 5 ? ', ...' : ''})` : ''}`,
    };
  const [first, second] = levels as [string, string];
  if (reference !== undefined) {
    if (!levels.includes(reference))
      return {
        ok: false,
        error: `"${reference}" is not a value of column "${column}" (it has ${first} and ${second})`,
      };
    return { ok: true, value: { reference, other: reference === first ? second : first } };
  }
  const baseline = ['0', 'false', 'no', 'before', 'pre', 'control', 'a', 'baseline'];
  const found = levels.find((level) => baseline.includes(level.toLowerCase()));
  const chosen = found ?? first;
  return { ok: true, value: { reference: chosen, other: chosen === first ? second : first } };
}

export interface RowValues {
  /** Spreadsheet rows kept (no missing value in a used column). */
  readonly rows: readonly number[];
  readonly cells: readonly (readonly string[])[];
  readonly dropped: number;
}

/** Rows with every used column present; a row missing one is dropped (R's na.omit) and counted. */
export function completeRows(table: DataTable, indices: readonly number[]): RowValues {
  const rows: number[] = [];
  const cells: string[][] = [];
  let dropped = 0;
  table.rows.forEach((row, r) => {
    const values = indices.map((index) => cellAt(row, index));
    if (values.some((value) => isMissing(value))) {
      dropped++;
      return;
    }
    rows.push(spreadsheetRow(r));
    cells.push(values.map((value) => value.trim()));
  });
  return { rows, cells, dropped };
}
