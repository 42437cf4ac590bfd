/**
 * The names of every backend operation, and nothing else: the preload script builds its named functions from
 * this list without pulling the zod schemas into the sandboxed preload bundle. `contract.ts` is checked to
 * define exactly these names.
 */
export const OPERATIONS = [
  'app.info',
  'projects.list',
  'projects.get',
  'projects.create',
  'projects.rename',
  'projects.delete',
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
  'workspace.backup',
  'workspace.backups',
] as const;

export type OperationName = (typeof OPERATIONS)[number];

/** IPC channel of an operation (Electron Fiddle keeps one enum of channels; ours is derived from the list). */
export const ipcChannel = (operation: OperationName): `workbench:${OperationName}` =>
  `workbench:${operation}`;

export const isOperationName = (name: string): name is OperationName =>
  (OPERATIONS as readonly string[]).includes(name);
