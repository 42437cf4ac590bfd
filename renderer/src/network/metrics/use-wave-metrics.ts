/**
 * The metrics of one wave (the view keys its user by wave, so `key` does not change during its life): computed in the worker when the wave changes, with progress and a
 * cancel button, and taken from the client's memory when they were computed before.
 */
import { useCallback, useEffect, useState } from 'react';
import type { NetworkGraph } from '../../../../model/network';
import { createMetricsWorker, MetricsClient, type WaveMetrics } from './metrics-client';

export type WaveMetricsState =
  | { readonly status: 'computing'; readonly fraction: number }
  | { readonly status: 'ready'; readonly result: WaveMetrics }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'cancelled' };

// One worker for the whole view, made on first use: its memory of computed waves outlives a page change.
let sharedClient: MetricsClient | undefined;
const client = (): MetricsClient => (sharedClient ??= new MetricsClient(createMetricsWorker()));

export function useWaveMetrics(
  key: string,
  graph: NetworkGraph,
): { readonly state: WaveMetricsState; cancel(): void; retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<WaveMetricsState>(() => {
    const cached = client().cached(key);
    return cached === undefined ? { status: 'computing', fraction: 0 } : { status: 'ready', result: cached };
  });

  useEffect(() => {
    let current = true;
    const start = performance.now();
    void client()
      .compute(key, graph, (fraction) => {
        if (current) setState({ status: 'computing', fraction });
      })
      .then((answer) => {
        if (!current) return;
        if (answer.status === 'done') {
          // Read by `npm run bench` (test/bench/network-view-browser.ts).
          performance.measure('network:metrics', { start });
          setState({ status: 'ready', result: answer.result });
        } else if (answer.status === 'failed') setState({ status: 'failed', error: answer.error });
        else setState({ status: 'cancelled' });
      });
    return () => {
      current = false;
    };
  }, [key, graph, attempt]);

  const cancel = useCallback(() => client().cancel(), []);
  const retry = useCallback(() => {
    setState({ status: 'computing', fraction: 0 });
    setAttempt((count) => count + 1);
  }, []);
  return { state, cancel, retry };
}
