/**
 * A CSV file the user opens, read in the page (papaparse, RFC 4180; comma, semicolon or tab guessed, since
 * spreadsheets in many locales save with semicolons) into the table model/stats validates. A file that does not
 * parse is reported with its spreadsheet row.
 */
import Papa from 'papaparse';
import type { DataTable } from '../../../model/stats';

export type CsvTableReading =
  { readonly ok: true; readonly table: DataTable } | { readonly ok: false; readonly message: string };

export function readCsvTable(text: string, fileName: string): CsvTableReading {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  const problem = parsed.errors.find((error) => error.type !== 'Delimiter');
  if (problem !== undefined)
    return {
      ok: false,
      message: `${fileName} is not valid CSV${problem.row === undefined ? '' : ` (row ${problem.row + 1})`}: ${problem.message}`,
    };
  const [header, ...rows] = parsed.data;
  if (header === undefined || header.every((cell) => cell.trim() === ''))
    return { ok: false, message: `${fileName} is empty: it has no header row.` };
  return { ok: true, table: { columns: header.map((column) => column.trim()), rows } };
}
