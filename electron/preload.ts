/**
 * The bridge between the sandboxed renderer and the main process: `window.workbench`, one named function per
 * operation of the API contract, and nothing else of Electron (security checklist, item 20, "Do not expose
 * Electron APIs to untrusted web content"; the renderer never sees `ipcRenderer` or an IPC event).
 *
 * Sandboxed preloads cannot load ES modules or other files, so this is bundled to CommonJS. It imports the list
 * of operation names only (`api/operations.ts`), never the contract's zod schemas: input is parsed in the main
 * process, which must not trust the renderer anyway.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WorkbenchApi } from './api/contract';
import { ipcChannel, OPERATIONS, type OperationName } from './api/operations';
import type { Result } from './api/result';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from './main/menu-commands';

/** What `window.workbench` is in Electron: the API, which host it is, and the menu's commands. */
export type WorkbenchBridge = WorkbenchApi & {
  readonly host: 'electron';
  /**
   * Calls `listener` with each command the native menu sends (a name from MENU_COMMANDS, nothing else), until
   * the returned function is called.
   */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

/**
 * One operation's function. The main process always answers with a Result; if IPC itself fails (no handler, a
 * value that cannot be cloned) the rejection becomes a Result too, so nothing throws into the page.
 */
function invoker(operation: OperationName) {
  const channel = ipcChannel(operation);
  return async (input: unknown): Promise<Result<unknown>> => {
    try {
      return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: { code: 'internal', message: `${operation} could not reach the app: ${message}` },
      };
    }
  };
}

function operations(): WorkbenchApi {
  const entries = OPERATIONS.map((operation) => [operation, invoker(operation)] as const);
  // Each invoker returns the Result the main process built from the contract's output type for that operation.
  return Object.fromEntries(entries) as unknown as WorkbenchApi;
}

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onMenuCommand expects a function.');
  // The page gets the command name only, never the IpcRendererEvent (whose `sender` is ipcRenderer itself).
  const forward = (_event: IpcRendererEvent, command: unknown): void => {
    if (isMenuCommand(command)) listener(command);
  };
  ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
  };
}

const workbench = { ...operations(), host: 'electron', onMenuCommand } satisfies WorkbenchBridge;

contextBridge.exposeInMainWorld('workbench', workbench);
