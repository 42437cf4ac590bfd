/**
 * A story as the workspace keeps it (issue 9, point 1): a name and an ordered list of pages, each a live view
 * named by the ids of what it shows (a model and scenario, a network and wave, a conjoint study, an SROI
 * analysis) plus a title and a note. Pages copy no figures: a story always shows the current state of the
 * project. Kept apart from the repository so the API contract (and so the renderer) can import the schemas
 * without the driver. Page kinds are only ever added, so a saved story always reads.
 */
import { z } from 'zod';
import { documentNameSchema } from '../../model/schema/document-name';
import { NODE_METRIC_NAMES } from '../../model/network/metrics';
import { modelIdSchema } from '../../model/schema/model';
import { projectIdSchema } from '../../model/schema/project';
import { scenarioIdSchema } from '../../model/schema/scenario';
import { conjointStudyIdSchema } from '../../model/schema/conjoint-document';
import { networkIdSchema, networkWaveIdSchema } from './network-document';
import { sroiAnalysisIdSchema } from './sroi-analysis-record';

export const storyIdSchema = z.uuid().brand<'StoryId'>();
export type StoryId = z.infer<typeof storyIdSchema>;

export const STORY_NAME_MAX = 200;
export const storyNameSchema = documentNameSchema('story', STORY_NAME_MAX);

const title = z.string().max(300);
const note = z.string().max(4000);
/** Variable names as the model spells them; a page shows a handful, so the bound is generous. */
const variableNames = z.array(z.string().min(1).max(500)).max(50);

export const dynamicsChartPageSchema = z
  .object({
    kind: z.literal('dynamics-chart'),
    modelId: modelIdSchema,
    /** The starting scenario the presenter's reset returns to; none: the model's own values. */
    scenarioId: scenarioIdSchema.optional(),
    variables: variableNames,
    /** The constants shown as sliders. */
    levers: variableNames,
    title,
    note,
  })
  .strict();

export const sroiHeadlinePageSchema = z
  .object({ kind: z.literal('sroi-headline'), analysisId: sroiAnalysisIdSchema, title, note })
  .strict();

/** The Loops analysis's dominance chart of a model, live for the page's starting scenario. */
export const loopDominancePageSchema = z
  .object({
    kind: z.literal('loop-dominance'),
    modelId: modelIdSchema,
    scenarioId: scenarioIdSchema.optional(),
    title,
    note,
  })
  .strict();

/**
 * What colours a network page's nodes: as on the Graph tab. A person's own figure applies only where the
 * network's participants agreed to individual views; otherwise the page falls back to team or community, as the
 * Graph tab does.
 */
export const NETWORK_PAGE_COLOURS = ['team', 'community', ...NODE_METRIC_NAMES] as const;

/** A network's graph, read-only, for one wave (none: the latest). */
export const networkViewPageSchema = z
  .object({
    kind: z.literal('network-view'),
    networkId: networkIdSchema,
    waveId: networkWaveIdSchema.optional(),
    colorBy: z.enum(NETWORK_PAGE_COLOURS),
    title,
    note,
  })
  .strict();

/** A conjoint study's market simulator, live; its starting offers are the simulator's own defaults. */
export const conjointSimulatorPageSchema = z
  .object({ kind: z.literal('conjoint-simulator'), studyId: conjointStudyIdSchema, title, note })
  .strict();

export const textPageSchema = z.object({ kind: z.literal('text'), title, body: note }).strict();

export const storyPageSchema = z.discriminatedUnion('kind', [
  dynamicsChartPageSchema,
  sroiHeadlinePageSchema,
  textPageSchema,
  loopDominancePageSchema,
  networkViewPageSchema,
  conjointSimulatorPageSchema,
]);
export type StoryPage = z.infer<typeof storyPageSchema>;
export type StoryPageKind = StoryPage['kind'];

export const storyDocumentSchema = z.object({ pages: z.array(storyPageSchema).max(200) }).strict();
export type StoryDocument = z.infer<typeof storyDocumentSchema>;

export const storyRecordSchema = z.object({
  id: storyIdSchema,
  projectId: projectIdSchema,
  name: storyNameSchema,
  document: storyDocumentSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StoryRecord = z.infer<typeof storyRecordSchema>;

/** One line of the story list. */
export interface StorySummary {
  readonly id: StoryId;
  readonly projectId: StoryRecord['projectId'];
  readonly name: string;
  readonly pageCount: number;
  /** Set when the saved row cannot be read: it is listed so it can be deleted, and cannot be opened. */
  readonly problem?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
