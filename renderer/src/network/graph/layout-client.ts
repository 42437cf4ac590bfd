/**
 * Positions of each wave's people: computed once in the layout worker, then kept in memory for the session,
 * so going back to a wave (or to the Graph tab) shows the same picture at once.
 */
import type { LayoutInput } from './layout-run';
import type { LayoutRequest, LayoutResponse } from './layout.worker';

export const LAYOUT_SEED = 2026;

const positionsByWave = new Map<string, Float64Array>();
let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (response: LayoutResponse) => void>();

function layoutWorker(): Worker {
  if (worker !== undefined) return worker;
  const created = new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
    name: 'network-layout',
  });
  created.onmessage = (event: MessageEvent<LayoutResponse>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  created.onerror = (event) => {
    for (const [id, answer] of waiting)
      answer({ id, ok: false, error: event.message || 'the layout worker stopped' });
    waiting.clear();
    worker = undefined;
  };
  worker = created;
  return created;
}

export function cachedPositions(key: string): Float64Array | undefined {
  return positionsByWave.get(key);
}

/** The positions of a wave (x, y per person), from memory or from the worker. */
export function layoutPositions(key: string, input: Omit<LayoutInput, 'seed'>): Promise<Float64Array> {
  const cached = positionsByWave.get(key);
  if (cached !== undefined) return Promise.resolve(cached);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, (response) => {
      if (!response.ok) {
        reject(new Error(`The layout failed: ${response.error}`));
        return;
      }
      performance.measure('network:layout', {
        start: performance.now() - response.milliseconds,
        duration: response.milliseconds,
      });
      positionsByWave.set(key, response.positions);
      resolve(response.positions);
    });
    const request: LayoutRequest = { ...input, seed: LAYOUT_SEED, id };
    layoutWorker().postMessage(request);
  });
}
