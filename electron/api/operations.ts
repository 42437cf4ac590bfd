/**
 * The names of every backend operation, and nothing else: the preload script builds its named functions from
 * this list without pulling the zod schemas into the sandboxed preload bundle. `contract.ts` is checked to
 * define exactly these names. Each instrument keeps its own names in parts/<instrument>.operations.ts.
 */
import { ANALYSIS_OPERATIONS } from './parts/analysis.operations';
import { CONJOINT_OPERATIONS } from './parts/conjoint.operations';
import { NETWORK_OPERATIONS } from './parts/network.operations';
import { SROI_OPERATIONS } from './parts/sroi.operations';
import { MEASURE_OPERATIONS } from './parts/measure.operations';
import { STORY_OPERATIONS } from './parts/story.operations';
export const OPERATIONS = [
  ...NETWORK_OPERATIONS,
  ...CONJOINT_OPERATIONS,
  ...SROI_OPERATIONS,
  ...STORY_OPERATIONS,
  ...MEASURE_OPERATIONS,
  ...ANALYSIS_OPERATIONS,
  'app.info',
  'projects.list',
  'projects.get',
  'projects.create',
  'projects.rename',
  'projects.delete',
  'projects.export',
  'projects.previewImport',
  'projects.import',
  'models.list',
  'models.get',
  'models.import',
  'models.save',
  'models.rename',
  'models.delete',
  'scenarios.list',
  'scenarios.create',
  'scenarios.update',
  'scenarios.duplicate',
  'scenarios.delete',
  'links.figures',
  'workspace.backup',
  'workspace.backups',
] as const;

export type OperationName = (typeof OPERATIONS)[number];

/** IPC channel of an operation (Electron Fiddle keeps one enum of channels; ours is derived from the list). */
export const ipcChannel = (operation: OperationName): `workbench:${OperationName}` =>
  `workbench:${operation}`;

export const isOperationName = (name: string): name is OperationName =>
  (OPERATIONS as readonly string[]).includes(name);
