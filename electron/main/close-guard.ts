/**
 * Closing the window without losing work. On `close` the window stays open while the page is asked to save what
 * is waiting to be saved (a debounced edit) and to name what is still running (a sensitivity run, a calibration);
 * if something runs, a native dialog asks before it is abandoned. The page's side is renderer/src/app/busy.ts.
 *
 * A page that does not answer (it hung, crashed, or never loaded the app) must not keep the window open forever:
 * after ANSWER_TIMEOUT_MS the window closes as if nothing ran.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { busyLabels, CLOSE_READY_CHANNEL, PREPARE_CLOSE_CHANNEL } from './desktop-channels';

export const ANSWER_TIMEOUT_MS = 5000;

let nextRequest = 1;

/** Asks the page to save and answer with what still runs; [] when the page is gone or silent. */
export function prepareToClose(window: BrowserWindow, timeoutMs = ANSWER_TIMEOUT_MS): Promise<string[]> {
  const contents = window.webContents;
  if (window.isDestroyed() || contents.isDestroyed() || contents.isCrashed()) return Promise.resolve([]);
  const request = nextRequest++;
  return new Promise((resolve) => {
    const finish = (labels: string[]): void => {
      clearTimeout(timer);
      ipcMain.removeListener(CLOSE_READY_CHANNEL, onAnswer);
      resolve(labels);
    };
    // Only this window's page may answer, and only this request.
    const onAnswer = (event: IpcMainEvent, answered: unknown, labels: unknown): void => {
      if (event.sender !== contents || answered !== request) return;
      finish(busyLabels(labels));
    };
    const timer = setTimeout(() => finish([]), timeoutMs);
    ipcMain.on(CLOSE_READY_CHANNEL, onAnswer);
    contents.send(PREPARE_CLOSE_CHANNEL, request);
  });
}

/** The native question; true to close anyway. */
export async function confirmAbandon(
  window: BrowserWindow,
  labels: readonly string[],
  quitting: boolean,
): Promise<boolean> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    message: quitting
      ? 'A run is in progress. Quit anyway?'
      : 'A run is in progress. Close the window anyway?',
    detail: `Still in progress:\n${labels.join('\n')}\n\n${quitting ? 'Quitting' : 'Closing'} now loses it.`,
    buttons: [quitting ? 'Quit Anyway' : 'Close Anyway', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

export interface CloseGuardSettings {
  /** True while the app is quitting (after `before-quit`), for the dialog's wording. */
  readonly isQuitting: () => boolean;
  /** The window closed after the guard let it: a quit that the guard interrupted goes on. */
  readonly onClosed: () => void;
  /** The user chose to keep the window: a quit in progress stops. */
  readonly onKept: () => void;
  readonly timeoutMs?: number;
  readonly confirm?: typeof confirmAbandon;
}

/** Installs the guard on the window's `close` event. */
export function guardClose(window: BrowserWindow, settings: CloseGuardSettings): void {
  const confirm = settings.confirm ?? confirmAbandon;
  let allowed = false;
  let asking = false;
  window.on('close', (event) => {
    if (allowed) return;
    event.preventDefault();
    if (asking) return; // a second click on the close button while the page is answering
    asking = true;
    void (async () => {
      const labels = await prepareToClose(window, settings.timeoutMs);
      const close = labels.length === 0 || (await confirm(window, labels, settings.isQuitting()));
      asking = false;
      if (window.isDestroyed()) return;
      if (!close) {
        settings.onKept();
        return;
      }
      allowed = true;
      window.close();
      settings.onClosed();
    })().catch((error: unknown) => {
      // A failure of the guard itself must not trap the user in a window that cannot close.
      console.error('Closing the window:', error);
      asking = false;
      allowed = true;
      if (!window.isDestroyed()) window.close();
    });
  });
}
