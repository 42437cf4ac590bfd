/**
 * Messages between the Network view and its metrics worker, which runs model/network's metrics (betweenness
 * on 2,000 people takes seconds) off the page. Every request carries an id and every answer names it;
 * failures come back as data. Cancelling is a message: the worker checks a flag between ranges of sources
 * (model/network/cancel.ts), so it stays alive for the next request.
 */
import type { Insight, NetworkGraph, NetworkMetrics } from '../../../../model/network';

export type MetricsRequest =
  | { readonly id: number; readonly kind: 'compute'; readonly graph: NetworkGraph }
  | { readonly id: number; readonly kind: 'cancel' };

export type MetricsResponse =
  | { readonly id: number; readonly kind: 'progress'; readonly fraction: number }
  | {
      readonly id: number;
      readonly kind: 'result';
      readonly metrics: NetworkMetrics;
      readonly insights: readonly Insight[];
    }
  | { readonly id: number; readonly kind: 'cancelled' }
  | { readonly id: number; readonly kind: 'failed'; readonly error: string };
