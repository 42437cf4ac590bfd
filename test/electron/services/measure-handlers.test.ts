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
import { dispatch } from '../../../electron/api/dispatch';
import type { OperationInput, OperationName, OperationOutput } from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/measure');
const sampleText = (name: string): string => fs.readFileSync(join(SAMPLE, name), 'utf8');

export function setUpMeasure() {
  const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });
  const handlers = createHandlers({ workspace, host: 'test' });
  const project = workspace.projects.create({ name: 'Measures' });
  async function call<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
  ): Promise<OperationOutput<K>> {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as OperationOutput<K>;
  }
  async function refusal<K extends OperationName>(operation: K, input: OperationInput<K>) {
    const result = await dispatch(handlers, operation, input);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  }
  const datasetRows = (): number =>
    workspace.db.prepare<[], number>('SELECT count(*) FROM measure_datasets').pluck().get() ?? -1;
  return { workspace, project, call, refusal, datasetRows };
}

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
