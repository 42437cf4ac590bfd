/**
 * The sample project's story (issue 9, point 1): a short workshop walk through the sample's instruments, so a new
 * workspace shows presentation mode at work instead of an empty list. Pages name the seeded documents by id and
 * copy no figures (a story always shows the project as it is). A page is left out when what it shows is missing
 * (a build without the sample network, a model without the reference model's levers, a study not estimated), so the story never opens
 * on a broken page.
 */
import { readXmile } from '../../model/sd';
import type { ModelRecord } from '../../model/schema/model';
import type { ProjectId } from '../../model/schema/project';
import type { Scenario } from '../../model/schema/scenario';
import type { ConjointStudyRecord } from '../../model/schema/conjoint-document';
import type { NetworkDocument } from '../store/network-document';
import type { SroiAnalysisRecord } from '../store/sroi-analysis-record';
import type { StoryPage, StoryRecord } from '../store/story-document';
import { createStoryRepository } from '../store/stories';
import type { Workspace } from '../store/workspace';

export const SAMPLE_STORY_NAME = 'Workshop: what empathy does to the business';

/**
 * What the chart page plots and the presenter moves: the reference model's headline outcome (one line: the
 * chart has one value axis, and revenue in dollars would flatten a share) and three of its levers.
 */
const CHART_VARIABLES = ['Employee retention'];
const CHART_LEVERS = ['Training budget', 'Leadership commitment', 'Overtime policy'];
const START_SCENARIO = 'Status quo';
const LOOPS_SCENARIO = 'Empathy programme';

export interface SampleStoryParts {
  readonly model: ModelRecord;
  readonly scenarios: readonly Scenario[];
  readonly network: NetworkDocument | undefined;
  readonly conjoint: ConjointStudyRecord | undefined;
  readonly sroi: SroiAnalysisRecord | undefined;
}

function modelPages({ model, scenarios }: SampleStoryParts): StoryPage[] {
  const read = readXmile(model.xmile, model.name);
  if (!read.ok) return [];
  const names = new Set(read.value.variables.map((variable) => variable.name));
  if (![...CHART_VARIABLES, ...CHART_LEVERS].every((name) => names.has(name))) return [];
  const scenarioId = (name: string) => {
    const id = scenarios.find((scenario) => scenario.name === name)?.id;
    return id === undefined ? {} : { scenarioId: id };
  };
  return [
    {
      kind: 'dynamics-chart',
      modelId: model.id,
      ...scenarioId(START_SCENARIO),
      variables: CHART_VARIABLES,
      levers: CHART_LEVERS,
      title: 'Move the levers',
      note:
        'The business as it is (status quo). Raise the training budget to 0.025 and leadership commitment to 0.8 ' +
        '(the empathy programme) and watch employee retention over ten years; R goes back to the start.',
    },
    {
      kind: 'loop-dominance',
      modelId: model.id,
      ...scenarioId(LOOPS_SCENARIO),
      title: 'Which feedback loops drive it',
      note:
        'With the empathy programme: the share of the behaviour each feedback loop explains over time (Loops That ' +
        'Matter). Which loops lead, and when does that change?',
    },
  ];
}

function samplePages(parts: SampleStoryParts): StoryPage[] {
  const pages: StoryPage[] = [
    {
      kind: 'text',
      title: 'What empathy does to a small service business',
      body:
        'A walk through the sample project: a simulation of the business, its people’s support ties, and the ' +
        'social return of empathy training. The model reproduces the seed article’s claims (about 1.5 times the ' +
        'employee retention, 1.6 times the innovations and twice the earnings with high empathy); they are claims ' +
        'to test against your own data, not measurements. The network and the figures are fictional sample data.',
    },
    ...modelPages(parts),
  ];
  if (parts.network !== undefined)
    pages.push({
      kind: 'network-view',
      networkId: parts.network.id,
      colorBy: 'team',
      title: 'Who supports whom',
      note:
        'The example organization after its peer-support programme, coloured by team. Patterns in the recorded ' +
        'ties, not judgements of anyone.',
    });
  // The simulator needs a saved estimate: the sample study comes with its MNL one.
  if (parts.conjoint !== undefined && Object.keys(parts.conjoint.document.estimations).length > 0)
    pages.push({
      kind: 'conjoint-simulator',
      studyId: parts.conjoint.id,
      title: 'What customers would choose',
      note:
        'Shares of preference from the sample conjoint study: change an offer (a faster reply, a human hand-off, ' +
        'a personal call) and see who would take it; R goes back to the starting offers.',
    });
  if (parts.sroi !== undefined)
    pages.push({
      kind: 'sroi-headline',
      analysisId: parts.sroi.id,
      title: 'What a year of empathy training returns',
      note: 'The SROI forecast of the sample analysis, after deadweight, attribution and drop-off.',
    });
  pages.push({
    kind: 'text',
    title: 'Measure it in your business',
    body:
      'Import your survey (IRI or a custom scale), KPIs and an A/B test under Measure, bind the measured figures ' +
      'to the model, calibrate it, and present this story again with your own numbers.',
  });
  return pages;
}

/** Adds the sample story to `projectId`; runs inside the caller's transaction (seedSamples in samples.ts). */
export function seedSampleStory(
  workspace: Workspace,
  projectId: ProjectId,
  parts: SampleStoryParts,
): StoryRecord {
  return createStoryRepository(workspace.db, () => new Date()).create(projectId, SAMPLE_STORY_NAME, {
    pages: samplePages(parts),
  });
}
