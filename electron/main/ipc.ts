/**
 * Electron's side of the API contract: one `ipcMain.handle` per operation, all registered through `handle()`.
 * It answers only the app's own windows showing the app's own pages (Electron security checklist, item 17,
 * "Validate the sender of all IPC messages"; Electron Fiddle's `ipcMainManager` drops messages from windows
 * it did not create), then hands the input to `dispatch()`, which parses it with the contract's zod schema
 * and never throws. So every reply is a `Result`, and nothing throws across the process boundary.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatch, type Handlers } from '../api/dispatch';
import { ipcChannel, OPERATIONS, type OperationName } from '../api/operations';
import { fail, type Result } from '../api/result';
import { isAppUrl } from './app-origin';

export interface IpcTrust {
  /** True for the WebContents of a window the app created (Fiddle keeps the same list of its windows). */
  readonly isAppWebContents: (contents: WebContents) => boolean;
}

/** Why a message is refused, or undefined when it comes from the app's own page in the app's own window. */
export function refusalReason(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trust: IpcTrust,
): string | undefined {
  if (!trust.isAppWebContents(event.sender)) return 'the message came from a window the app did not create';
  // senderFrame is null once the frame has navigated away or been destroyed: nothing left to trust.
  const frame = event.senderFrame;
  if (frame === null) return 'the page that sent the message is gone';
  if (!isAppUrl(frame.url)) return 'the message came from a page outside the app';
  return undefined;
}

/** The one helper every operation goes through. */
function handle(operation: OperationName, handlers: Handlers, trust: IpcTrust): void {
  ipcMain.handle(ipcChannel(operation), async (event, input: unknown): Promise<Result<unknown>> => {
    const reason = refusalReason(event, trust);
    if (reason !== undefined) return fail('forbidden', `${operation} refused: ${reason}.`);
    return dispatch(handlers, operation, input);
  });
}

/** Registers every operation of the contract; returns a function that removes them again. */
export function registerIpc(handlers: Handlers, trust: IpcTrust): () => void {
  for (const operation of OPERATIONS) handle(operation, handlers, trust);
  return () => {
    for (const operation of OPERATIONS) ipcMain.removeHandler(ipcChannel(operation));
  };
}
