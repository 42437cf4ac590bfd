/**
 * What the metrics worker does, written without the worker so a test can drive it in-process: computes
 * every metric and the plain-words insights for a graph, reports throttled progress, and stops when asked.
 *
 * The shortest-path ranges run one after another in this thread, with a macrotask between two ranges: the
 * worker's message handler then gets its turn, so a 'cancel' message flips the flag the kernel checks
 * (model/network/cancel.ts) while betweenness is still running.
 */
import {
  NetworkMetricsCancelled,
  computeNetworkMetrics,
  computePathSums,
  networkInsights,
  type NetworkMetrics,
  type ShortestPathRunner,
} from '../../../../model/network';
import type { MetricsRequest, MetricsResponse } from './protocol';

/** At most one progress message per this many milliseconds (the bar needs no more). */
const PROGRESS_INTERVAL_MS = 50;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs each range in this thread, yielding between ranges so messages (cancel) are received. */
export const yieldingRunner: ShortestPathRunner = {
  async run(task, ranges, deliver, signal) {
    for (let index = 0; index < ranges.length; index++) {
      const range = ranges[index];
      if (range === undefined) continue;
      await nextTask();
      deliver(index, computePathSums(task, range, signal));
    }
  },
};

/** The buffers of a result, handed over instead of copied. */
export function metricsTransfer(metrics: NetworkMetrics): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [...Object.values(metrics.node), metrics.community];
  if (metrics.teams !== null) arrays.push(metrics.teams.index);
  if (metrics.crossTeamShare !== null) arrays.push(metrics.crossTeamShare);
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

export interface MetricsSession {
  handle(request: MetricsRequest): void;
}

/** A session answering through `post` (the worker's postMessage, or a test's array). */
export function createMetricsSession(
  post: (response: MetricsResponse, transfer: ArrayBuffer[]) => void,
): MetricsSession {
  const cancelled = new Set<number>();
  return {
    handle(request) {
      if (request.kind === 'cancel') {
        cancelled.add(request.id);
        return;
      }
      const { id, graph } = request;
      const signal = {
        get aborted() {
          return cancelled.has(id);
        },
      };
      let lastProgress = 0;
      const onProgress = (fraction: number) => {
        const now = performance.now();
        if (fraction < 1 && now - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = now;
        post({ id, kind: 'progress', fraction }, []);
      };
      computeNetworkMetrics(graph, { runner: yieldingRunner, signal }, onProgress).then(
        (metrics) => {
          cancelled.delete(id);
          const insights = networkInsights(graph, metrics);
          post({ id, kind: 'result', metrics, insights }, metricsTransfer(metrics));
        },
        (error: unknown) => {
          cancelled.delete(id);
          if (error instanceof NetworkMetricsCancelled) post({ id, kind: 'cancelled' }, []);
          else
            post({ id, kind: 'failed', error: error instanceof Error ? error.message : String(error) }, []);
        },
      );
    },
  };
}
