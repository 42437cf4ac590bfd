/**
 * Project files (electron/services/project-share.ts) through the real dispatcher on real SQLite workspaces in
 * temporary folders: the seeded sample project (with a saved sensitivity run, a calibration, a scenario linked to
 * the network and an SROI outcome linked to the model) exported from one workspace and imported into a fresh
 * one, compared entity by entity; conflicts (refused, renamed, replaced after a backup); and files that are
 * malformed, of another format or version, invalid in one field, or that fail halfway through the write, none of
 * which leaves anything behind.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ProjectExport } from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { networkRepository } from '../../../electron/services/network-handlers';
import { SAMPLE_PROJECT_NAME, seedSamples } from '../../../electron/services/samples';
import { SAMPLE_STORY_NAME } from '../../../electron/services/story-samples';
import type { CalibrationInput, SensitivityRunInput } from '../../../electron/store/analysis-records';
import { createAnalysisRepository } from '../../../electron/store/analyses';
import { createConjointStudyRepository } from '../../../electron/store/conjoint-studies';
import { createStoryRepository } from '../../../electron/store/stories';
import { createSroiAnalysisRepository } from '../../../electron/store/sroi-analyses';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import type { Project, ProjectId } from '../../../model/schema/project';
import { tempDataDir } from '../store/support';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../sample-data');
const HASH = 'b'.repeat(64);
const TABLES = [
  'projects',
  'models',
  'scenarios',
  'networks',
  'network_snapshots',
  'conjoint_studies',
  'sroi_analyses',
  'sensitivity_runs',
  'sensitivity_bands',
  'calibrations',
  'measure_datasets',
  'measure_pseudonym_keys',
] as const;

const open = (): Workspace => openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });

function api(workspace: Workspace) {
  const handlers = createHandlers({ workspace, host: 'test' });
  return (operation: string, input: unknown) => dispatch(handlers, operation, input);
}

async function call<T>(workspace: Workspace, operation: string, input: unknown): Promise<T> {
  const result = await api(workspace)(operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Every table's row count: a refused import must leave each one as it was. */
const counts = (workspace: Workspace): Record<string, number> =>
  Object.fromEntries(
    TABLES.map((table) => [
      table,
      workspace.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? -1,
    ]),
  );

function sensitivityRun(modelId: SensitivityRunInput['modelId']): SensitivityRunInput {
  return {
    modelId,
    name: 'Training lever',
    spec: {
      parameters: [{ name: 'Training budget', distribution: { type: 'uniform', min: 0, max: 0.05 } }],
      sampling: 'random',
      runs: 2,
      seed: 7,
      kpi: { variable: 'Customers', statistic: 'final' },
      percentiles: [50],
      bandPoints: 2,
    },
    stamp: { model: 'Empathy reference model', modelHash: HASH, appVersion: '0.1.0' },
    parameters: ['Training budget'],
    outputs: ['Customers'],
    kpiVariable: 'Customers',
    percentiles: [50],
    bandTimes: [0, 120],
    bands: [[3100, 3400]],
    samples: [0.01, 0.04],
    kpi: [3200, null],
    summary: {
      runs: 2,
      missing: 1,
      mean: 3200,
      sd: null,
      min: 3200,
      max: 3200,
      percentiles: [{ percent: 50, value: 3200 }],
    },
    tornado: { base: 3200, entries: [] },
  };
}

function calibration(modelId: CalibrationInput['modelId']): CalibrationInput {
  return {
    modelId,
    name: 'Customers 2025',
    spec: {
      parameters: [{ name: 'Training budget', min: 0, max: 0.05 }],
      method: 'nelder-mead',
      tolerance: 1e-8,
      maxIterations: 100,
    },
    stamp: {
      model: 'Empathy reference model',
      modelHash: HASH,
      data: 'c.csv',
      dataHash: HASH,
      appVersion: '0.1.0',
    },
    data: { fileName: 'c.csv', times: [0, 12], columns: [{ header: 'Customers', values: [3100, 3150] }] },
    result: {
      parameters: [
        { name: 'Training budget', min: 0, max: 0.05, start: 0.01, estimate: 0.012, atBound: false },
      ],
      objective: 0.5,
      startObjective: 3,
      iterations: 20,
      evaluations: 40,
      restarts: 0,
      converged: true,
      stopped: false,
      fit: [],
      warnings: [],
    },
  };
}

/** The sample project, plus what the samples lack: saved analyses and links between instruments. */
function sampleWorkspace(): { workspace: Workspace; project: Project } {
  const workspace = open();
  const project = seedSamples(workspace, SAMPLE_DIR);
  if (project === undefined) throw new Error('the samples are missing');
  const [model] = workspace.models.list(project.id);
  const [network] = networkRepository(workspace.db).list(project.id);
  const sroi = createSroiAnalysisRepository(workspace.db, () => new Date());
  const [analysis] = sroi.list(project.id);
  if (model === undefined || network === undefined || analysis === undefined)
    throw new Error('the sample project is incomplete');
  const programme = workspace.scenarios
    .list(model.id)
    .find((scenario) => scenario.name === 'Empathy programme');
  if (programme === undefined) throw new Error('no Empathy programme scenario');
  workspace.scenarios.update(programme.id, {
    links: [
      {
        variable: 'Leadership commitment',
        source: { instrument: 'network', documentId: network.id, figure: 'after.reciprocity' },
        scale: 1,
      },
    ],
  });
  const document = sroi.get(analysis.id).document;
  const [outcome, ...others] = document.outcomes;
  if (outcome === undefined) throw new Error('the sample analysis has no outcome');
  sroi.save(analysis.id, {
    ...document,
    outcomes: [
      {
        ...outcome,
        quantityLink: {
          model: model.id,
          scenario: 'Empathy programme',
          baseline: 'Status quo',
          variable: 'Customers',
          aggregation: 'year-end',
        },
      },
      ...others,
    ],
  });
  const analyses = createAnalysisRepository(workspace.db, () => new Date());
  analyses.saveSensitivity(sensitivityRun(model.id));
  analyses.saveCalibration(calibration(model.id));
  return { workspace, project: workspace.projects.get(project.id) };
}

async function exported(workspace: Workspace, id: ProjectId): Promise<ProjectExport> {
  return call<ProjectExport>(workspace, 'projects.export', { id });
}

/** Everything of a project in a form two workspaces can be compared in: names instead of ids. */
function contents(workspace: Workspace, id: ProjectId) {
  const models = workspace.models.list(id).map((summary) => workspace.models.get(summary.id));
  const networks = networkRepository(workspace.db);
  const studies = createConjointStudyRepository(workspace.db, () => new Date());
  const sroi = createSroiAnalysisRepository(workspace.db, () => new Date());
  const analyses = createAnalysisRepository(workspace.db, () => new Date());
  const networkList = networks.list(id);
  const nameOf = (documentId: string) =>
    networkList.find((network) => network.id === documentId)?.name ??
    models.find((model) => model.id === documentId)?.name ??
    `unknown ${documentId}`;
  return {
    project: { name: workspace.projects.get(id).name, description: workspace.projects.get(id).description },
    models: models.map((model) => ({
      name: model.name,
      xmile: model.xmile,
      scenarios: workspace.scenarios.list(model.id).map((scenario) => ({
        name: scenario.name,
        description: scenario.description,
        overrides: scenario.overrides,
        links: scenario.links.map((link) => ({
          ...link,
          source: { ...link.source, documentId: nameOf(link.source.documentId) },
        })),
      })),
      sensitivityRuns: analyses.listSensitivity(model.id).map((summary) => {
        const {
          id: _id,
          projectId: _project,
          modelId: _model,
          createdAt: _at,
          ...run
        } = analyses.getSensitivity(summary.id);
        return run;
      }),
      calibrations: analyses.listCalibrations(model.id).map((summary) => {
        const {
          id: _id,
          projectId: _project,
          modelId: _model,
          createdAt: _at,
          ...run
        } = analyses.getCalibration(summary.id);
        return run;
      }),
    })),
    networks: networkList.map((summary) => {
      const network = networks.get(summary.id);
      return {
        name: network.name,
        description: network.description,
        directed: network.directed,
        waves: network.waves.map(({ wave, position, weighted, people, ties, provenance }) => ({
          wave,
          position,
          weighted,
          people,
          ties,
          provenance,
        })),
      };
    }),
    conjointStudies: studies.list(id).map((study) => studies.get(study.id).document),
    sroiAnalyses: sroi.list(id).map((summary) => {
      const { document } = sroi.get(summary.id);
      return {
        ...document,
        outcomes: document.outcomes.map((outcome) =>
          outcome.quantityLink === undefined
            ? outcome
            : {
                ...outcome,
                quantityLink: { ...outcome.quantityLink, model: nameOf(outcome.quantityLink.model) },
              },
        ),
      };
    }),
  };
}

describe('projects.export and projects.import', () => {
  it('carry the sample project to a fresh workspace, entity by entity', async () => {
    const { workspace: source, project } = sampleWorkspace();
    const file = await exported(source, project.id);
    // The colon is not allowed in Windows file names.
    expect(file.fileName).toBe(`${SAMPLE_PROJECT_NAME.replace(':', '_')}.ewproject.json`);
    const document = JSON.parse(file.text) as Record<string, unknown>;
    expect(document).toMatchObject({
      format: 'empathy-workbench-project',
      version: 1,
      stories: [expect.objectContaining({ name: SAMPLE_STORY_NAME })],
    });

    const target = open();
    const preview = await call<{ name: string; conflicts: string[] }>(target, 'projects.previewImport', {
      text: file.text,
    });
    expect(preview).toMatchObject({ name: SAMPLE_PROJECT_NAME, conflicts: [] });
    const imported = await call<Project>(target, 'projects.import', { text: file.text });
    expect(imported.id).not.toBe(project.id);

    const before = contents(source, project.id);
    const after = contents(target, imported.id);
    expect(after.project).toEqual(before.project);
    expect(after.models).toEqual(before.models);
    expect(after.networks).toEqual(before.networks);
    expect(after.conjointStudies).toEqual(before.conjointStudies);
    expect(after.sroiAnalyses).toEqual(before.sroiAnalyses);
    // The links name the imported documents, not the source's: compared by name above, checked by id here.
    const [model] = target.models.list(imported.id);
    const [network] = networkRepository(target.db).list(imported.id);
    if (model === undefined) throw new Error('no model was imported');
    const links = target.scenarios.list(model.id).flatMap((scenario) => scenario.links);
    expect(links.map((link) => link.source.documentId)).toEqual([network?.id]);
    // The sample story's pages name the imported model, network, study and analysis too.
    const stories = createStoryRepository(target.db, () => new Date());
    const [story] = stories.list(imported.id);
    const [analysis] = createSroiAnalysisRepository(target.db, () => new Date()).list(imported.id);
    const [study] = createConjointStudyRepository(target.db, () => new Date()).list(imported.id);
    const named = new Set(
      (story === undefined ? [] : stories.get(story.id).document.pages).flatMap((page): string[] =>
        'modelId' in page
          ? [page.modelId]
          : 'networkId' in page
            ? [page.networkId]
            : 'studyId' in page
              ? [page.studyId]
              : 'analysisId' in page
                ? [page.analysisId]
                : [],
      ),
    );
    expect(named).toEqual(new Set([model.id, network?.id, study?.id, analysis?.id]));
    // Counts, so nothing was dropped on either side of the comparison.
    expect(before.models[0]?.scenarios).toHaveLength(7);
    expect(before.models[0]?.sensitivityRuns).toHaveLength(1);
    expect(before.models[0]?.calibrations).toHaveLength(1);
    expect(before.networks[0]?.waves).toHaveLength(2);
    expect(before.conjointStudies).toHaveLength(1);
    expect(before.sroiAnalyses).toHaveLength(1);
    source.close();
    target.close();
  });

  it('refuses a clashing name with a conflict naming it, and writes nothing', async () => {
    const { workspace, project } = sampleWorkspace();
    const file = await exported(workspace, project.id);
    const before = counts(workspace);
    const result = await api(workspace)('projects.import', { text: file.text });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: `The workspace already has a project named "${SAMPLE_PROJECT_NAME}": import it under another name, replace it, or cancel.`,
      },
    });
    expect(counts(workspace)).toEqual(before);
    const preview = await call<{ conflicts: string[]; renameTo: string }>(
      workspace,
      'projects.previewImport',
      {
        text: file.text,
      },
    );
    expect(preview).toMatchObject({
      conflicts: [SAMPLE_PROJECT_NAME],
      renameTo: `${SAMPLE_PROJECT_NAME} (2)`,
    });
    workspace.close();
  });

  it('imports as "Name (2)" next to the original when asked to rename', async () => {
    const { workspace, project } = sampleWorkspace();
    const file = await exported(workspace, project.id);
    const copy = await call<Project>(workspace, 'projects.import', { text: file.text, onConflict: 'rename' });
    expect(copy.name).toBe(`${SAMPLE_PROJECT_NAME} (2)`);
    expect(workspace.projects.list().map((each) => each.name)).toEqual([
      SAMPLE_PROJECT_NAME,
      `${SAMPLE_PROJECT_NAME} (2)`,
    ]);
    const { project: _a, ...original } = contents(workspace, project.id);
    const { project: _b, ...imported } = contents(workspace, copy.id);
    expect(imported).toEqual(original);
    workspace.close();
  });

  it('replaces the clashing project after a backup when asked to', async () => {
    const { workspace, project } = sampleWorkspace();
    const file = await exported(workspace, project.id);
    workspace.projects.rename(project.id, 'Renamed meanwhile');
    const changed = workspace.projects.create({ name: SAMPLE_PROJECT_NAME, description: 'to be replaced' });
    const backups = workspace.listBackups().length;
    const replaced = await call<Project>(workspace, 'projects.import', {
      text: file.text,
      onConflict: 'replace',
    });
    expect(replaced.name).toBe(SAMPLE_PROJECT_NAME);
    expect(workspace.listBackups()).toHaveLength(backups + 1);
    expect(workspace.listBackups()[0]?.reason).toBe('before-import-replace');
    expect(() => workspace.projects.get(changed.id)).toThrow(/No project/);
    expect(workspace.projects.list().map((each) => each.name)).toEqual([
      'Renamed meanwhile',
      SAMPLE_PROJECT_NAME,
    ]);
    workspace.close();
  });
});

describe('a project file that cannot be imported leaves the workspace as it was', () => {
  async function refused(change: (file: Record<string, unknown>) => unknown) {
    const { workspace, project } = sampleWorkspace();
    const file = JSON.parse((await exported(workspace, project.id)).text) as Record<string, unknown>;
    const target = open();
    const before = counts(target);
    const changed = change(file);
    const text = typeof changed === 'string' ? changed : JSON.stringify(file);
    const result = await api(target)('projects.import', { text });
    expect(counts(target)).toEqual(before);
    workspace.close();
    target.close();
    if (result.ok) throw new Error('the import was accepted');
    return result.error;
  }

  it('a file that is not JSON', async () => {
    const error = await refused(() => '{"format": "empathy-workbench-project", ');
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^The file is not a project file: it is not JSON \(/);
  });

  it('a JSON file of another kind, and a project file of a later version', async () => {
    expect((await refused(() => '{"nodes": []}')).message).toBe(
      'The file is not a project file: it does not say "format": "empathy-workbench-project".',
    );
    expect(
      (
        await refused((file) => {
          file['version'] = 2;
        })
      ).message,
    ).toBe(
      'The file is a project file of version 2, written by a newer version of the app; this one reads version 1. Update the app.',
    );
  });

  it('an invalid tie weight, named by its path in the file', async () => {
    const error = await refused((file) => {
      const networks = file['networks'] as { waves: { ties: { weight: number }[] }[] }[];
      const tie = networks[0]?.waves[1]?.ties[12];
      if (tie === undefined) throw new Error('the sample network has fewer ties');
      tie.weight = -2;
    });
    expect(error).toEqual({
      code: 'invalid-input',
      message: 'The project file is not valid: networks[0].waves[1].ties[12].weight: A tie weight is > 0.',
    });
  });

  it('a scenario of a model the file does not hold, and a model that is not XMILE', async () => {
    const dangling = await refused((file) => {
      const scenarios = file['scenarios'] as { modelId: string }[];
      if (scenarios[3] !== undefined) scenarios[3].modelId = '00000000-0000-4000-8000-000000000000';
    });
    expect(dangling.message).toBe(
      'The project file is not valid: scenarios[3].modelId: names a model the file does not hold (00000000-0000-4000-8000-000000000000).',
    );
    const notXmile = await refused((file) => {
      const models = file['models'] as { xmile: string }[];
      if (models[0] !== undefined) models[0].xmile = '<html></html>';
    });
    expect(notXmile.code).toBe('invalid-input');
    expect(notXmile.message).toMatch(/^models\[0\]\.xmile is not a model the workbench can read/);
  });

  it('a file that fails halfway through the write (two scenarios of one name): all or nothing', async () => {
    const error = await refused((file) => {
      const scenarios = file['scenarios'] as { name: string }[];
      const [first, second] = scenarios;
      if (first !== undefined && second !== undefined) second.name = first.name;
    });
    expect(error.code).toBe('conflict');
  });
});
