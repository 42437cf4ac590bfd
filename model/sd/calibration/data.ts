/**
 * The data a model is calibrated to: a CSV table with a `time` column and one column per observed variable
 * (`time,Customers,Revenue`), one row per observation time. A cell may be empty (not observed then); every other
 * cell must be a number. Times must increase from row to row.
 *
 * The text is parsed by the caller (papaparse in the CLI and the renderer, as model/network/import.ts explains:
 * its types pull Node's stream types into model/); this checks the records and names the file, the row and the
 * column of every problem. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */

export interface CalibrationCsv {
  /** The name used in messages, e.g. `customers.csv`. */
  readonly fileName: string;
  /** The parsed records, the header first. */
  readonly records: readonly (readonly string[])[];
}

export interface DataColumn {
  /** The header as written. */
  readonly header: string;
  /** One value per row of `times`; NaN where the cell is empty. */
  readonly values: Float64Array;
}

export interface CalibrationData {
  readonly fileName: string;
  readonly times: Float64Array;
  readonly columns: readonly DataColumn[];
}

export interface DataProblem {
  readonly fileName: string;
  /** Spreadsheet row (header = 1), or null for the whole file. */
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export type DataOutcome =
  | { readonly ok: true; readonly data: CalibrationData }
  | { readonly ok: false; readonly problems: readonly DataProblem[] };

/** One line: `customers.csv row 7, column Revenue: "abc" is not a number`. */
export function describeDataProblem(problem: DataProblem): string {
  const where = problem.row === null ? problem.fileName : `${problem.fileName} row ${problem.row}`;
  return `${where}${problem.column === null ? '' : `, column ${problem.column}`}: ${problem.message}`;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as a number: plain decimal notation only ("1,5" or "12%" are refused rather than guessed). */
function numberOf(cell: string): number | undefined {
  const text = cell.trim();
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/** At most this many problems are collected: a wrong file would otherwise list every cell. */
const MAX_PROBLEMS = 20;

export function readCalibrationData(csv: CalibrationCsv): DataOutcome {
  const { fileName } = csv;
  const problems: DataProblem[] = [];
  const problem = (row: number | null, column: string | null, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ fileName, row, column, message });
  };
  // Blank lines (a trailing line break) carry nothing.
  const rows = csv.records
    .map((cells, index) => ({ cells, row: index + 1 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const [headerRow, ...body] = rows;
  if (headerRow === undefined)
    return { ok: false, problems: [{ fileName, row: null, column: null, message: 'the file is empty' }] };
  const header = headerRow.cells.map((cell, index) =>
    (index === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim(),
  );
  const timeColumn = header.findIndex((name) => name.toLowerCase() === 'time');
  if (timeColumn < 0)
    problem(
      headerRow.row,
      null,
      `no time column: name one column "time" (the header is ${header.join(', ')})`,
    );
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') problem(headerRow.row, `${index + 1}`, 'the column has no name');
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined && name !== '')
      problem(headerRow.row, name, `the name is used by column ${earlier + 1} too`);
    seen.set(key, index);
  });
  if (header.length - (timeColumn < 0 ? 0 : 1) < 1)
    problem(headerRow.row, null, 'no data column: add a column per observed variable, named as in the model');
  if (body.length === 0) problem(null, null, 'no data rows under the header');
  if (problems.length > 0) return { ok: false, problems };

  const times = new Float64Array(body.length);
  const columns = header
    .map((name, index) => ({ name, index }))
    .filter(({ index }) => index !== timeColumn)
    .map(({ name, index }) => ({ header: name, index, values: new Float64Array(body.length) }));
  body.forEach(({ cells, row }, position) => {
    if (cells.length !== header.length) {
      problem(row, null, `${cells.length} cells where the header has ${header.length}`);
      return;
    }
    const timeText = cells[timeColumn] ?? '';
    const time = numberOf(timeText);
    if (time === undefined) problem(row, header[timeColumn] ?? 'time', `"${timeText}" is not a number`);
    else if (position > 0 && !(time > (times[position - 1] as number)))
      problem(
        row,
        header[timeColumn] ?? 'time',
        `${time} does not come after ${times[position - 1]}: times must increase`,
      );
    times[position] = time ?? Number.NaN;
    for (const column of columns) {
      const text = cells[column.index] ?? '';
      if (text.trim() === '') {
        column.values[position] = Number.NaN;
        continue;
      }
      const value = numberOf(text);
      if (value === undefined) problem(row, column.header, `"${text}" is not a number`);
      column.values[position] = value ?? Number.NaN;
    }
  });
  for (const column of columns) {
    if (column.values.every((value) => Number.isNaN(value)))
      problem(null, column.header, 'the column has no values');
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    data: { fileName, times, columns: columns.map(({ header: name, values }) => ({ header: name, values })) },
  };
}
