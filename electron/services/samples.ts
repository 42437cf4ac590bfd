/**
 * The sample project a new workspace starts with (DESIGN.md, Data: "Sample data in sample-data/ seeds a new
 * workspace"): the empathy reference model and its shipped scenarios, so a strategist has something to open
 * before building anything. Later instruments add their sample documents here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioFileSchema } from '../../model/schema/scenario';
import type { Project } from '../../model/schema/project';
import type { Workspace } from '../store/workspace';
import { seedConjointSample } from './conjoint-samples';
import { seedMeasureSamples } from './measure-samples';
import { importModel } from './models';
import { seedSampleNetwork } from './network-samples';
import { seedSroiSample } from './sroi-samples';
import { seedSampleStory } from './story-samples';

export const SAMPLE_PROJECT_NAME = 'Sample: empathy in a small service business';
export const SAMPLE_MODEL_FILE = 'empathy-smb.xmile';
const SAMPLE_MODEL_NAME = 'Empathy reference model';

/** The order the shipped scenarios are listed in files is their file name order; the store sorts by name anyway. */
function scenarioFiles(sampleDir: string): string[] {
  const folder = join(sampleDir, 'scenarios');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => join(folder, file));
}

/**
 * Creates the sample project from `sampleDir` in one transaction, or does nothing when the samples are not there
 * (a build without them) . A shipped file that does not pass its schema is a bug of the build: it throws, and the
 * transaction leaves the workspace as it was.
 */
export function seedSamples(workspace: Workspace, sampleDir: string): Project | undefined {
  const modelFile = join(sampleDir, SAMPLE_MODEL_FILE);
  if (!existsSync(modelFile)) return undefined;
  const xmile = readFileSync(modelFile, 'utf8');
  const scenarios = scenarioFiles(sampleDir).map((file) => {
    const parsed = scenarioFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`The shipped scenario ${file} is not valid: ${parsed.error.message}`);
    return parsed.data;
  });
  return workspace.db.transaction(() => {
    const project = workspace.projects.create({
      name: SAMPLE_PROJECT_NAME,
      description:
        'The empathy reference model with its shipped scenarios (status quo, empathy programme, automation with and ' +
        'without hand-off, cost cutting, and the high/low empathy pair that reproduces the seed article\u2019s ' +
        'claims), the example organization\u2019s support network, a conjoint study, an SROI analysis, measurement ' +
        'data sets and a workshop story.',
    });
    const model = importModel(workspace, { projectId: project.id, xmile, name: SAMPLE_MODEL_NAME });
    const seeded = scenarios.map((scenario) =>
      workspace.scenarios.create(model.id, {
        name: scenario.name,
        description: scenario.description,
        overrides: scenario.overrides,
        links: scenario.links,
      }),
    );
    const sroi = seedSroiSample(workspace, project.id);
    const conjoint = seedConjointSample(workspace, project.id, sampleDir);
    const network = seedSampleNetwork(workspace, project.id, sampleDir);
    seedMeasureSamples(workspace, project.id, sampleDir);
    seedSampleStory(workspace, project.id, { model, scenarios: seeded, network, conjoint, sroi });
    return workspace.projects.get(project.id);
  })();
}

/**
 * What both hosts do after opening a workspace: a new one gets the samples. A failure is reported, never fatal:
 * the app opens with an empty workspace rather than not at all.
 */
export function seedNewWorkspace(
  workspace: Workspace,
  sampleDir: string,
  warn: (message: string) => void,
): void {
  if (!workspace.isNew) return;
  try {
    seedSamples(workspace, sampleDir);
  } catch (error) {
    warn(
      `The sample project could not be created: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
