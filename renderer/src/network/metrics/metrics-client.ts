/**
 * The view's side of the metrics worker: one computation at a time (a new one cancels the one running),
 * progress to a callback, and the results of each wave kept in memory, so going back to a wave shows its
 * numbers at once.
 */
import type { Insight, NetworkGraph, NetworkMetrics } from '../../../../model/network';
import type { MetricsRequest, MetricsResponse } from './protocol';

/** The part of a Worker the client uses (tests pass an in-process stand-in). */
export interface MetricsPort {
  postMessage(message: MetricsRequest): void;
  onmessage: ((event: MessageEvent<MetricsResponse>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?(): void;
}

export interface WaveMetrics {
  readonly metrics: NetworkMetrics;
  readonly insights: readonly Insight[];
}

export type MetricsAnswer =
  | { readonly status: 'done'; readonly result: WaveMetrics }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'cancelled' };

interface Running {
  readonly id: number;
  readonly key: string;
  readonly resolve: (answer: MetricsAnswer) => void;
  readonly onProgress: (fraction: number) => void;
}

/** Results of the last waves looked at (a wave of 2,000 people holds about 400 kB of figures). */
const CACHE_SIZE = 16;

export class MetricsClient {
  private nextId = 1;
  private running: Running | undefined;
  private readonly cache = new Map<string, WaveMetrics>();
  private broken: string | undefined;

  constructor(private readonly port: MetricsPort) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      this.broken = `The metrics worker stopped: ${event.message || 'it could not start'}`;
      const running = this.running;
      this.running = undefined;
      running?.resolve({ status: 'failed', error: this.broken });
    };
  }

  /** The results already computed for `key` (a wave id and its saved version), if any. */
  cached(key: string): WaveMetrics | undefined {
    return this.cache.get(key);
  }

  /** Computes every metric of `graph`; a later call (or cancel) answers this one 'cancelled'. */
  compute(
    key: string,
    graph: NetworkGraph,
    onProgress: (fraction: number) => void = () => undefined,
  ): Promise<MetricsAnswer> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return Promise.resolve({ status: 'done', result: cached });
    if (this.broken !== undefined) return Promise.resolve({ status: 'failed', error: this.broken });
    this.cancel();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.running = { id, key, resolve, onProgress };
      this.port.postMessage({ id, kind: 'compute', graph });
    });
  }

  /** Stops the running computation; its promise answers 'cancelled' at once. */
  cancel(): void {
    const running = this.running;
    if (running === undefined) return;
    this.running = undefined;
    this.port.postMessage({ id: running.id, kind: 'cancel' });
    running.resolve({ status: 'cancelled' });
  }

  dispose(): void {
    this.cancel();
    this.port.terminate?.();
  }

  private receive(response: MetricsResponse): void {
    const running = this.running;
    if (running === undefined || running.id !== response.id) return;
    if (response.kind === 'progress') {
      running.onProgress(response.fraction);
      return;
    }
    this.running = undefined;
    if (response.kind === 'result') {
      const result = { metrics: response.metrics, insights: response.insights };
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value ?? '');
      this.cache.set(running.key, result);
      running.resolve({ status: 'done', result });
    } else if (response.kind === 'failed') running.resolve({ status: 'failed', error: response.error });
    else running.resolve({ status: 'cancelled' });
  }
}

/** The real worker (Vite bundles it as its own module file, allowed by the CSP's worker-src 'self'). */
export function createMetricsWorker(): MetricsPort {
  return new Worker(new URL('./metrics.worker.ts', import.meta.url), {
    type: 'module',
    name: 'network-metrics',
  });
}
