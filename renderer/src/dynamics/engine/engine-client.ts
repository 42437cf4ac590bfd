/**
 * The view's side of the simulation worker: promises keyed by request id, and `runLatest` for slider drags,
 * which keeps at most one run waiting behind the one in flight, so a fast drag never queues up stale runs.
 */
import type { Diagnostic, IntegrationMethod, ModelDocument } from '../../../../model/sd';
import type { EngineRequest, EngineResponse, ModelInfo, RunRequestSpec, RunSeries } from './protocol';

/** The part of a Worker the client uses (tests pass an in-process stand-in). */
export interface EnginePort {
  postMessage(message: EngineRequest): void;
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null;
  /** A worker that fails to load or crashes reports here; every waiting request is then answered with the error. */
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?(): void;
}

export type LoadOutcome =
  | { readonly ok: true; readonly info: ModelInfo }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };
export type RunOutcome =
  | { readonly ok: true; readonly runs: readonly RunSeries[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

type Pending = (response: EngineResponse) => void;
/** A request before it gets its id (Omit distributed over the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private inFlight: Promise<unknown> | undefined;
  private waiting:
    { runs: readonly RunRequestSpec[]; resolve: (outcome: RunOutcome | 'superseded') => void } | undefined;

  constructor(private readonly port: EnginePort) {
    port.onmessage = (event) => {
      const settle = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      settle?.(event.data);
    };
    port.onerror = (event) => {
      const message = `The simulation worker stopped: ${event.message || 'it could not start'}`;
      for (const [id, settle] of this.pending) {
        settle({ id, kind: 'result', ok: false, errors: [{ code: 'unsupported', message }] });
      }
      this.pending.clear();
    };
  }

  private request(message: Unnumbered<EngineRequest>): Promise<EngineResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.port.postMessage({ ...message, id } as EngineRequest);
    });
  }

  async load(document: ModelDocument, method?: IntegrationMethod): Promise<LoadOutcome> {
    const response = await this.request({ kind: 'load', document, method });
    if (!response.ok) return { ok: false, errors: response.errors };
    return response.kind === 'loaded' ? { ok: true, info: response.info } : { ok: false, errors: [] };
  }

  async run(runs: readonly RunRequestSpec[]): Promise<RunOutcome> {
    const response = await this.request({ kind: 'run', runs });
    if (!response.ok) return { ok: false, errors: response.errors };
    return response.kind === 'result' ? { ok: true, runs: response.runs } : { ok: false, errors: [] };
  }

  /**
   * Runs now if the worker is idle; otherwise replaces whatever was waiting (which resolves as 'superseded') and
   * runs when the current run ends.
   */
  runLatest(runs: readonly RunRequestSpec[]): Promise<RunOutcome | 'superseded'> {
    if (this.inFlight === undefined) return this.start(runs);
    this.waiting?.resolve('superseded');
    return new Promise((resolve) => {
      this.waiting = { runs, resolve };
    });
  }

  private start(runs: readonly RunRequestSpec[]): Promise<RunOutcome> {
    const outcome = this.run(runs);
    this.inFlight = outcome;
    void outcome.then(() => {
      this.inFlight = undefined;
      const next = this.waiting;
      this.waiting = undefined;
      if (next !== undefined) void this.start(next.runs).then(next.resolve);
    });
    return outcome;
  }

  dispose(): void {
    this.waiting?.resolve('superseded');
    this.port.terminate?.();
  }
}

/** The real worker (Vite bundles it as its own module file, allowed by the CSP's worker-src 'self'). */
export function createSimulationWorker(): EnginePort {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
}
