/**
 * Cancelling a long metric run. Anything with a boolean `aborted` works: an AbortSignal, or a flag a Web
 * Worker flips from its message handler (or reads from a SharedArrayBuffer), checked between sources of
 * the shortest-path loop and between metrics.
 */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Thrown (and rejected with) when a run is cancelled; nothing partial is returned. */
export class NetworkMetricsCancelled extends Error {
  override readonly name = 'NetworkMetricsCancelled';
  constructor() {
    super('network metrics cancelled');
  }
}

export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted === true) throw new NetworkMetricsCancelled();
}
