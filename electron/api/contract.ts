/**
 * The one API contract: every operation the renderer (or a script over HTTP) may call, with the zod schema its
 * input must pass and the type of its value. Electron's IPC, the web host and the tests all dispatch through
 * `dispatch()` in `dispatch.ts`, which parses the input with these schemas and answers with a `Result`.
 *
 * The renderer imports the types from here (never the handlers).
 */
import { z } from 'zod';
import {
  modelIdSchema,
  modelNameSchema,
  xmileTextSchema,
  type ModelRecord,
  type ModelSummary,
} from '../../model/schema/model';
import { projectIdSchema, projectNameSchema, type Project } from '../../model/schema/project';
import {
  overridesSchema,
  scenarioIdSchema,
  scenarioLinkSchema,
  scenarioNameSchema,
  type Scenario,
} from '../../model/schema/scenario';
import type { LinkableFigure } from '../../model/schema/figure';
import type { ProjectExport, ProjectFilePreview } from '../services/project-share-format';
import type { OperationName } from './operations';
import { analysisContract } from './parts/analysis.contract';
import { conjointContract } from './parts/conjoint.contract';
import { networkContract } from './parts/network.contract';
import { sroiContract } from './parts/sroi.contract';
import { measureContract } from './parts/measure.contract';
import { storyContract } from './parts/story.contract';
import type { Result } from './result';

/** A phantom marker that carries an operation's output type without a runtime schema. */
const returns = <T>(): T => undefined as T;

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: 'electron' | 'web' | 'cli' | 'test';
  readonly dataDir: string;
  readonly workspacePath: string;
  readonly schemaVersion: number;
}

export interface BackupInfo {
  readonly file: string;
  readonly path: string;
  readonly createdAt: string;
  readonly bytes: number;
  readonly reason: string;
}

const noInput = z.object({}).strict();
/** A project file's text; the web host's 32 MB body limit bounds it in practice. */
const projectFileText = z
  .string()
  .min(1, 'The file is empty.')
  .max(32 * 1024 * 1024);
const byProjectId = z.object({ id: projectIdSchema }).strict();
const byModelId = z.object({ id: modelIdSchema }).strict();
const byScenarioId = z.object({ id: scenarioIdSchema }).strict();

export const contract = {
  ...networkContract,
  ...conjointContract,
  ...sroiContract,
  ...storyContract,
  ...measureContract,
  ...analysisContract,
  'app.info': { input: noInput, output: returns<AppInfo>() },
  'projects.list': { input: noInput, output: returns<readonly Project[]>() },
  'projects.get': { input: byProjectId, output: returns<Project>() },
  'projects.create': {
    input: z.object({ name: projectNameSchema, description: z.string().max(4000).optional() }).strict(),
    output: returns<Project>(),
  },
  'projects.rename': {
    input: z.object({ id: projectIdSchema, name: projectNameSchema }).strict(),
    output: returns<Project>(),
  },
  'projects.delete': { input: byProjectId, output: returns<{ readonly id: Project['id'] }>() },
  // A project as one file and back (electron/services/project-share.ts); the file travels as its text.
  'projects.export': { input: byProjectId, output: returns<ProjectExport>() },
  'projects.previewImport': {
    input: z.object({ text: projectFileText }).strict(),
    output: returns<ProjectFilePreview>(),
  },
  'projects.import': {
    input: z.object({ text: projectFileText, onConflict: z.enum(['rename', 'replace']).optional() }).strict(),
    output: returns<Project>(),
  },
  'models.list': {
    input: z.object({ projectId: projectIdSchema }).strict(),
    output: returns<readonly ModelSummary[]>(),
  },
  'models.get': { input: byModelId, output: returns<ModelRecord>() },
  'models.import': {
    input: z
      .object({
        projectId: projectIdSchema,
        xmile: xmileTextSchema,
        name: modelNameSchema.optional(),
        fileName: z.string().max(500).optional(),
      })
      .strict(),
    output: returns<ModelRecord>(),
  },
  'models.save': {
    input: z.object({ id: modelIdSchema, xmile: xmileTextSchema }).strict(),
    output: returns<ModelRecord>(),
  },
  'models.rename': {
    input: z.object({ id: modelIdSchema, name: modelNameSchema }).strict(),
    output: returns<ModelRecord>(),
  },
  'models.delete': { input: byModelId, output: returns<{ readonly id: ModelRecord['id'] }>() },
  'scenarios.list': {
    input: z.object({ modelId: modelIdSchema }).strict(),
    output: returns<readonly Scenario[]>(),
  },
  'scenarios.create': {
    input: z
      .object({
        modelId: modelIdSchema,
        name: scenarioNameSchema,
        description: z.string().max(4000).optional(),
        overrides: overridesSchema,
        links: z.array(scenarioLinkSchema).optional(),
      })
      .strict(),
    output: returns<Scenario>(),
  },
  'scenarios.update': {
    input: z
      .object({
        id: scenarioIdSchema,
        name: scenarioNameSchema.optional(),
        description: z.string().max(4000).optional(),
        overrides: overridesSchema.optional(),
        links: z.array(scenarioLinkSchema).optional(),
      })
      .strict(),
    output: returns<Scenario>(),
  },
  'scenarios.duplicate': {
    input: z.object({ id: scenarioIdSchema, name: scenarioNameSchema.optional() }).strict(),
    output: returns<Scenario>(),
  },
  'scenarios.delete': { input: byScenarioId, output: returns<{ readonly id: Scenario['id'] }>() },
  'links.figures': {
    input: z.object({ projectId: projectIdSchema }).strict(),
    output: returns<readonly LinkableFigure[]>(),
  },
  'workspace.backup': { input: noInput, output: returns<BackupInfo>() },
  'workspace.backups': { input: noInput, output: returns<readonly BackupInfo[]>() },
} as const satisfies Record<OperationName, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
/** What a caller passes (before zod parsing: optional fields may be left out). */
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
/** What a handler receives (after zod parsing: trimmed, branded, defaults applied). */
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = Contract[K]['output'];

/** The API as the renderer sees it, identical in Electron (preload) and in the browser (HTTP). */
export type WorkbenchApi = {
  readonly [K in OperationName]: (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>;
};

export type { OperationName } from './operations';
export type { Result, ApiError, ErrorCode } from './result';
export type { Project, ProjectId } from '../../model/schema/project';
export type { ProjectExport, ProjectFilePreview } from '../services/project-share-format';
export type { ModelId, ModelRecord, ModelSummary } from '../../model/schema/model';
export type { LinkableFigure } from '../../model/schema/figure';
export type { Overrides, Scenario, ScenarioId, ScenarioLink } from '../../model/schema/scenario';
export type * from './parts/sroi.contract';
export type * from './parts/story.contract';
export type * from './parts/measure.contract';
export type * from './parts/conjoint.contract';
export type * from './parts/network.contract';
export type * from './parts/analysis.contract';
