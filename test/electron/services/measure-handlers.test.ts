/**
 * The measurement toolkit's data sets through the measure.* operations (issue 10; people data by issue 11), on
 * the sample organization's files, with a real workspace in a temp folder: each sample file previewed and
 * imported as its kind, bad files refused with their file, row and column named and nothing written, the
 * default settings, settings of the wrong kind refused, names made free and clashes refused.
 *
 * Expected counts come from the files themselves (wc -l, the sample README), not from this code's output.
 */
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpMeasure } from './measure-support';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/measure');
const sampleText = (name: string): string => fs.readFileSync(join(SAMPLE, name), 'utf8');

/** The sample files with their kind and the data rows `wc -l` counts (lines minus the header). */
const SAMPLES = [
  { file: 'survey.csv', kind: 'survey', rows: 200, columns: 32 },
  { file: 'kpi.csv', kind: 'kpi', rows: 576, columns: 4 },
  { file: 'nps-answers.csv', kind: 'nps', rows: 1440, columns: 3 },
  { file: 'initiatives.csv', kind: 'initiatives', rows: 6, columns: 3 },
  { file: 'script-test.csv', kind: 'experiment', rows: 400, columns: 4 },
] as const;

describe('importing the sample files', () => {
  it.each(SAMPLES)('previews and imports $file as $kind', async ({ file, kind, rows, columns }) => {
    const { workspace, project, call, datasetRows } = setUpMeasure();
    const source = { projectId: project.id, kind, fileName: file, text: sampleText(file) };
    const preview = await call('measure.previewImport', source);
    expect(preview.problems).toEqual([]);
    expect(preview.rowCount).toBe(rows);
    expect(preview.columns).toHaveLength(columns);
    expect(preview.sample).toHaveLength(Math.min(10, rows));
    expect(datasetRows()).toBe(0);

    const dataset = await call('measure.import', { ...source, name: `Sample ${kind}` });
    expect(dataset.kind).toBe(kind);
    expect(dataset.rowCount).toBe(rows);
    expect(dataset.table.rows).toHaveLength(rows);
    expect(dataset.fileName).toBe(file);
    expect(dataset.privacy).toMatchObject({ pseudonymized: false, keyKept: false, secretKept: false });
    expect(await call('measure.get', { id: dataset.id })).toEqual(dataset);
    const listed = await call('measure.list', { projectId: project.id, kind });
    expect(listed.map((summary) => summary.id)).toEqual([dataset.id]);
    expect(listed[0]).not.toHaveProperty('table');
    workspace.close();
  });

  it('reads the survey as the IRI, with id, team and wave found, and keeps its cells as written', async () => {
    const { workspace, project, call } = setUpMeasure();
    const text = sampleText('survey.csv');
    const source = { projectId: project.id, kind: 'survey' as const, fileName: 'survey.csv', text };
    const preview = await call('measure.previewImport', source);
    expect(preview.suggestedScale).toBe('iri');
    expect(preview.idColumn).toBe('id');
    expect(preview.identifyingColumns).toEqual([]);
    const dataset = await call('measure.import', { ...source, name: 'Survey' });
    expect(dataset.settings).toEqual({
      kind: 'survey',
      scale: 'iri',
      columns: {},
      idColumn: 'id',
      teamColumn: 'team',
      waveColumn: 'wave',
    });
    const lines = text.trim().split('\n');
    expect(dataset.table.rows[0]).toEqual(lines[1]?.split(','));
    expect(dataset.table.rows.at(-1)).toEqual(lines.at(-1)?.split(','));
    workspace.close();
  });

  it('gives each kind its default settings', async () => {
    const { workspace, project, call } = setUpMeasure();
    const settingsOf = async (file: string, kind: (typeof SAMPLES)[number]['kind']) =>
      (
        await call('measure.import', {
          projectId: project.id,
          kind,
          fileName: file,
          name: file,
          text: sampleText(file),
        })
      ).settings;
    expect(await settingsOf('kpi.csv', 'kpi')).toEqual({ kind: 'kpi', unitSizes: {} });
    expect(await settingsOf('script-test.csv', 'experiment')).toEqual({ kind: 'experiment' });
    expect(await settingsOf('nps-answers.csv', 'nps')).toBeNull();
    expect(await settingsOf('initiatives.csv', 'initiatives')).toBeNull();
    // A survey of no known scale waits for the user's custom scale.
    expect(await settingsOf('script-test.csv', 'survey')).toBeNull();
    workspace.close();
  });
});

/** The sample file with one cell replaced: `row` in spreadsheet numbering (header = 1), `column` by name. */
function withCell(file: string, row: number, column: string, value: string): string {
  const lines = sampleText(file).split('\n');
  const header = (lines[0] ?? '').split(',');
  const cells = (lines[row - 1] ?? '').split(',');
  cells[header.indexOf(column)] = value;
  lines[row - 1] = cells.join(',');
  return lines.join('\n');
}

describe('refusing a bad file', () => {
  const BAD_FILES = [
    {
      what: 'a text answer in IRI3 at row 5',
      kind: 'survey',
      fileName: 'survey.csv',
      text: () => withCell('survey.csv', 5, 'IRI3', 'often'),
      row: 5,
      column: 'IRI3',
      says: 'survey.csv row 5, column "IRI3": "often" is not an answer from 0 to 4',
    },
    {
      what: 'an IRI answer out of the 0-4 range',
      kind: 'survey',
      fileName: 'survey.csv',
      text: () => withCell('survey.csv', 9, 'IRI28', '5'),
      row: 9,
      column: 'IRI28',
      says: 'survey.csv row 9, column "IRI28": "5" is not an answer from 0 to 4 (out of range)',
    },
    {
      what: 'a bad date in kpi row 7',
      kind: 'kpi',
      fileName: 'kpi.csv',
      text: () => withCell('kpi.csv', 7, 'date', '2024-13-01'),
      row: 7,
      column: 'date',
      says: 'kpi.csv row 7, column "date": "2024-13-01" is not a date written YYYY-MM-DD',
    },
    {
      what: 'a KPI figure whose number of people is not a whole number',
      kind: 'kpi',
      fileName: 'kpi.csv',
      text: () =>
        'date,unit,kpi,value,n\n2025-01-01,Care,engagement,3.5,12\n2025-02-01,Care,engagement,3.6,11.5\n',
      row: 3,
      column: 'n',
      says: 'kpi.csv row 3, column "n": "11.5" is not a number of people (a whole number from 0)',
    },
    {
      what: 'an NPS answer of 11',
      kind: 'nps',
      fileName: 'nps-answers.csv',
      text: () => withCell('nps-answers.csv', 3, 'answer', '11'),
      row: 3,
      column: 'answer',
      says: 'nps-answers.csv row 3, column "answer": "11" is not a whole number from 0 to 10',
    },
    {
      what: 'an initiative without a label',
      kind: 'initiatives',
      fileName: 'initiatives.csv',
      text: () => withCell('initiatives.csv', 4, 'label', ''),
      row: 4,
      column: 'label',
      says: 'initiatives.csv row 4: the initiative has no label',
    },
    {
      what: 'a duplicate column name',
      kind: 'experiment',
      fileName: 'calls.csv',
      text: () => 'call,script,resolved,script\nc1,A,yes,B\n',
      row: 1,
      column: 'script',
      says: 'calls.csv row 1, column "script": the name is used twice (columns 2 and 4)',
    },
    {
      what: 'a column name used twice in another case',
      kind: 'kpi',
      fileName: 'kpi.csv',
      text: () => 'date,unit,kpi,value,Unit\n2025-01-01,Care,nps,10,Sales\n',
      row: 1,
      column: 'Unit',
      says: 'kpi.csv row 1, column "Unit": the name is used twice (columns 2 and 5)',
    },
    {
      what: 'a row shorter than the header',
      kind: 'experiment',
      fileName: 'calls.csv',
      text: () => 'call,script,resolved\nc1,A,yes\nc2,B\n',
      row: 3,
      column: 'resolved',
      says: 'calls.csv row 3, column "resolved": the row ends after 2 cells, but the header has 3 columns',
    },
    {
      what: 'a row longer than the header',
      kind: 'experiment',
      fileName: 'calls.csv',
      text: () => 'call,script,resolved\nc1,A,yes,extra\n',
      row: 2,
      column: null,
      says: 'calls.csv row 2: the row has 4 cells, but the header has 3 columns',
    },
    {
      what: 'a header without rows',
      kind: 'experiment',
      fileName: 'calls.csv',
      text: () => 'call,script,resolved\n',
      row: null,
      column: null,
      says: 'calls.csv: the file has a header but no rows',
    },
  ] as const;

  it.each(BAD_FILES)(
    'names the file, row and column of $what, and writes nothing',
    async ({ kind, fileName, text, row, column, says }) => {
      const { workspace, project, call, refusal, datasetRows } = setUpMeasure();
      const source = { projectId: project.id, kind, fileName, text: text() };
      const preview = await call('measure.previewImport', source);
      expect(preview.problems).toEqual([{ row, column, message: says }]);
      const refused = await refusal('measure.import', { ...source, name: 'Bad' });
      expect(refused.code).toBe('invalid-input');
      expect(refused.message).toBe(`Nothing was imported: ${fileName} has a problem.\n${says}`);
      expect(datasetRows()).toBe(0);
      expect(workspace.db.prepare('SELECT count(*) FROM measure_pseudonym_keys').pluck().get()).toBe(0);
      workspace.close();
    },
  );

  it("names the file's own row after a blank line, which the reader skips", async () => {
    const { workspace, project, call } = setUpMeasure();
    const lines = withCell('kpi.csv', 7, 'date', '2024-13-01').split('\n');
    lines.splice(3, 0, '', ',,,');
    const preview = await call('measure.previewImport', {
      projectId: project.id,
      kind: 'kpi',
      fileName: 'kpi.csv',
      text: lines.join('\n'),
    });
    // Two blank lines above it: the bad date is now on the file's row 9.
    expect(preview.problems).toEqual([
      {
        row: 9,
        column: 'date',
        message: 'kpi.csv row 9, column "date": "2024-13-01" is not a date written YYYY-MM-DD',
      },
    ]);
    expect(preview.rowCount).toBe(576);
    workspace.close();
  });

  it('refuses an empty file in the preview and the import', async () => {
    const { workspace, project, refusal, datasetRows } = setUpMeasure();
    const source = { projectId: project.id, kind: 'kpi' as const, fileName: 'kpi.csv', text: '' };
    for (const refused of [
      await refusal('measure.previewImport', source),
      await refusal('measure.import', { ...source, name: 'Empty' }),
    ]) {
      expect(refused.code).toBe('invalid-input');
      expect(refused.message).toBe('Nothing was read: kpi.csv is empty (no header row).');
    }
    expect(datasetRows()).toBe(0);
    workspace.close();
  });

  it('lists up to 20 problems in the refusal and counts the rest', async () => {
    const { workspace, project, refusal, datasetRows } = setUpMeasure();
    let text = sampleText('nps-answers.csv');
    // Rows 2 to 26: 25 answers of 12, each a problem.
    for (let row = 2; row <= 26; row++) {
      const lines = text.split('\n');
      lines[row - 1] = (lines[row - 1] ?? '').replace(/,\d+$/, ',12');
      text = lines.join('\n');
    }
    const refused = await refusal('measure.import', {
      projectId: project.id,
      kind: 'nps',
      fileName: 'nps-answers.csv',
      text,
      name: 'NPS',
    });
    const lines = refused.message.split('\n');
    expect(lines[0]).toBe('Nothing was imported: nps-answers.csv has 25 problems.');
    expect(lines.slice(1, 21)).toHaveLength(20);
    expect(lines[1]).toBe('nps-answers.csv row 2, column "answer": "12" is not a whole number from 0 to 10');
    expect(lines[20]).toBe(
      'nps-answers.csv row 21, column "answer": "12" is not a whole number from 0 to 10',
    );
    expect(lines[21]).toBe('... and 5 more problems.');
    expect(lines).toHaveLength(22);
    expect(datasetRows()).toBe(0);
    workspace.close();
  });

  it('refuses an id column the file does not have, and an unknown project before reading', async () => {
    const { workspace, project, refusal, call } = setUpMeasure();
    const source = {
      projectId: project.id,
      kind: 'survey' as const,
      fileName: 'survey.csv',
      text: sampleText('survey.csv'),
    };
    const preview = await call('measure.previewImport', { ...source, idColumn: 'respondent' });
    expect(preview.problems[0]).toMatchObject({ row: 1, column: 'respondent' });
    expect(preview.problems[0]?.message).toMatch(/^survey\.csv row 1: there is no column "respondent"/);
    const unknown = await refusal('measure.import', {
      ...source,
      projectId: '0b0c2f43-5d8e-4a4e-9a43-2b7f3e9b1c11' as typeof project.id,
      name: 'Lost',
    });
    expect(unknown.code).toBe('not-found');
    workspace.close();
  });
});

describe('settings', () => {
  it('refuses import settings of another kind, and updateSettings of another kind or a custom scale without spec', async () => {
    const { workspace, project, call, refusal, datasetRows } = setUpMeasure();
    const source = {
      projectId: project.id,
      kind: 'kpi' as const,
      fileName: 'kpi.csv',
      text: sampleText('kpi.csv'),
    };
    const wrongKind = await refusal('measure.import', {
      ...source,
      name: 'KPIs',
      settings: { kind: 'experiment' },
    });
    expect(wrongKind).toEqual({
      code: 'invalid-input',
      message: 'The settings are for an experiment data set, but this data set is a kpi.',
    });
    expect(datasetRows()).toBe(0);
    const dataset = await call('measure.import', {
      ...source,
      name: 'KPIs',
      settings: { kind: 'kpi', unitSizes: { 'Customer Care': 18 } },
    });
    expect(dataset.settings).toEqual({ kind: 'kpi', unitSizes: { 'Customer Care': 18 } });
    const survey = await call('measure.import', {
      projectId: project.id,
      kind: 'survey',
      fileName: 'survey.csv',
      text: sampleText('survey.csv'),
      name: 'Survey',
    });
    expect(
      (await refusal('measure.updateSettings', { id: survey.id, settings: { kind: 'experiment' } })).code,
    ).toBe('invalid-input');
    const custom = await refusal('measure.updateSettings', {
      id: survey.id,
      settings: { kind: 'survey', scale: 'custom', columns: {} },
    });
    expect(custom.code).toBe('invalid-input');
    expect(custom.message).toMatch(/custom scale needs its spec/);
    const spec = {
      id: 'care',
      name: 'Care items',
      answers: { min: 0, max: 4 },
      items: ['1', '2'],
      subscales: [{ id: 'C', name: 'Care', items: ['1', '2'] }],
    };
    const saved = await call('measure.updateSettings', {
      id: survey.id,
      settings: { kind: 'survey', scale: 'custom', customSpec: spec, columns: { '1': 'IRI1', '2': 'IRI2' } },
    });
    expect(saved.settings).toMatchObject({
      kind: 'survey',
      scale: 'custom',
      columns: { '1': 'IRI1', '2': 'IRI2' },
    });
    expect((await call('measure.get', { id: survey.id })).settings).toEqual(saved.settings);
    workspace.close();
  });
});

describe('survey answers by scale', () => {
  const qmeeItems = Array.from({ length: 33 }, (_unused, index) => `QMEE${index + 1}`);
  const qmee = (answer: string) =>
    [
      ['id', ...qmeeItems].join(','),
      ['r1', ...qmeeItems.map(() => '2')].join(','),
      ['r2', ...qmeeItems.map((_item, index) => (index === 6 ? answer : '-3'))].join(','),
    ].join('\n');

  it('takes QMEE answers as numbers on any range (its versions differ), and refuses text', async () => {
    const { workspace, project, call } = setUpMeasure();
    const source = { projectId: project.id, kind: 'survey' as const, fileName: 'qmee.csv' };
    const fine = await call('measure.previewImport', { ...source, text: qmee('9') });
    expect(fine.suggestedScale).toBe('qmee');
    expect(fine.problems).toEqual([]);
    const text = await call('measure.previewImport', { ...source, text: qmee('agree') });
    expect(text.problems).toEqual([
      { row: 3, column: 'QMEE7', message: 'qmee.csv row 3, column "QMEE7": "agree" is not a number' },
    ]);
    workspace.close();
  });

  it('checks the answers against the range of the settings given at import', async () => {
    const { workspace, project, refusal, call } = setUpMeasure();
    const settings = {
      kind: 'survey' as const,
      scale: 'custom' as const,
      customSpec: {
        id: 'ec',
        name: 'Care',
        answers: { min: 1, max: 5 },
        items: ['1', '2'],
        subscales: [{ id: 'EC', name: 'Care', items: ['1', '2'] }],
      },
      columns: { '1': 'q1', '2': 'q2' },
    };
    const source = {
      projectId: project.id,
      kind: 'survey' as const,
      fileName: 'care.csv',
      name: 'Care',
      settings,
    };
    const refused = await refusal('measure.import', { ...source, text: 'id,q1,q2\nr1,1,5\nr2,0,3\n' });
    expect(refused.message).toBe(
      'Nothing was imported: care.csv has a problem.\ncare.csv row 3, column "q1": "0" is not an answer from 1 to 5 (out of range)',
    );
    const saved = await call('measure.import', { ...source, text: 'id;q1;q2\nr1;1;5\nr2;2;3\n' });
    expect(saved.table).toEqual({
      columns: ['id', 'q1', 'q2'],
      rows: [
        ['r1', '1', '5'],
        ['r2', '2', '3'],
      ],
    });
    expect(saved.settings).toMatchObject({ scale: 'custom', columns: { '1': 'q1', '2': 'q2' } });
    workspace.close();
  });

  it('refuses text that is not CSV (an unclosed quote) before anything else', async () => {
    const { workspace, project, refusal } = setUpMeasure();
    const refused = await refusal('measure.previewImport', {
      projectId: project.id,
      kind: 'experiment',
      fileName: 'calls.csv',
      text: 'call,note\nc1,ok\nc2,"never closed\n',
    });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/^Nothing was read: row 3: calls\.csv is not valid CSV: /);
    workspace.close();
  });
});
