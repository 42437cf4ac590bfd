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
import {
  CLOSE_READY_CHANNEL,
  CURRENT_PROJECT_CHANNEL,
  isOpenedModel,
  OPEN_MODEL_CHANNEL,
  PREPARE_CLOSE_CHANNEL,
  type OpenedModel,
} from './main/desktop-channels';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from './main/menu-commands';
import { PRINT_TO_PDF_CHANNEL, type PrintToPdfOutcome } from './main/print-channel';

/** What `window.workbench` is in Electron: the API, which host it is, and the menu's commands. */
export type WorkbenchBridge = WorkbenchApi & {
  readonly host: 'electron';
  /**
   * Calls `listener` with each command the native menu sends (a name from MENU_COMMANDS, nothing else), until
   * the returned function is called.
   */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** Prints this page to a PDF file the user chooses (main/print-to-pdf.ts); `fileName` is only suggested. */
  readonly printToPdf: (fileName: string) => Promise<Result<PrintToPdfOutcome>>;
  /**
   * Calls `listener` with each model the OS opened (imported by the main process: its project and id). The page
   * must also report its open project with `reportProject`: opened files wait until it has.
   */
  readonly onOpenModel: (listener: (opened: OpenedModel) => void) => () => void;
  /** Tells the main process which project is open (null: none), where a model opened from the OS goes. */
  readonly reportProject: (projectId: string | null) => void;
  /**
   * Sets what runs when the window is about to close: save what waits to be saved, then resolve with the labels
   * of the work still running ([] when none). One handler at a time; the returned function removes it.
   */
  readonly onPrepareClose: (prepare: () => Promise<readonly string[]>) => () => void;
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

function onOpenModel(listener: (opened: OpenedModel) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onOpenModel expects a function.');
  const forward = (_event: IpcRendererEvent, opened: unknown): void => {
    if (isOpenedModel(opened)) listener({ projectId: opened.projectId, modelId: opened.modelId });
  };
  ipcRenderer.on(OPEN_MODEL_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(OPEN_MODEL_CHANNEL, forward);
  };
}

function reportProject(projectId: string | null): void {
  if (projectId !== null && typeof projectId !== 'string')
    throw new TypeError('reportProject expects an id or null.');
  ipcRenderer.send(CURRENT_PROJECT_CHANNEL, projectId);
}

/** The page's answer to "about to close"; a handler that throws answers "nothing runs" rather than never. */
let prepareClose: (() => Promise<readonly string[]>) | undefined;

ipcRenderer.on(PREPARE_CLOSE_CHANNEL, (_event: IpcRendererEvent, request: unknown) => {
  const prepare = prepareClose;
  const answer = (labels: readonly string[]): void => {
    ipcRenderer.send(CLOSE_READY_CHANNEL, request, [...labels]);
  };
  if (prepare === undefined) {
    answer([]);
    return;
  }
  prepare().then(answer, (error: unknown) => {
    console.error('Preparing to close:', error);
    answer([]);
  });
});

function onPrepareClose(prepare: () => Promise<readonly string[]>): () => void {
  if (typeof prepare !== 'function') throw new TypeError('onPrepareClose expects a function.');
  prepareClose = prepare;
  return () => {
    if (prepareClose === prepare) prepareClose = undefined;
  };
}

/** The page's "Save as PDF": the main process asks where, prints this page and answers with a Result. */
async function printToPdf(fileName: string): Promise<Result<PrintToPdfOutcome>> {
  try {
    return (await ipcRenderer.invoke(PRINT_TO_PDF_CHANNEL, fileName)) as Result<PrintToPdfOutcome>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'internal', message: `Printing to PDF could not reach the app: ${message}` },
    };
  }
}

const workbench = {
  ...operations(),
  host: 'electron',
  onMenuCommand,
  onOpenModel,
  reportProject,
  onPrepareClose,
  printToPdf,
} satisfies WorkbenchBridge;

contextBridge.exposeInMainWorld('workbench', workbench);
