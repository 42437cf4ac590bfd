/**
 * The sample project's workshop story names the documents seeded with it (model, scenarios, network, SROI
 * analysis), and leaves out a page whose subject is missing rather than open on a broken page.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSamples } from '../../../electron/services/samples';
import { SAMPLE_STORY_NAME } from '../../../electron/services/story-samples';
import { networkRepository } from '../../../electron/services/network-handlers';
import { createConjointStudyRepository } from '../../../electron/store/conjoint-studies';
import { createSroiAnalysisRepository } from '../../../electron/store/sroi-analyses';
import { createStoryRepository } from '../../../electron/store/stories';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import type { ProjectId } from '../../../model/schema/project';
import { tempDataDir } from '../store/support';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../sample-data');

function sampleStory(workspace: Workspace, projectId: ProjectId) {
  const stories = createStoryRepository(workspace.db, () => new Date());
  const [summary, ...others] = stories.list(projectId);
  expect(others).toEqual([]);
  if (summary === undefined) throw new Error('no sample story');
  expect(summary.name).toBe(SAMPLE_STORY_NAME);
  return stories.get(summary.id);
}

describe('the sample story', () => {
  it('walks the sample project: the model with its levers, its loops, the network, the simulator and the SROI headline', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = seedSamples(workspace, SAMPLE_DIR);
    if (project === undefined) throw new Error('no sample project');
    const { document } = sampleStory(workspace, project.id);
    expect(document.pages.map((page) => page.kind)).toEqual([
      'text',
      'dynamics-chart',
      'loop-dominance',
      'network-view',
      'conjoint-simulator',
      'sroi-headline',
      'text',
    ]);
    const [model] = workspace.models.list(project.id);
    if (model === undefined) throw new Error('no sample model');
    const scenarios = new Map(
      workspace.scenarios.list(model.id).map((scenario) => [scenario.id, scenario.name]),
    );
    const [network] = networkRepository(workspace.db).list(project.id);
    const [analysis] = createSroiAnalysisRepository(workspace.db, () => new Date()).list(project.id);
    const [study] = createConjointStudyRepository(workspace.db, () => new Date()).list(project.id);
    const [, chart, loops, graph, simulator, headline] = document.pages;
    expect(chart).toMatchObject({
      modelId: model.id,
      variables: ['Employee retention'],
      levers: ['Training budget', 'Leadership commitment', 'Overtime policy'],
    });
    if (chart?.kind !== 'dynamics-chart' || loops?.kind !== 'loop-dominance') throw new Error('model pages');
    expect(scenarios.get(chart.scenarioId ?? ('' as never))).toBe('Status quo');
    expect(scenarios.get(loops.scenarioId ?? ('' as never))).toBe('Empathy programme');
    expect(graph).toMatchObject({ networkId: network?.id, colorBy: 'team' });
    expect(simulator).toMatchObject({ studyId: study?.id });
    expect(headline).toMatchObject({ analysisId: analysis?.id });
    workspace.close();
  });

  it('leaves out the model pages for a model without the reference model’s variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'empathy-story-samples-'));
    writeFileSync(
      join(dir, 'empathy-smb.xmile'),
      readFileSync(
        resolve(import.meta.dirname, '../../fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile'),
        'utf8',
      ),
    );
    mkdirSync(join(dir, 'scenarios'));
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = seedSamples(workspace, dir);
    if (project === undefined) throw new Error('no sample project');
    expect(sampleStory(workspace, project.id).document.pages.map((page) => page.kind)).toEqual([
      'text',
      'sroi-headline',
      'text',
    ]);
    workspace.close();
  });
});
