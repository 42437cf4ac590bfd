/**
 * CSV text to the table model/ validates (model/stats/data-table.ts), by papaparse (RFC 4180: quoted fields,
 * embedded commas and line breaks). The delimiter is guessed among comma, semicolon and tab, because
 * spreadsheets in many European locales save with semicolons. A file that does not parse is reported with its
 * spreadsheet row, like every other import problem.
 */
import Papa from 'papaparse';
import type { CellProblem, DataTable } from '../../model/stats';

export type CsvReading =
  { readonly ok: true; readonly table: DataTable } | { readonly ok: false; readonly problem: CellProblem };

export function readCsvText(text: string, what: string): CsvReading {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  const problem = parsed.errors.find((error) => error.type !== 'Delimiter');
  if (problem !== undefined) {
    const row = problem.row === undefined ? null : problem.row + 1;
    return {
      ok: false,
      problem: {
        row,
        column: null,
        message: `${row === null ? '' : `row ${row}: `}${what} is not valid CSV: ${problem.message}`,
      },
    };
  }
  const [header, ...rows] = parsed.data;
  if (header === undefined || header.every((cell) => cell.trim() === ''))
    return { ok: false, problem: { row: null, column: null, message: `${what} is empty (no header row)` } };
  return { ok: true, table: { columns: header.map((column) => column.trim()), rows } };
}
