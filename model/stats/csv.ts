/**
 * CSV text to records (RFC 4180: quoted fields, `""` for a quote, commas and line breaks inside quotes; CRLF, LF
 * or CR line endings; a leading byte-order mark dropped). One reader for the CLI, the backend and the page: the
 * renderer may import model/ but not electron/, and papaparse cannot live here because its types pull Node's
 * streams into model/ (model/network/import.ts). Each earlier caller wrapped papaparse its own way, with row
 * numbers that disagreed by one; this gives one numbering, the spreadsheet's: the header is row 1.
 *
 * The delimiter is guessed among comma, semicolon and tab, because spreadsheets in many European locales save
 * with semicolons. The guess is papaparse's rule: over the first records, the candidate whose field count varies
 * least between consecutive records, among those giving more than one field on average; ties go to more fields.
 */
import type { CellProblem, DataTable } from './data-table';

export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATE_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Records sampled to guess the delimiter (papaparse samples 10). */
const GUESS_SAMPLE = 10;

export interface CsvRecords {
  /** Every record in order, the header first; a blank line is a record of one empty cell, so rows keep their numbers. */
  readonly records: string[][];
  readonly delimiter: CsvDelimiter;
  /** Malformed quoting, each at the spreadsheet row (1-based record number) where its record starts. */
  readonly problems: readonly { readonly row: number; readonly message: string }[];
}

interface ParseOutcome {
  readonly records: string[][];
  readonly problems: { row: number; message: string }[];
}

function parseWith(text: string, delimiter: CsvDelimiter, maxRecords = Infinity): ParseOutcome {
  const records: string[][] = [];
  const problems: { row: number; message: string }[] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  const length = text.length;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (index < length && records.length < maxRecords) {
    const char = text[index];
    if (char === '"' && field === '') {
      // A quoted field: runs to the next quote not doubled.
      const row = records.length + 1;
      let closed = false;
      index += 1;
      while (index < length) {
        const next = text.indexOf('"', index);
        if (next === -1) {
          field += text.slice(index);
          index = length;
          break;
        }
        field += text.slice(index, next);
        if (text[next + 1] === '"') {
          field += '"';
          index = next + 2;
        } else {
          index = next + 1;
          closed = true;
          break;
        }
      }
      if (!closed) {
        problems.push({ row, message: 'a quoted field is not closed (a " is missing)' });
        continue;
      }
      const after = text[index];
      if (after !== undefined && after !== delimiter && after !== '\n' && after !== '\r') {
        problems.push({ row, message: 'a quoted field has text after its closing quote' });
      }
      continue;
    }
    if (char === delimiter) {
      record.push(field);
      field = '';
      index += 1;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      // Up to the next delimiter, line break or quote, in one slice.
      let end = index + 1;
      while (end < length) {
        const c = text[end];
        if (c === delimiter || c === '\n' || c === '\r' || c === '"') break;
        end += 1;
      }
      field += text.slice(index, end);
      index = end;
    }
  }
  // The last record, unless the text ended with a line break.
  if (records.length < maxRecords && (field !== '' || record.length > 0)) endRecord();
  return { records, problems };
}

function guessDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; delta: number; average: number } | undefined;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const sample = parseWith(text, delimiter, GUESS_SAMPLE).records.filter(
      (record) => !(record.length === 1 && record[0] === ''),
    );
    if (sample.length === 0) continue;
    let delta = 0;
    let total = 0;
    sample.forEach((record, i) => {
      total += record.length;
      const previous = sample[i - 1];
      if (previous !== undefined) delta += Math.abs(record.length - previous.length);
    });
    const average = total / sample.length;
    if (average <= 1.99) continue;
    if (best === undefined || delta < best.delta || (delta === best.delta && average > best.average)) {
      best = { delimiter, delta, average };
    }
  }
  // A one-column file (an id list) has no delimiter to find: any will do.
  return best?.delimiter ?? ',';
}

/** Parses CSV text into records, guessing the delimiter unless given. */
export function parseCsv(text: string, options: { readonly delimiter?: CsvDelimiter } = {}): CsvRecords {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter ?? guessDelimiter(clean);
  const { records, problems } = parseWith(clean, delimiter);
  return { records, delimiter, problems };
}

const isBlankRecord = (record: readonly string[]): boolean => record.every((cell) => cell.trim() === '');

export type CsvReading =
  { readonly ok: true; readonly table: DataTable } | { readonly ok: false; readonly problem: CellProblem };

/**
 * CSV text to the table model/ validates: the first record is the header (names trimmed), blank lines are
 * dropped. `what` names the file in messages ("responses.csv", "the profiles file").
 */
export function readCsvText(text: string, what: string): CsvReading {
  const { records, problems } = parseCsv(text);
  const first = problems[0];
  if (first !== undefined) {
    return {
      ok: false,
      problem: {
        row: first.row,
        column: null,
        message: `row ${first.row}: ${what} is not valid CSV: ${first.message}`,
      },
    };
  }
  const [header, ...rows] = records.filter((record) => !isBlankRecord(record));
  if (header === undefined)
    return { ok: false, problem: { row: null, column: null, message: `${what} is empty (no header row)` } };
  return { ok: true, table: { columns: header.map((column) => column.trim()), rows } };
}
