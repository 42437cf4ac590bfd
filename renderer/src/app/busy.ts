/**
 * Work the page must not lose when its window closes or the browser tab is left: edits waiting to be saved (a
 * debounced save) and runs in progress (a sensitivity run, a calibration). Long tasks register themselves here;
 * nothing else needs to know they exist.
 *
 * How to use it, from any instrument:
 *
 *     // An edit waiting for its debounced save: give `flush`, which saves now.
 *     const release = registerBusy({ label: `Edits to "${name}"`, flush: () => saveNow() });
 *     // A run: no flush; closing would abandon it, so the user is asked first.
 *     const release = registerBusy({ label: 'Sensitivity run (10,000 runs)' });
 *     // When the save is done or the run ends (or the component unmounts):
 *     release();
 *
 * Desktop: when the window is about to close, the main process asks the page (electron/main/close-guard.ts); the
 * page runs every flush, then answers with the labels of the runs, and a native dialog asks "A run is in
 * progress. Quit anyway?". Browser (npm run web): `beforeunload` starts the flushes and, while anything is
 * registered, asks the browser's own "Leave site?" question, since a save may not finish once the page unloads.
 */

export interface BusyTask {
  /** What the user is told is in progress: "Sensitivity run (1,200 of 10,000)". */
  readonly label: string;
  /**
   * For work waiting to be saved: saves it now, resolving once saved. A task without `flush` is a run, which
   * closing would abandon.
   */
  readonly flush?: () => Promise<unknown>;
}

const tasks = new Set<BusyTask>();

/** Registers a task until the returned function is called (calling it again does nothing). */
export function registerBusy(task: BusyTask): () => void {
  const entry = { ...task };
  tasks.add(entry);
  return () => {
    tasks.delete(entry);
  };
}

export function busyTasks(): readonly BusyTask[] {
  return [...tasks];
}

/**
 * Saves everything waiting to be saved, then names what still runs. A save that fails is named too (the edit is
 * not saved, so closing would lose it); a save still registered after its flush (a newer edit came in) is saved
 * again, at most a few times, so a stream of edits cannot hold the window open.
 */
export async function prepareToClose(rounds = 3): Promise<string[]> {
  const failed: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const saves = busyTasks().filter((task) => task.flush !== undefined);
    if (saves.length === 0) break;
    const results = await Promise.allSettled(saves.map((task) => task.flush?.()));
    results.forEach((result, index) => {
      const task = saves[index];
      if (result.status === 'rejected' && task !== undefined) {
        tasks.delete(task);
        failed.push(`${task.label}: not saved (${reasonOf(result.reason)})`);
      }
    });
  }
  return [...failed, ...busyTasks().map((task) => task.label)];
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The part of Electron's preload bridge this module uses (electron/preload.ts, `onPrepareClose`). */
export interface CloseBridge {
  onPrepareClose?(prepare: () => Promise<readonly string[]>): () => void;
}

/** Where `beforeunload` is heard: `window` in the app. */
export interface UnloadTarget {
  addEventListener(type: 'beforeunload', listener: (event: BeforeUnloadEvent) => void): void;
  removeEventListener(type: 'beforeunload', listener: (event: BeforeUnloadEvent) => void): void;
}

/**
 * Answers the desktop's close handshake, and on `beforeunload` starts every flush. In the browser it also asks
 * before leaving while anything is registered. Not in Electron: there a cancelled unload would silently keep the
 * window open (Electron shows no dialog for it), and the close handshake has already asked.
 */
export function installBusyGuards(bridge: CloseBridge | undefined, target: UnloadTarget): () => void {
  const removeHandshake = bridge?.onPrepareClose?.(() => prepareToClose());
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    const pending = busyTasks();
    for (const task of pending) void task.flush?.().catch(() => undefined);
    if (bridge === undefined && pending.length > 0) {
      event.preventDefault();
      // Older browsers ask only when returnValue is set (https://developer.mozilla.org/docs/Web/API/Window/beforeunload_event).
      event.returnValue = '';
    }
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    removeHandshake?.();
    target.removeEventListener('beforeunload', onBeforeUnload);
  };
}
