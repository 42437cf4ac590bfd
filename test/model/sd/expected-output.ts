/**
 * Reads a test-models expected output (`output.tab` or `output.csv`) by the rules of the fixtures'
 * MANIFEST.md: CR-only, CRLF or LF line endings, blank lines skipped, tab- or comma-separated by extension,
 * the first column is time (whatever its header), blank cells carry the column's previous value forward
 * (Vensim leaves constants blank after the first row), headers compared as XMILE compares names.
 */
import { canonicalName } from '../../../model/sd/names';

export interface ExpectedOutput {
  readonly times: readonly number[];
  /** Columns by canonical name (the control variables INITIAL TIME, FINAL TIME, TIME STEP, SAVEPER left out). */
  readonly columns: ReadonlyMap<string, { readonly header: string; readonly values: readonly number[] }>;
}

const IGNORED = new Set(['initial_time', 'final_time', 'time_step', 'saveper']);

function splitRow(line: string, separator: string): string[] {
  if (separator === '\t') return line.split('\t');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] as string;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

export function readExpectedOutput(text: string, fileName: string): ExpectedOutput {
  const separator = fileName.endsWith('.csv') ? ',' : '\t';
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '');
  const [headerLine, ...rows] = lines;
  if (headerLine === undefined) throw new Error(`${fileName} is empty`);
  const headers = splitRow(headerLine, separator).map((header) => header.trim());
  const times: number[] = [];
  const values: number[][] = headers.map(() => []);
  for (const row of rows) {
    const cells = splitRow(row, separator);
    headers.forEach((_, column) => {
      const cell = (cells[column] ?? '').trim();
      const previous = values[column]?.at(-1) ?? Number.NaN;
      values[column]?.push(cell === '' ? previous : Number(cell));
    });
    times.push(values[0]?.at(-1) ?? Number.NaN);
  }
  const columns = new Map<string, { header: string; values: number[] }>();
  headers.forEach((header, column) => {
    const key = canonicalName(header);
    if (column === 0 || IGNORED.has(key)) return;
    columns.set(key, { header, values: values[column] ?? [] });
  });
  return { times, columns };
}

/** PySD's tolerance (pytest_integration): |actual - expected| <= 1e-5 + 1e-5*|expected|. */
export function withinTolerance(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= 1e-5 + 1e-5 * Math.abs(expected);
}
