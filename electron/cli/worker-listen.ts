import type { Worker } from 'node:worker_threads';

/**
 * Listens to a pool worker's messages and errors for one job; returns what stops listening, so a job that ends
 * (done or failed) leaves the worker free for the next one without stale handlers.
 */
export function listen<Reply>(
  worker: Worker,
  onMessage: (reply: Reply) => void,
  onError: (error: Error) => void,
): () => void {
  worker.on('message', onMessage);
  worker.on('error', onError);
  return () => {
    worker.off('message', onMessage);
    worker.off('error', onError);
  };
}
