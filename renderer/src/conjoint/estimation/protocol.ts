/**
 * Messages between the Conjoint view and its estimation worker. Every request carries an id and every answer
 * names it; failures come back as data, never as exceptions (as the Dynamics engine's protocol does).
 * Cancelling is the view's side: it ends the worker (a sampler step cannot be interrupted from outside while
 * it runs) and starts a fresh one for the next request.
 */
import type { EstimationResult, EstimationSpec } from '../../../../model/conjoint/estimation-run';

export interface EstimationRequest {
  readonly id: number;
  readonly spec: EstimationSpec;
}

export type EstimationResponse =
  | { readonly id: number; readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly kind: 'result'; readonly result: EstimationResult }
  | { readonly id: number; readonly kind: 'failed'; readonly error: string };
