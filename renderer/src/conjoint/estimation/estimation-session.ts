/**
 * The estimation worker's logic, free of the Worker API so tests drive it directly: it runs one request, posts
 * throttled progress for hierarchical Bayes (about 200 updates a run, so the progress bar moves smoothly without
 * flooding the page), and answers with the result and the buffers to transfer.
 */
import { runEstimation } from '../../../../model/conjoint/estimation-run';
import type { EstimationRequest, EstimationResponse } from './protocol';

export interface EstimationAnswer {
  readonly response: EstimationResponse;
  /** Buffers to move to the view instead of copying them. */
  readonly transfer: readonly ArrayBuffer[];
}

export function handleEstimation(
  request: EstimationRequest,
  post: (progress: EstimationResponse) => void,
): EstimationAnswer {
  const { id, spec } = request;
  try {
    const outcome = runEstimation(spec, {
      progressEvery: Math.max(1, Math.floor(spec.iterations / 200)),
      onProgress: (done, total) => post({ id, kind: 'progress', done, total }),
    });
    if (!outcome.ok) return { response: { id, kind: 'failed', error: outcome.error }, transfer: [] };
    const { simulation } = outcome.result;
    return {
      response: { id, kind: 'result', result: outcome.result },
      transfer: [simulation.aggregate.buffer as ArrayBuffer, simulation.individual.buffer as ArrayBuffer],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      response: { id, kind: 'failed', error: `the estimation failed unexpectedly: ${message}` },
      transfer: [],
    };
  }
}
