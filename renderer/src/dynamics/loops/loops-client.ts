/**
 * The panel's side of the loops worker: one analysis in flight at a time, and only the latest request
 * waiting behind it (a slider drag asks many times; the ones overtaken resolve as 'superseded').
 */
import type { Diagnostic, ModelDocument } from '../../../../model/sd';
import type { LoopAnalysis } from '../../../../model/sd/loops';
import type { Overrides } from '../engine/protocol';
import type { LoopsRequest, LoopsResponse } from './protocol';

/** The part of a Worker the client uses (tests pass an in-process stand-in). */
export interface LoopsPort {
  postMessage(message: LoopsRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<LoopsResponse>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?(): void;
}

export type LoopsOutcome =
  | { readonly ok: true; readonly analysis: LoopAnalysis }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

interface Job {
  readonly document: ModelDocument;
  readonly overrides: Overrides;
  readonly resolve: (outcome: LoopsOutcome | 'superseded') => void;
}

export class LoopsClient {
  private nextId = 1;
  private inFlight: { readonly id: number; readonly job: Job } | undefined;
  private waiting: Job | undefined;
  /** Set when the worker failed: every request is then answered with it. */
  private broken: Diagnostic | undefined;

  constructor(private readonly port: LoopsPort) {
    port.onmessage = (event) => {
      const current = this.inFlight;
      if (current === undefined || current.id !== event.data.id) return;
      this.inFlight = undefined;
      current.job.resolve(
        event.data.ok
          ? { ok: true, analysis: event.data.analysis }
          : { ok: false, errors: event.data.errors },
      );
      this.startWaiting();
    };
    port.onerror = (event) => {
      const broken: Diagnostic = {
        code: 'internal',
        message: `The loops worker stopped: ${event.message || 'it could not start'}`,
      };
      this.broken = broken;
      for (const job of [this.inFlight?.job, this.waiting]) job?.resolve({ ok: false, errors: [broken] });
      this.inFlight = undefined;
      this.waiting = undefined;
    };
  }

  /** Analyses the loops of a document under a what-if; resolves 'superseded' if a newer request overtakes it. */
  analyze(document: ModelDocument, overrides: Overrides): Promise<LoopsOutcome | 'superseded'> {
    const broken = this.broken;
    if (broken !== undefined) return Promise.resolve({ ok: false, errors: [broken] });
    return new Promise((resolve) => {
      this.waiting?.resolve('superseded');
      this.waiting = { document, overrides, resolve };
      if (this.inFlight === undefined) this.startWaiting();
    });
  }

  private startWaiting(): void {
    const job = this.waiting;
    if (job === undefined) return;
    this.waiting = undefined;
    const id = this.nextId++;
    this.inFlight = { id, job };
    this.port.postMessage({ id, kind: 'analyze', document: job.document, overrides: job.overrides });
  }

  dispose(): void {
    this.waiting?.resolve('superseded');
    this.inFlight?.job.resolve('superseded');
    this.port.terminate?.();
  }
}

/** The real worker (Vite bundles it as its own module file, allowed by the CSP's worker-src 'self'). */
export function createLoopsWorker(): LoopsPort {
  return new Worker(new URL('./loops.worker.ts', import.meta.url), { type: 'module', name: 'loops' });
}
