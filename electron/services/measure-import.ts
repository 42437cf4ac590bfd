/**
 * Reads a measurement file (issue 10) into the table a data set keeps, or names every problem with its file, row
 * and column (spreadsheet numbering: the header is row 1). The CSV is read by model/stats's reader, as the CLI
 * reads it; each kind is checked by the model/measure parser the app and the CLI use later (a KPI's dates and
 * values, an NPS answer from 0 to 10, an initiative's date and label, a survey's answers to its scale's items),
 * so a file accepted here is one they can read.
 *
 * People data (issue 11): the id column (given, or found by name) is replaced with stable pseudonyms by the
 * same HMAC-SHA256 function as a network import, under a fresh secret per data set, and the identifying
 * columns are dropped (model/privacy pseudonymizeTable).
 */
import {
  assignPseudonyms,
  isIdentifyingColumn,
  normalizeColumnName,
  pseudonymizeTable,
  type PseudonymEntry,
} from '../../model/privacy';
import {
  BUILTIN_SCALES,
  npsSeries,
  parseInitiatives,
  parseKpiSeries,
  readGroupSizes,
  resolveColumns,
  scoreSurvey,
  scoringKey,
  type ScaleSpec,
  type ScoringKey,
} from '../../model/measure';
import { parseCsv, readCsvText } from '../../model/stats';
import {
  cellAt,
  isMissing,
  parseNumberCell,
  spreadsheetRow,
  type CellProblem,
  type DataTable,
} from '../../model/stats/data-table';
import type { MeasureImportPreview, MeasureImportProblem } from '../api/parts/measure.contract';
import { OperationError } from '../api/result';
import { checkSettings } from '../store/measure-datasets';
import {
  measureTableSchema,
  type MeasureDatasetKind,
  type MeasureSettings,
  type MeasureTable,
  type SurveySettings,
} from '../store/measure-document';
import { digestWith } from './network-pseudonyms';

/** Problems spelled out in a refused import (the count of the rest follows). */
export const PROBLEMS_IN_REFUSAL = 20;
/** Problems a preview lists; a file with more is summarized by the last one. */
const PROBLEMS_IN_PREVIEW = 200;
const SAMPLE_ROWS = 10;

/** Column names (after normalizeColumnName) taken for the id column when none is given, in this order. */
export const ID_COLUMN_NAMES: readonly string[] = [
  'id',
  'respondent',
  'respondentid',
  'employee',
  'employeeid',
];

export interface MeasureSource {
  readonly kind: MeasureDatasetKind;
  readonly fileName: string;
  readonly text: string;
  readonly idColumn?: string | undefined;
}

/** A file read and checked: what a preview shows and an import keeps. */
export interface MeasureReading {
  readonly table: MeasureTable;
  readonly idColumn: string | null;
  readonly identifyingColumns: string[];
  readonly suggestedScale: 'iri' | 'qmee' | null;
  readonly problems: MeasureImportProblem[];
}

/** A problem as a sentence naming the file (model/ messages already begin with the row and column). */
const inFile = (fileName: string, problem: CellProblem): MeasureImportProblem => ({
  row: problem.row,
  column: problem.column,
  message: problem.row === null ? `${fileName}: ${problem.message}` : `${fileName} ${problem.message}`,
});

const hasItems = (columns: readonly string[], prefix: string, count: number): boolean => {
  const names = new Set(columns.map(normalizeColumnName));
  for (let item = 1; item <= count; item++) if (!names.has(`${prefix}${item}`)) return false;
  return true;
};

/**
 * 'iri' when the columns include IRI1..IRI28, 'qmee' for QMEE1..QMEE33, else null; ignoring case, spaces,
 * underscores, dots and hyphens ("iri_3", "IRI 3"), which scoring's column matching ignores too.
 */
export function suggestScale(columns: readonly string[]): 'iri' | 'qmee' | null {
  if (hasItems(columns, 'iri', 28)) return 'iri';
  if (hasItems(columns, 'qmee', 33)) return 'qmee';
  return null;
}

/** The column given, or the first named id, respondent (id) or employee (id); null when there is none. */
function idColumnOf(columns: readonly string[], given: string | undefined): string | null {
  if (given !== undefined) return columns.includes(given) ? given : null;
  for (const name of ID_COLUMN_NAMES) {
    const found = columns.find((column) => normalizeColumnName(column) === name);
    if (found !== undefined) return found;
  }
  return null;
}

/** The header's and rows' shape: names present and unique, every row as wide as the header, the size bounds. */
function shapeProblems(table: DataTable): CellProblem[] {
  const problems: CellProblem[] = [];
  // Names differing only in case are one name to the kind's parsers (they look columns up in lower case).
  const seen = new Map<string, number>();
  table.columns.forEach((column, index) => {
    const key = column.toLowerCase();
    const earlier = seen.get(key);
    if (column === '')
      problems.push({ row: 1, column: null, message: `row 1: column ${index + 1} has no name` });
    else if (earlier !== undefined)
      problems.push({
        row: 1,
        column,
        message: `row 1, column "${column}": the name is used twice (columns ${earlier + 1} and ${index + 1})`,
      });
    else seen.set(key, index);
  });
  if (!measureTableSchema.shape.columns.safeParse(table.columns).success)
    problems.push({
      row: 1,
      column: null,
      message: `row 1: the header has ${table.columns.length} columns; a data set holds at most 2000 columns of at most 500 characters`,
    });
  if (table.rows.length > 1_000_000)
    problems.push({
      row: null,
      column: null,
      message: `${table.rows.length} rows; a data set holds at most 1,000,000`,
    });
  table.rows.forEach((cells, index) => {
    const row = spreadsheetRow(index);
    if (cells.length !== table.columns.length) {
      const column = cells.length < table.columns.length ? (table.columns[cells.length] ?? null) : null;
      problems.push({
        row,
        column,
        message:
          cells.length < table.columns.length
            ? `row ${row}, column "${column ?? ''}": the row ends after ${cells.length} cells, but the header has ${table.columns.length} columns`
            : `row ${row}: the row has ${cells.length} cells, but the header has ${table.columns.length} columns`,
      });
    }
    const long = cells.findIndex((cell) => cell.length > 10_000);
    if (long >= 0)
      problems.push({
        row,
        column: table.columns[long] ?? null,
        message: `row ${row}, column "${table.columns[long] ?? ''}": the cell is longer than 10,000 characters`,
      });
  });
  return problems;
}

/** The key a survey's answers are checked and scored with: its settings', else the shipped scale's. */
export function surveyKey(
  settings: Pick<SurveySettings, 'scale' | 'customSpec' | 'reverse' | 'range'>,
): { ok: true; value: ScoringKey } | { ok: false; error: string } {
  const spec: ScaleSpec | undefined =
    settings.scale === 'custom' ? settings.customSpec : BUILTIN_SCALES[settings.scale];
  if (spec === undefined) return { ok: false, error: 'the custom scale has no spec' };
  return scoringKey(spec, {
    ...(settings.reverse === undefined ? {} : { reverse: settings.reverse }),
    ...(settings.range === undefined ? {} : { answers: { min: settings.range[0], max: settings.range[1] } }),
  });
}

/**
 * A survey's answers: with settings, as they would score it (columns, range); without, the suggested scale's
 * item columns must hold numbers or nothing (IRI: 0 to 4, Davis 1980; QMEE is answered on +4..-4 or 1..9 by
 * version, so only numbers are required until the user sets the range). No scale matched: nothing to check yet.
 */
function surveyProblems(
  table: DataTable,
  suggested: 'iri' | 'qmee' | null,
  settings: SurveySettings | undefined,
): CellProblem[] {
  const scale = settings ?? (suggested === null ? undefined : { scale: suggested });
  if (scale === undefined) return [];
  // The reverse key does not change which answers are valid; QMEE ships without one (see model/measure README).
  const key = surveyKey({ reverse: [], ...scale });
  if (!key.ok) return [{ row: null, column: null, message: key.error }];
  const columns = resolveColumns(table, key.value, settings?.columns ?? {});
  if (!columns.ok) return [{ row: null, column: null, message: columns.error }];
  if (settings !== undefined || suggested === 'iri')
    return [...scoreSurveyProblems(table, key.value, columns.value)];
  const problems: CellProblem[] = [];
  table.rows.forEach((cells, index) => {
    const row = spreadsheetRow(index);
    for (const column of Object.values(columns.value)) {
      const cell = cellAt(cells, table.columns.indexOf(column));
      if (!isMissing(cell) && parseNumberCell(cell) === undefined)
        problems.push({
          row,
          column,
          message: `row ${row}, column "${column}": "${cell.trim()}" is not a number`,
        });
    }
  });
  return problems;
}

const scoreSurveyProblems = (
  table: DataTable,
  key: ScoringKey,
  columns: Readonly<Record<string, string>>,
): readonly CellProblem[] => {
  const scored = scoreSurvey(table, key, { columns });
  return scored.ok ? [] : scored.problems;
};

function kindProblems(
  table: DataTable,
  kind: MeasureDatasetKind,
  suggested: 'iri' | 'qmee' | null,
  settings: MeasureSettings | undefined,
): readonly CellProblem[] {
  switch (kind) {
    case 'kpi': {
      const parsed = parseKpiSeries(table);
      // The optional n column (the people behind each figure) is read as the KPI tab and `kpi series` read it.
      return [...(parsed.ok ? [] : parsed.problems), ...readGroupSizes(table).problems];
    }
    case 'nps': {
      const parsed = npsSeries(table, 'month');
      return parsed.ok ? [] : parsed.problems;
    }
    case 'initiatives': {
      const parsed = parseInitiatives(table);
      return parsed.ok ? [] : parsed.problems;
    }
    case 'survey':
      return surveyProblems(table, suggested, settings?.kind === 'survey' ? settings : undefined);
    case 'experiment':
      return [];
  }
}

const isBlankRecord = (record: readonly string[]): boolean => record.every((cell) => cell.trim() === '');

/**
 * Problems renumbered to the file's rows. The reader drops blank lines (readCsvText), so model/'s row numbers
 * count the rows kept; after a blank line they would point one row too high in the user's spreadsheet. Only a
 * file with a blank line is read a second time, by the same parser, for its record numbers.
 */
function sheetRows(text: string, problems: readonly CellProblem[]): (problem: CellProblem) => CellProblem {
  const same = (problem: CellProblem) => problem;
  if (problems.length === 0 || !/(^|\n)[ \t,;]*\n[^]/.test(text.replace(/\r\n?/g, '\n'))) return same;
  const rows = parseCsv(text)
    .records.map((record, index) => (isBlankRecord(record) ? -1 : index + 1))
    .filter((row) => row > 0);
  // rows[0] is the header's row; the table's row r (header = 1) is the file's rows[r - 1].
  const fileRow = (row: number): number => rows[row - 1] ?? row;
  if (rows.every((row, index) => row === index + 1)) return same;
  return (problem) =>
    problem.row === null
      ? problem
      : {
          ...problem,
          row: fileRow(problem.row),
          message: problem.message.replace(
            /\brow (\d+)\b/g,
            (_match, row: string) => `row ${fileRow(Number(row))}`,
          ),
        };
}

/**
 * Reads and checks the file; nothing is written. invalid-input only when the text is not a table at all (not
 * CSV, or empty); every other problem is listed, with its row and column.
 */
export function readMeasureFile(source: MeasureSource, settings?: MeasureSettings): MeasureReading {
  const read = readCsvText(source.text, source.fileName);
  if (!read.ok)
    // The reader's message names the file already ("survey.csv is empty", "row 3: survey.csv is not valid CSV").
    throw new OperationError('invalid-input', `Nothing was read: ${read.problem.message}.`);
  const { columns } = read.table;
  const rows = read.table.rows.map((cells) => [...cells]);
  const table = { columns: [...columns], rows };
  const problems: CellProblem[] = [...shapeProblems(table)];
  if (rows.length === 0)
    problems.push({ row: null, column: null, message: 'the file has a header but no rows' });
  const idColumn = idColumnOf(columns, source.idColumn);
  if (source.idColumn !== undefined && idColumn === null)
    problems.push({
      row: 1,
      column: source.idColumn,
      message: `row 1: there is no column "${source.idColumn}" to take the ids from (the columns: ${columns.join(', ')})`,
    });
  const suggestedScale = source.kind === 'survey' ? suggestScale(columns) : null;
  // Checks by kind read the cells by column name: only on a well-formed table, or they would misplace problems.
  if (problems.length === 0) problems.push(...kindProblems(table, source.kind, suggestedScale, settings));
  const inSheet = sheetRows(source.text, problems);
  return {
    table,
    idColumn,
    identifyingColumns: columns.filter((column) => column !== idColumn && isIdentifyingColumn(column)),
    suggestedScale,
    problems: problems.map((problem) => inFile(source.fileName, inSheet(problem))),
  };
}

export function previewOf(source: MeasureSource, reading: MeasureReading): MeasureImportPreview {
  const shown = reading.problems.slice(0, PROBLEMS_IN_PREVIEW);
  const more = reading.problems.length - shown.length;
  return {
    kind: source.kind,
    columns: reading.table.columns,
    rowCount: reading.table.rows.length,
    sample: reading.table.rows.slice(0, SAMPLE_ROWS),
    idColumn: reading.idColumn,
    identifyingColumns: reading.identifyingColumns,
    problems:
      more > 0
        ? [
            ...shown,
            { row: null, column: null, message: `${source.fileName}: ... and ${more} more problems` },
          ]
        : shown,
    suggestedScale: reading.suggestedScale,
  };
}

/** Refuses the import with every problem (up to PROBLEMS_IN_REFUSAL spelled out), or returns. */
export function assertImportable(fileName: string, problems: readonly MeasureImportProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.slice(0, PROBLEMS_IN_REFUSAL).map((problem) => problem.message);
  const more = problems.length - lines.length;
  if (more > 0) lines.push(`... and ${more} more problem${more === 1 ? '' : 's'}.`);
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  throw new OperationError(
    'invalid-input',
    `Nothing was imported: ${fileName} has ${count}.\n${lines.join('\n')}`,
  );
}

/**
 * The settings a new data set starts with when the import gives none: a survey whose columns match a shipped
 * scale is scored with it (id, team and wave columns taken when present); a KPI series with no unit sizes; an
 * experiment with no comparison yet; NPS answers and initiatives need none.
 */
export function defaultSettings(kind: MeasureDatasetKind, reading: MeasureReading): MeasureSettings | null {
  switch (kind) {
    case 'survey': {
      if (reading.suggestedScale === null) return null;
      const named = (name: string) =>
        reading.table.columns.find((column) => normalizeColumnName(column) === name);
      const team = named('team');
      const wave = named('wave');
      return {
        kind: 'survey',
        scale: reading.suggestedScale,
        columns: {},
        ...(reading.idColumn === null ? {} : { idColumn: reading.idColumn }),
        ...(team === undefined ? {} : { teamColumn: team }),
        ...(wave === undefined ? {} : { waveColumn: wave }),
      };
    }
    case 'kpi':
      return { kind: 'kpi', unitSizes: {} };
    case 'experiment':
      return { kind: 'experiment' };
    case 'nps':
    case 'initiatives':
      return null;
  }
}

export interface PseudonymizedMeasureTable {
  readonly table: MeasureTable;
  readonly mapping: PseudonymEntry[];
  readonly droppedColumns: string[];
}

/**
 * The table with pseudonyms for the id column's cells (HMAC under the data set's secret) and no identifying
 * columns; `person` null (no id column): only the identifying columns are dropped, and the mapping is empty.
 */
export function pseudonymizeMeasureTable(
  table: MeasureTable,
  person: { readonly idColumn: string; readonly secret: Buffer } | null,
): PseudonymizedMeasureTable {
  const idIndex = person === null ? -1 : table.columns.indexOf(person.idColumn);
  const ids = idIndex < 0 ? [] : table.rows.map((row) => (row[idIndex] ?? '').trim());
  const pseudonyms =
    person === null
      ? new Map<string, string>()
      : assignPseudonyms(
          ids.filter((id) => id !== ''),
          digestWith(person.secret),
        );
  const result = pseudonymizeTable(table, person?.idColumn, (realId) => {
    const pseudonym = pseudonyms.get(realId);
    if (pseudonym === undefined) throw new OperationError('internal', 'An id was read without a pseudonym.');
    return pseudonym;
  });
  return {
    table: { columns: [...result.table.columns], rows: result.table.rows.map((row) => [...row]) },
    mapping: result.mapping,
    droppedColumns: result.droppedColumns,
  };
}

/** The settings given with an import, checked as measure.updateSettings checks them. */
export const checkedImportSettings = (
  kind: MeasureDatasetKind,
  columns: readonly string[],
  settings: MeasureSettings | undefined,
): MeasureSettings | null => (settings === undefined ? null : checkSettings(kind, columns, settings));
