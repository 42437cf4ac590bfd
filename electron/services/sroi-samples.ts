/**
 * The SROI documents a workspace can start from: the shipped sample analysis (sample-data/sroi, a year of empathy
 * training linked to the empathy reference model) and a blank analysis. The sample is bundled into the backend
 * (a JSON import), so "start from the sample" works in any project and in every host, whether or not the
 * sample-data folder ships next to the app.
 */
import sampleAnalysisJson from '../../sample-data/sroi/empathy-training.json' with { type: 'json' };
import type { ProjectId } from '../../model/schema/project';
import { DEFAULT_DISCOUNT_RATE, describeIssues, parseAnalysis, type SroiAnalysis } from '../../model/sroi';
import type { SroiAnalysisRecord } from '../store/sroi-analysis-record';
import { createSroiAnalysisRepository } from '../store/sroi-analyses';
import type { Workspace } from '../store/workspace';

export const BLANK_ANALYSIS_NAME = 'Untitled SROI analysis';

/**
 * A new analysis: no inputs or outcomes yet, the Green Book's 3.5% discount rate (model/sroi/analysis.ts), a
 * forecast (the Guide's usual starting point, stage 1), in pounds, as Social Value UK's own templates are.
 */
export function blankAnalysis(name = BLANK_ANALYSIS_NAME): SroiAnalysis {
  return {
    name,
    currency: 'GBP',
    scope: { kind: 'forecast' },
    discountRate: DEFAULT_DISCOUNT_RATE,
    inputs: [],
    outcomes: [],
  };
}

/** The shipped sample analysis. A sample that does not pass its schema is a bug of the build: it throws. */
export function sampleAnalysis(): SroiAnalysis {
  const parsed = parseAnalysis(sampleAnalysisJson);
  if (!parsed.ok)
    throw new Error(`The shipped sample SROI analysis is not valid: ${describeIssues(parsed.errors)}`);
  return parsed.value;
}

/**
 * Adds the sample analysis to a project. Called by seedSamples (samples.ts) inside its transaction, so the sample
 * project is created whole or not at all; the repository's own IMMEDIATE transaction nests as a savepoint.
 */
export function seedSroiSample(workspace: Workspace, projectId: ProjectId): SroiAnalysisRecord {
  return createSroiAnalysisRepository(workspace.db, () => new Date()).create(projectId, sampleAnalysis());
}
