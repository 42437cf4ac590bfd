/**
 * The order in which an analysis's changes reach the workspace, apart from React so it can be tested alone. Saves
 * run one after another, so the last one sent is what the workspace keeps. "Is this document saved?" is asked of
 * the last one sent, not of the last one that finished: after an undo back to a state while another save is on
 * its way, that state must be sent again, or the save on its way would win.
 */
import type { SaveState } from '../components/EditingControls';

export type { SaveState };

export class SaveQueue<T> {
  private queue: Promise<unknown> = Promise.resolve();
  /** What the workspace will hold once the queue has run; null after a save failed (nothing is sure). */
  private lastSent: T | null;
  private inFlight = 0;
  /** The document shown and not sent yet (its save waits for a pause in the typing). */
  private waitingFor: T | undefined;

  constructor(
    private readonly save: (document: T) => Promise<unknown>,
    /** What the workspace holds now; null when it holds nothing yet (the first document shown is sent). */
    saved: T | null,
    private readonly onState: (state: SaveState) => void,
  ) {
    this.lastSent = saved;
  }

  /** The document not sent yet, if any: sent at once when the editor is closed. */
  get waiting(): T | undefined {
    return this.waitingFor;
  }

  /**
   * The document now shown. True when it must be sent (the caller sends it after a pause, or at once); false when
   * it is what is saved or on its way (a redo after an undo that was never sent).
   */
  shown(document: T): boolean {
    if (document === this.lastSent) {
      this.waitingFor = undefined;
      if (this.inFlight === 0) this.onState({ status: 'saved' });
      return false;
    }
    this.waitingFor = document;
    this.onState({ status: 'pending' });
    return true;
  }

  /** Sends a document after the saves before it; rejects with the backend's message if it is refused. */
  send(document: T): Promise<void> {
    if (this.waitingFor === document) this.waitingFor = undefined;
    this.lastSent = document;
    this.inFlight += 1;
    const job = this.queue.then(() => this.save(document));
    this.queue = job.catch(() => undefined);
    return job.then(
      () => {
        this.inFlight -= 1;
        if (this.inFlight === 0 && this.waitingFor === undefined) this.onState({ status: 'saved' });
      },
      (error: unknown) => {
        this.inFlight -= 1;
        if (this.lastSent === document) this.lastSent = null;
        const message = error instanceof Error ? error.message : String(error);
        this.onState({ status: 'failed', message });
        throw new Error(message);
      },
    );
  }

  /** Runs after every save sent so far (a rename waits for them, so none lands after it with the old name). */
  after<R>(job: () => Promise<R>): Promise<R> {
    const next = this.queue.then(job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
