/**
 * The sample project carries the sample SROI analysis, and the names its links use are those of the model and
 * scenarios seeded with it, so the Dynamics link works as soon as the sample project is opened.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSamples } from '../../../electron/services/samples';
import { blankAnalysis, sampleAnalysis } from '../../../electron/services/sroi-samples';
import { createSroiAnalysisRepository } from '../../../electron/store/sroi-analyses';
import { openWorkspace } from '../../../electron/store/workspace';
import { evaluateAnalysis, validateAnalysis } from '../../../model/sroi';
import { tempDataDir } from '../store/support';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../sample-data');

describe('SROI samples', () => {
  it('seeds the sample analysis into the sample project, its links naming the seeded model and scenarios', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = seedSamples(workspace, SAMPLE_DIR);
    if (project === undefined) throw new Error('no sample project');
    const analyses = createSroiAnalysisRepository(workspace.db, () => new Date());
    const [summary] = analyses.list(project.id);
    expect(summary).toMatchObject({ outcomeCount: 3, linkedOutcomeCount: 2, issueCount: 0 });
    if (summary === undefined) return;
    const { document } = analyses.get(summary.id);
    const [model] = workspace.models.list(project.id);
    if (model === undefined) throw new Error('no sample model');
    const scenarioNames = workspace.scenarios.list(model.id).map((scenario) => scenario.name);
    for (const outcome of document.outcomes) {
      const link = outcome.quantityLink;
      if (link === undefined) continue;
      expect(link.model).toBe(model.name);
      expect(scenarioNames).toContain(link.scenario);
      expect(scenarioNames).toContain(link.baseline);
    }
    workspace.close();
  });

  it('starts a blank analysis at the Green Book rate, with nothing to evaluate yet', () => {
    const blank = blankAnalysis();
    expect(blank.discountRate).toBe(0.035);
    expect(validateAnalysis(blank).map((issue) => issue.code)).toEqual(['no-inputs']);
    expect(evaluateAnalysis(sampleAnalysis()).ok).toBe(true);
  });
});
