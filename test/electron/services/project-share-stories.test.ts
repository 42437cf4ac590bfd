/**
 * Stories travel in the project file (issue 9, points 1 and 3): exported with the project, imported into another
 * workspace with their pages naming the imported model, scenario, analysis, network, wave and conjoint study.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type {
  ConjointStudySummary,
  ModelSummary,
  NetworkDocument,
  NetworkSummary,
  Project,
  ProjectExport,
  Scenario,
  SroiAnalysisSummary,
  StoryRecord,
  StorySummary,
} from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { SAMPLE_PROJECT_NAME, seedSamples } from '../../../electron/services/samples';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const open = (): Workspace => openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });

async function call<T>(workspace: Workspace, operation: string, input: unknown): Promise<T> {
  const result = await dispatch(createHandlers({ workspace, host: 'test' }), operation, input);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('stories in the project file', () => {
  it('are exported and imported with their pages naming the imported documents', async () => {
    const source = open();
    const project = seedSamples(source, resolve(import.meta.dirname, '../../../sample-data'));
    if (project?.name !== SAMPLE_PROJECT_NAME) throw new Error('no sample project');
    const [model] = await call<ModelSummary[]>(source, 'models.list', { projectId: project.id });
    if (model === undefined) throw new Error('no sample model');
    const scenarios = await call<Scenario[]>(source, 'scenarios.list', { modelId: model.id });
    const [analysis] = await call<SroiAnalysisSummary[]>(source, 'sroi.list', { projectId: project.id });
    const scenario = scenarios[0];
    if (analysis === undefined || scenario === undefined) throw new Error('no sample analysis or scenario');
    const [networkSummary] = await call<NetworkSummary[]>(source, 'network.list', { projectId: project.id });
    const network = await call<NetworkDocument>(source, 'network.get', { id: networkSummary?.id });
    const wave = network.waves[0];
    const [study] = await call<ConjointStudySummary[]>(source, 'conjoint.list', { projectId: project.id });
    if (wave === undefined || study === undefined) throw new Error('no sample network wave or study');
    await call<StoryRecord>(source, 'stories.create', {
      projectId: project.id,
      name: 'Board meeting',
      document: {
        pages: [
          {
            kind: 'dynamics-chart',
            modelId: model.id,
            scenarioId: scenario.id,
            variables: ['Employee retention'],
            levers: ['Leadership commitment'],
            title: 'Retention',
            note: '',
          },
          { kind: 'sroi-headline', analysisId: analysis.id, title: 'Value', note: '' },
          { kind: 'text', title: 'Thanks', body: 'Questions?' },
          { kind: 'loop-dominance', modelId: model.id, scenarioId: scenario.id, title: 'Loops', note: '' },
          { kind: 'loop-dominance', modelId: model.id, title: 'Own values', note: '' },
          {
            kind: 'network-view',
            networkId: network.id,
            waveId: wave.id,
            colorBy: 'community',
            title: 'Support',
            note: '',
          },
          { kind: 'network-view', networkId: network.id, colorBy: 'team', title: 'Latest', note: '' },
          { kind: 'conjoint-simulator', studyId: study.id, title: 'Offers', note: '' },
        ],
      },
    });
    const file = await call<ProjectExport>(source, 'projects.export', { id: project.id });

    const target = open();
    const imported = await call<Project>(target, 'projects.import', { text: file.text });
    const [story] = await call<StorySummary[]>(target, 'stories.list', { projectId: imported.id });
    if (story === undefined) throw new Error('the story did not arrive');
    const { document } = await call<StoryRecord>(target, 'stories.get', { id: story.id });
    const models = await call<ModelSummary[]>(target, 'models.list', { projectId: imported.id });
    const newModel = models.find((candidate) => candidate.name === model.name);
    const newScenarios = await call<Scenario[]>(target, 'scenarios.list', { modelId: newModel?.id });
    const [newAnalysis] = await call<SroiAnalysisSummary[]>(target, 'sroi.list', { projectId: imported.id });
    const [newNetworkSummary] = await call<NetworkSummary[]>(target, 'network.list', {
      projectId: imported.id,
    });
    const newNetwork = await call<NetworkDocument>(target, 'network.get', { id: newNetworkSummary?.id });
    const newWave = newNetwork.waves.find((candidate) => candidate.wave === wave.wave);
    const [newStudy] = await call<ConjointStudySummary[]>(target, 'conjoint.list', {
      projectId: imported.id,
    });
    const newScenarioId = newScenarios.find((candidate) => candidate.name === scenario.name)?.id;
    expect(document.pages).toEqual([
      expect.objectContaining({
        kind: 'dynamics-chart',
        modelId: newModel?.id,
        scenarioId: newScenarioId,
      }),
      expect.objectContaining({ kind: 'sroi-headline', analysisId: newAnalysis?.id }),
      { kind: 'text', title: 'Thanks', body: 'Questions?' },
      { kind: 'loop-dominance', modelId: newModel?.id, scenarioId: newScenarioId, title: 'Loops', note: '' },
      { kind: 'loop-dominance', modelId: newModel?.id, title: 'Own values', note: '' },
      {
        kind: 'network-view',
        networkId: newNetwork.id,
        waveId: newWave?.id,
        colorBy: 'community',
        title: 'Support',
        note: '',
      },
      { kind: 'network-view', networkId: newNetwork.id, colorBy: 'team', title: 'Latest', note: '' },
      { kind: 'conjoint-simulator', studyId: newStudy?.id, title: 'Offers', note: '' },
    ]);
    expect(newModel?.id).not.toBe(model.id);
    expect(newNetwork.id).not.toBe(network.id);
    expect(newWave?.id).not.toBe(wave.id);
    expect(newStudy?.id).not.toBe(study.id);
    source.close();
    target.close();
  });
});
