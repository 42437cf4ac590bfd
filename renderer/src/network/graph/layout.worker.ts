/// <reference lib="webworker" />
/** The graph's layout worker: fcose on 2,000 people takes seconds (layout-run.ts). */
import { runLayout, type LayoutInput } from './layout-run';

export interface LayoutRequest extends LayoutInput {
  readonly id: number;
}
export type LayoutResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly positions: Float64Array;
      readonly milliseconds: number;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id } = event.data;
  const start = performance.now();
  try {
    const positions = runLayout(event.data);
    const response: LayoutResponse = { id, ok: true, positions, milliseconds: performance.now() - start };
    scope.postMessage(response, [positions.buffer]);
  } catch (error) {
    const response: LayoutResponse = {
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
    scope.postMessage(response);
  }
};
