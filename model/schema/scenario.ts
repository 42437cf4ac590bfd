import { z } from 'zod';
import { documentNameSchema } from './document-name';
import { modelIdSchema } from './model';
import { projectIdSchema } from './project';

/**
 * A scenario: named parameter overrides of one model, plus the links that feed a constant from another instrument
 * (DESIGN.md, "the instruments feed each other"). The file format the CLI reads is the portable subset:
 * `{ "name": "...", "overrides": { "variable name": number } }`.
 */
export const scenarioIdSchema = z.uuid().brand<'ScenarioId'>();
export type ScenarioId = z.infer<typeof scenarioIdSchema>;

export const SCENARIO_NAME_MAX = 200;

export const scenarioNameSchema = documentNameSchema('scenario', SCENARIO_NAME_MAX);

/** Variable name (as written in the model) → the constant's value in this scenario. */
export const overridesSchema = z.record(
  z.string().trim().min(1, 'An override needs a variable name.'),
  z.number().refine(Number.isFinite, 'An override must be a finite number.'),
);
export type Overrides = z.infer<typeof overridesSchema>;

/** Where a linked constant takes its value from: a figure computed by another instrument. */
export const scenarioLinkSchema = z.object({
  /** The model constant the figure sets, as written in the model. */
  variable: z.string().min(1),
  source: z.object({
    instrument: z.enum(['network', 'conjoint', 'sroi', 'measurement']),
    documentId: z.string().min(1),
    /** Which figure of that document, e.g. "graph.reciprocity" or "wtp.Human reply". */
    figure: z.string().min(1),
  }),
  /** Optional linear mapping from the figure to the constant: value = scale * figure + offset. */
  scale: z.number().optional(),
  offset: z.number().optional(),
});
export type ScenarioLink = z.infer<typeof scenarioLinkSchema>;

export const scenarioSchema = z.object({
  id: scenarioIdSchema,
  projectId: projectIdSchema,
  modelId: modelIdSchema,
  name: scenarioNameSchema,
  description: z.string().max(4000),
  overrides: overridesSchema,
  links: z.array(scenarioLinkSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** The scenario file the CLI reads and the app exports (sample-data/scenarios/*.json). */
export const scenarioFileSchema = z
  .object({
    name: scenarioNameSchema,
    description: z.string().max(4000).optional(),
    overrides: overridesSchema,
    links: z.array(scenarioLinkSchema).optional(),
  })
  .loose();
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
