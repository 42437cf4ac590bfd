/**
 * Measurement data sets travel in the project file (issue 9, point 3; issue 10): exported with their table,
 * settings (a survey's kept comparison with them) and people-data settings, never their key or secret; imported into another workspace in the one
 * transaction, a pseudonymized set still pseudonymized, a scenario's link to a data set's figure renamed to the
 * imported set; files without data sets (written before them) still import; a data set that fails its checks
 * is refused naming its place in the file, and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type {
  MeasureDataset,
  MeasureDatasetSummary,
  ModelSummary,
  Project,
  ProjectExport,
  Scenario,
} from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { SAMPLE_PROJECT_NAME, seedSamples } from '../../../electron/services/samples';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../sample-data');
const open = (): Workspace => openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });
const api = (workspace: Workspace) => (operation: string, input: unknown) =>
  dispatch(createHandlers({ workspace, host: 'test' }), operation, input);

async function call<T>(workspace: Workspace, operation: string, input: unknown): Promise<T> {
  const result = await api(workspace)(operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const rowsIn = (workspace: Workspace, table: string): number =>
  workspace.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? -1;

/** A data set as two workspaces can compare it: no ids, times or key flags. */
const comparable = ({ privacy, ...dataset }: MeasureDataset) => {
  const { keyKept: _key, secretKept: _secret, ...settings } = privacy;
  return {
    name: dataset.name,
    kind: dataset.kind,
    fileName: dataset.fileName,
    rowCount: dataset.rowCount,
    columns: dataset.columns,
    table: dataset.table,
    settings: dataset.settings,
    privacy: settings,
  };
};

async function datasetsOf(workspace: Workspace, projectId: string): Promise<MeasureDataset[]> {
  const listed = await call<MeasureDatasetSummary[]>(workspace, 'measure.list', { projectId });
  return Promise.all(listed.map((entry) => call<MeasureDataset>(workspace, 'measure.get', { id: entry.id })));
}

/** The sample project with a pseudonymized survey (key kept) and a scenario linked to its figure. */
async function sampleWorkspace() {
  const workspace = open();
  const project = seedSamples(workspace, SAMPLE_DIR);
  if (project?.name !== SAMPLE_PROJECT_NAME) throw new Error('no sample project');
  const pseudonymized = await call<MeasureDataset>(workspace, 'measure.import', {
    projectId: project.id,
    name: 'Survey, pseudonymized',
    kind: 'survey',
    fileName: 'survey.csv',
    text: readFileSync(resolve(SAMPLE_DIR, 'measure/survey.csv'), 'utf8'),
    pseudonymize: true,
    keepKey: true,
  });
  expect(pseudonymized.privacy).toMatchObject({ pseudonymized: true, keyKept: true, secretKept: true });
  const [model] = await call<ModelSummary[]>(workspace, 'models.list', { projectId: project.id });
  if (model === undefined) throw new Error('no sample model');
  const [scenario] = await call<Scenario[]>(workspace, 'scenarios.list', { modelId: model.id });
  if (scenario === undefined) throw new Error('no sample scenario');
  await call<Scenario>(workspace, 'scenarios.update', {
    id: scenario.id,
    links: [
      {
        variable: 'Leadership commitment',
        source: { instrument: 'measurement', documentId: pseudonymized.id, figure: 'latest.EC' },
        scale: 0.25,
      },
    ],
  });
  return { workspace, project, pseudonymized };
}

describe('measurement data sets in the project file', () => {
  it('carry table, settings and people-data settings, never the key, to a fresh workspace', async () => {
    const { workspace: source, project, pseudonymized } = await sampleWorkspace();
    // The sample survey with a comparison of its scores kept beside its scoring (the Compare tab's choices).
    const survey = (await datasetsOf(source, project.id)).find(
      (entry) => entry.name === 'Empathy survey (IRI)',
    );
    if (survey?.settings?.kind !== 'survey') throw new Error('no scored sample survey');
    const compare = { comparison: 'did', group: 'circle', period: 'wave', outcome: 'PT_mean', alpha: 0.1 };
    await call<MeasureDataset>(source, 'measure.updateSettings', {
      id: survey.id,
      settings: { ...survey.settings, compare },
    });
    const file = await call<ProjectExport>(source, 'projects.export', { id: project.id });
    const document = JSON.parse(file.text) as { measureDatasets: MeasureDataset[] };
    expect(document.measureDatasets).toHaveLength(6);
    expect(document.measureDatasets.find((entry) => entry.id === survey.id)?.settings).toEqual({
      ...survey.settings,
      compare,
    });
    expect(
      document.measureDatasets.every((entry) => !entry.privacy.keyKept && !entry.privacy.secretKept),
    ).toBe(true);
    // Neither the secret nor the mapping back to the real ids is in the data sets: no real id of the survey is.
    expect(JSON.stringify(document.measureDatasets)).not.toMatch(/"secret"|"mapping"|"entries"/);
    const copied = document.measureDatasets.find((entry) => entry.name === 'Survey, pseudonymized');
    expect(copied?.privacy.pseudonymized).toBe(true);
    expect(copied?.table.rows.flat()).not.toContain('p001');

    const target = open();
    const preview = await call<{ counts: Record<string, number> }>(target, 'projects.previewImport', {
      text: file.text,
    });
    expect(preview.counts).toMatchObject({ measureDatasets: 6, stories: 1, models: 1 });
    const imported = await call<Project>(target, 'projects.import', { text: file.text });
    const before = (await datasetsOf(source, project.id)).map(comparable);
    const after = await datasetsOf(target, imported.id);
    expect(after.map(comparable)).toEqual(before);
    expect(after.find((entry) => entry.name === 'Empathy survey (IRI)')?.settings).toMatchObject({ compare });
    // Still pseudonymized, and with no key to undo it on this machine.
    const copy = after.find((entry) => entry.name === 'Survey, pseudonymized');
    if (copy === undefined) throw new Error('the pseudonymized survey was not imported');
    expect(copy.privacy).toMatchObject({ pseudonymized: true, keyKept: false, secretKept: false });
    expect(copy.table).toEqual(pseudonymized.table);
    const key = await api(target)('measure.key', { id: copy.id });
    expect(key).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(rowsIn(target, 'measure_pseudonym_keys')).toBe(0);
    // The scenario's link names the imported data set.
    const [model] = await call<ModelSummary[]>(target, 'models.list', { projectId: imported.id });
    const scenarios = await call<Scenario[]>(target, 'scenarios.list', { modelId: model?.id });
    expect(scenarios.flatMap((scenario) => scenario.links).map((link) => link.source.documentId)).toEqual([
      copy.id,
    ]);
    source.close();
    target.close();
  });

  it('imports a file written before data sets travelled', async () => {
    const { workspace: source, project } = await sampleWorkspace();
    const file = await call<ProjectExport>(source, 'projects.export', { id: project.id });
    const { measureDatasets: _datasets, ...older } = JSON.parse(file.text) as Record<string, unknown>;
    // Its scenarios cannot link to a data set it does not hold: the link is kept, naming the missing document.
    const target = open();
    const preview = await call<{ counts: Record<string, number> }>(target, 'projects.previewImport', {
      text: JSON.stringify(older),
    });
    expect(preview.counts['measureDatasets']).toBe(0);
    const imported = await call<Project>(target, 'projects.import', { text: JSON.stringify(older) });
    expect(await call<MeasureDatasetSummary[]>(target, 'measure.list', { projectId: imported.id })).toEqual(
      [],
    );
    source.close();
    target.close();
  });

  it.each([
    [
      'settings naming a column the table does not have',
      (dataset: Record<string, unknown>) => ({
        ...dataset,
        settings: { ...(dataset['settings'] as object), teamColumn: 'department' },
      }),
      /measureDatasets\[\d\]\.settings: The settings' teamColumn names the column "department"/,
    ],
    [
      'a row count that is not the table',
      (dataset: Record<string, unknown>) => ({ ...dataset, rowCount: 7 }),
      /measureDatasets\[\d\]\.rowCount: is 7, but the table has 200 rows/,
    ],
    [
      'a minimum group size below 3',
      (dataset: Record<string, unknown>) => ({
        ...dataset,
        privacy: { ...(dataset['privacy'] as object), minGroupSize: 2 },
      }),
      /measureDatasets\[\d\]\.privacy\.minGroupSize/,
    ],
  ])('refuses %s, naming where it is, and writes nothing', async (_what, spoil, message) => {
    const { workspace: source, project } = await sampleWorkspace();
    const file = JSON.parse(
      (await call<ProjectExport>(source, 'projects.export', { id: project.id })).text,
    ) as {
      measureDatasets: Record<string, unknown>[];
    };
    file.measureDatasets = file.measureDatasets.map((dataset) =>
      dataset['name'] === 'Empathy survey (IRI)' ? spoil(dataset) : dataset,
    );
    const target = open();
    const result = await api(target)('projects.import', { text: JSON.stringify(file) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(rowsIn(target, 'projects')).toBe(0);
    expect(rowsIn(target, 'measure_datasets')).toBe(0);
    source.close();
    target.close();
  });
});
