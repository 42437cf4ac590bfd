/**
 * A workspace in a temp folder with one project, and its operations called through dispatch as the renderer and
 * the web host call them: `call` returns the value (and throws the error's code and message), `refusal` returns
 * the error of an operation expected to be refused; and whether the workspace's file holds a text.
 */
import fs from 'node:fs';
import { dispatch } from '../../../electron/api/dispatch';
import type { OperationInput, OperationName, OperationOutput } from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

export interface HandlersSetUp {
  /** The one project's name. */
  readonly projectName: string;
  /** As openWorkspace's option (a backup when the workspace opens, on by default). */
  readonly backupOnOpen?: boolean;
}

export function setUpHandlers({ projectName, backupOnOpen = true }: HandlersSetUp) {
  const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen });
  const handlers = createHandlers({ workspace, host: 'test' });
  const project = workspace.projects.create({ name: projectName });
  async function call<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
  ): Promise<OperationOutput<K>> {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as OperationOutput<K>;
  }
  async function refusal<K extends OperationName>(operation: K, input: OperationInput<K>) {
    const result = await dispatch(handlers, operation, input);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  }
  return { workspace, handlers, project, call, refusal };
}

/** The workspace's bytes on disk (file and write-ahead log, after a checkpoint) hold this text. */
export function onDisk(workspace: Workspace, text: string): boolean {
  workspace.db.pragma('wal_checkpoint(TRUNCATE)');
  const needle = Buffer.from(text, 'utf8');
  return [workspace.path, `${workspace.path}-wal`].some(
    (file) => fs.existsSync(file) && fs.readFileSync(file).includes(needle),
  );
}
