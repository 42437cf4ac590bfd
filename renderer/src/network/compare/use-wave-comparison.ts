/**
 * Two waves compared: each wave's metrics computed in the metrics worker (renderer/src/network/metrics, the
 * graph view's own worker code; betweenness and closeness take seconds on large networks), one wave after the
 * other with progress, then model/network/compare.ts's comparison, whose whole-graph figures are the ones the
 * Dynamics link offers (electron/services/network-figures.ts).
 *
 * The comparison has a worker of its own (same code, another instance), so comparing never cancels the graph
 * view's computation of the wave on screen, nor the other way round.
 */
import { useEffect, useMemo, useState } from 'react';
import { compareWaves, type WaveComparison as Comparison } from '../../../../model/network/compare';
import { graphOfTies } from '../../../../model/network/formats';
import type { NetworkGraph } from '../../../../model/network/graph';
import type { NetworkDocument, NetworkWave } from '../../../../electron/api/contract';
import { createMetricsWorker, MetricsClient } from '../metrics/metrics-client';
import { privacyOf } from '../privacy/network-privacy';

export type ComparisonState =
  | { readonly status: 'computing'; readonly wave: string; readonly fraction: number }
  | { readonly status: 'ready'; readonly comparison: Comparison }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'cancelled' };

let sharedClient: MetricsClient | undefined;
const client = (): MetricsClient => (sharedClient ??= new MetricsClient(createMetricsWorker()));

/** The graph of one saved wave, with the network's direction. */
export const graphOfWave = (network: NetworkDocument, wave: NetworkWave): NetworkGraph =>
  graphOfTies({ ...wave, directed: network.directed });

/** A wave's key in the worker's memory: its id and saved version. */
const keyOf = (wave: NetworkWave): string => `compare ${wave.id} ${wave.updatedAt}`;

export function useWaveComparison(
  network: NetworkDocument,
  before: NetworkWave | undefined,
  after: NetworkWave | undefined,
): { readonly state: ComparisonState | undefined; cancel(): void; retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ComparisonState | undefined>();
  const graphs = useMemo(
    () =>
      before === undefined || after === undefined
        ? undefined
        : { before: graphOfWave(network, before), after: graphOfWave(network, after) },
    [network, before, after],
  );

  // Issue 11: teams under the network's minimum group size are hidden (with the model's note), and each
  // person's change is computed only when the participants agreed to individual views.
  const { minGroupSize, individualConsent } = privacyOf(network);

  useEffect(() => {
    if (graphs === undefined || before === undefined || after === undefined) return;
    let current = true;
    const run = async () => {
      const computed = [];
      for (const [wave, graph] of [
        [before, graphs.before],
        [after, graphs.after],
      ] as const) {
        setState({ status: 'computing', wave: wave.wave, fraction: 0 });
        const answer = await client().compute(keyOf(wave), graph, (fraction) => {
          if (current) setState({ status: 'computing', wave: wave.wave, fraction });
        });
        if (!current) return;
        if (answer.status !== 'done') {
          setState(answer.status === 'failed' ? { status: 'failed', error: answer.error } : answer);
          return;
        }
        computed.push({ wave: wave.wave, graph, metrics: answer.result.metrics });
      }
      const [earlier, later] = computed;
      if (earlier === undefined || later === undefined) return;
      setState({
        status: 'ready',
        comparison: compareWaves(earlier, later, {
          minimumGroupSize: minGroupSize,
          individuals: individualConsent,
        }),
      });
    };
    void run();
    return () => {
      current = false;
    };
  }, [graphs, before, after, attempt, minGroupSize, individualConsent]);

  return {
    state,
    cancel: () => client().cancel(),
    retry: () => setAttempt((count) => count + 1),
  };
}
