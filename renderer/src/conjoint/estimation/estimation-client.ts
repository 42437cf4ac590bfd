/**
 * The view's side of the estimation worker: one estimation at a time, a promise per request, progress to a
 * callback, and `cancel()`, which ends the worker at once (the answer is 'cancelled'; nothing is saved) and lets
 * the next request start a fresh one.
 */
import type { EstimationResult, EstimationSpec } from '../../../../model/conjoint/estimation-run';
import type { EstimationRequest, EstimationResponse } from './protocol';

/** The part of a Worker the client uses (tests pass an in-process stand-in). */
export interface EstimationPort {
  postMessage(message: EstimationRequest): void;
  onmessage: ((event: MessageEvent<EstimationResponse>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type EstimationAnswer =
  | { readonly status: 'done'; readonly result: EstimationResult }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'cancelled' };

interface Running {
  readonly id: number;
  readonly resolve: (answer: EstimationAnswer) => void;
  readonly onProgress: (done: number, total: number) => void;
}

export class EstimationClient {
  private nextId = 1;
  private port: EstimationPort | undefined;
  private running: Running | undefined;

  constructor(private readonly createPort: () => EstimationPort) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  estimate(
    spec: EstimationSpec,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<EstimationAnswer> {
    if (this.running !== undefined)
      return Promise.resolve({
        status: 'failed',
        error: 'an estimation is already running; wait for it or cancel it',
      });
    const port = this.connect();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.running = { id, resolve, onProgress };
      port.postMessage({ id, spec });
    });
  }

  /** Stops the running estimation now; its promise answers 'cancelled'. */
  cancel(): void {
    const running = this.running;
    if (running === undefined) return;
    this.running = undefined;
    this.port?.terminate();
    this.port = undefined;
    running.resolve({ status: 'cancelled' });
  }

  dispose(): void {
    this.cancel();
    this.port?.terminate();
    this.port = undefined;
  }

  private connect(): EstimationPort {
    if (this.port !== undefined) return this.port;
    const port = this.createPort();
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      const running = this.running;
      this.running = undefined;
      this.port = undefined;
      port.terminate();
      running?.resolve({
        status: 'failed',
        error: `the estimation worker stopped: ${event.message || 'it could not start'}`,
      });
    };
    this.port = port;
    return port;
  }

  private receive(response: EstimationResponse): void {
    const running = this.running;
    if (running === undefined || response.id !== running.id) return;
    if (response.kind === 'progress') {
      running.onProgress(response.done, response.total);
      return;
    }
    this.running = undefined;
    running.resolve(
      response.kind === 'result'
        ? { status: 'done', result: response.result }
        : { status: 'failed', error: response.error },
    );
  }
}

/** The real worker (Vite bundles it as a module file of its own, allowed by the CSP's worker-src 'self'). */
export function createEstimationWorker(): EstimationPort {
  return new Worker(new URL('./estimation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'conjoint-estimation',
  });
}
