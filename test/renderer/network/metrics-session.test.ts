/**
 * The metrics worker's session driven in-process: progress that only grows and ends at 1, the same figures
 * as a direct call, and a cancel message, sent while betweenness runs, answered 'cancelled'.
 */
import { describe, expect, it } from 'vitest';
import { computeNetworkMetrics } from '../../../model/network';
import { createMetricsSession } from '../../../renderer/src/network/metrics/metrics-session';
import type { MetricsResponse } from '../../../renderer/src/network/metrics/protocol';
import { randomGraph } from '../../model/network/random-graph';

function run(
  graph: ReturnType<typeof randomGraph>,
  cancelAfterProgress: boolean,
): Promise<MetricsResponse[]> {
  return new Promise((resolve) => {
    const responses: MetricsResponse[] = [];
    const session = createMetricsSession((response) => {
      responses.push(response);
      if (response.kind === 'progress' && cancelAfterProgress) session.handle({ id: 1, kind: 'cancel' });
      if (response.kind !== 'progress') resolve(responses);
    });
    session.handle({ id: 1, kind: 'compute', graph });
  });
}

describe('the metrics session', () => {
  const graph = randomGraph(400, 2400, 7);

  it('reports growing progress, then the figures a direct call gives, with the insights', async () => {
    const responses = await run(graph, false);
    const progress = responses
      .filter((response) => response.kind === 'progress')
      .map((response) => response.fraction);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    const last = responses.at(-1);
    if (last?.kind !== 'result') throw new Error(`expected a result, got ${last?.kind}`);
    const direct = await computeNetworkMetrics(graph);
    expect(last.metrics.node.betweennessWeighted).toEqual(direct.node.betweennessWeighted);
    expect(last.metrics.graph.modularity).toBe(direct.graph.modularity);
    expect(Array.isArray(last.insights)).toBe(true);
  });

  it('stops when a cancel message arrives between two ranges of sources', async () => {
    const responses = await run(graph, true);
    expect(responses.at(-1)).toEqual({ id: 1, kind: 'cancelled' });
    expect(responses.some((response) => response.kind === 'result')).toBe(false);
  });
});
