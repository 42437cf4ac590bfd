/**
 * A table as read from a CSV file: a header and rows of text cells. The CLI parses the file (papaparse) and
 * hands this shape to model/, which decides what each column means; keeping the cells as text lets every
 * validator name the row and column of a bad value exactly as the user sees them in a spreadsheet.
 */
export interface DataTable {
  readonly columns: readonly string[];
  /** One array of cells per data row, in column order (missing trailing cells read as empty). */
  readonly rows: readonly (readonly string[])[];
}

/** Where a problem is, in spreadsheet terms: the header is row 1, so the first data row is row 2. */
export interface CellProblem {
  /** Spreadsheet row (header = 1), or null when the problem concerns the whole table or a column. */
  readonly row: number | null;
  readonly column: string | null;
  /** One sentence that already names the row and column. */
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Spreadsheet row number of the data row at `index` (0-based). */
export const spreadsheetRow = (index: number): number => index + 2;

/** Cells that mean "no value" in R's read.csv and in exports from spreadsheets. */
export function isMissing(cell: string | undefined): boolean {
  if (cell === undefined) return true;
  const trimmed = cell.trim();
  return trimmed === '' || trimmed === 'NA' || trimmed === 'NaN' || trimmed === 'null';
}

/** A finite number written in the cell, or undefined (JavaScript's Number accepts "0x1f" and "": we do not). */
export function parseNumberCell(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  const trimmed = cell.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

export function columnIndex(table: DataTable, column: string): number {
  return table.columns.indexOf(column);
}

/** The cell of `row` in `column` (index), '' when the row is short. */
export function cellAt(row: readonly string[], index: number): string {
  return row[index] ?? '';
}

/**
 * Levels of a categorical column in R's order for `factor()`: sorted, numerically when every level is a
 * number (R sorts the numbers before converting to text), otherwise by code point (R's C-locale order; the
 * user's locale order would make results differ between machines).
 */
export function sortLevels(levels: Iterable<string>): string[] {
  const unique = [...new Set(levels)];
  const numbers = unique.map(parseNumberCell);
  if (numbers.every((value) => value !== undefined)) {
    return unique
      .map((level, index) => ({ level, value: numbers[index] as number }))
      .sort((a, b) => a.value - b.value)
      .map((entry) => entry.level);
  }
  return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
