/**
 * The Measure shell's pure rules: the kind a file's columns suggest (on the sample files and hand-written
 * headers), the default name and pseudonym choice, and the CSV export's name and content (read back by papaparse).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MeasurePrivacy } from '../../../electron/api/contract';
import {
  datasetCsvFileName,
  datasetCsvText,
  namesHeld,
} from '../../../renderer/src/measure/datasets/dataset-csv';
import {
  guessKind,
  headerOf,
  nameOfFile,
  pseudonymsByDefault,
} from '../../../renderer/src/measure/import/dataset-kind';

const sample = (file: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../sample-data/measure', file), 'utf8');

const privacy = (change: Partial<MeasurePrivacy>): MeasurePrivacy => ({
  pseudonymized: false,
  idColumn: null,
  droppedColumns: [],
  keyKept: false,
  secretKept: false,
  individualConsent: false,
  minGroupSize: 5,
  note: '',
  ...change,
});

describe('guessKind', () => {
  it('reads the kind of each sample file from its header', () => {
    expect(guessKind(headerOf(sample('survey.csv')))).toBe('survey');
    expect(guessKind(headerOf(sample('kpi.csv')))).toBe('kpi');
    expect(guessKind(headerOf(sample('nps-answers.csv')))).toBe('nps');
    expect(guessKind(headerOf(sample('initiatives.csv')))).toBe('initiatives');
    expect(guessKind(headerOf(sample('script-test.csv')))).toBe('experiment');
  });

  it('compares column names as the importers do and takes team for unit', () => {
    expect(guessKind(['Date', 'Team', 'KPI', 'Value'])).toBe('kpi');
    expect(guessKind(['date', 'team', 'answer'])).toBe('nps');
    expect(guessKind(['QMEE1', 'QMEE2'])).toBe('survey');
    expect(guessKind(['respondent', 'emp_1', 'emp_2', 'emp_3'])).toBe('survey');
    // Two numbered columns are not yet a scale; a KPI without a unit is not a KPI series.
    expect(guessKind(['group', 'score1', 'score2'])).toBe('experiment');
    expect(guessKind(['date', 'kpi', 'value'])).toBe('experiment');
  });

  it('reads the header past a byte-order mark and quotes', () => {
    expect(headerOf('\uFEFF"date", unit ,answer\n2025-01-01,A,9\n')).toEqual(['date', 'unit', 'answer']);
    expect(headerOf('')).toEqual([]);
  });
});

describe('import defaults', () => {
  it('names the data set after its file and pseudonymizes people by default', () => {
    expect(nameOfFile('survey 2025.csv')).toBe('survey 2025');
    expect(nameOfFile('.csv')).toBe('.csv');
    expect(['survey', 'experiment'].every((kind) => pseudonymsByDefault(kind as 'survey'))).toBe(true);
    expect(['kpi', 'nps', 'initiatives'].some((kind) => pseudonymsByDefault(kind as 'kpi'))).toBe(false);
  });
});

describe('the table as CSV', () => {
  it('says pseudonyms in the file name, and nothing for a table as imported', () => {
    expect(datasetCsvFileName('Survey', privacy({ pseudonymized: true, idColumn: 'id' }))).toBe(
      'Survey (pseudonyms).csv',
    );
    expect(datasetCsvFileName('Survey', privacy({ idColumn: 'id' }))).toBe('Survey.csv');
    expect(namesHeld(privacy({ pseudonymized: true, idColumn: 'id' }), [])).toBe('pseudonyms');
    expect(namesHeld(privacy({ idColumn: 'id' }), [])).toBe('real');
    expect(namesHeld(privacy({}), ['name'])).toBe('real');
    expect(namesHeld(privacy({}), [])).toBe('none');
  });

  it('writes the table so that a CSV reader gets the same cells back', () => {
    const table = {
      columns: ['id', 'note'],
      rows: [
        ['P-1', 'said "hello", left'],
        ['P-2', 'two\nlines'],
      ],
    };
    const text = datasetCsvText(table);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const read = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(read.data).toEqual([
      ['id', 'note'],
      ['P-1', 'said "hello", left'],
      ['P-2', 'two\nlines'],
    ]);
  });
});
