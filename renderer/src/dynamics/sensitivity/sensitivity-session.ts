/**
 * A sensitivity worker's logic, free of the Worker API so tests can drive it directly: compile the document
 * (kept while the same text comes back), plan the spec, run the shard in ranges of RANGE_SIZE through the
 * engine's run-range kernel, each range posted as soon as it is done so the page's progress bar moves.
 */
import { compileModel, writeXmile, type CompiledModel } from '../../../../model/sd';
import {
  RANGE_SIZE,
  computeSwings,
  createKernel,
  layoutOf,
  planSensitivity,
  splitRange,
} from '../../../../model/sd/sensitivity';
import type { SensitivityMessage, SensitivityRequest } from './protocol';

export type Post = (message: SensitivityMessage, transfer: readonly ArrayBuffer[]) => void;

const failed = (id: number, errors: readonly string[]): SensitivityMessage => ({
  id,
  kind: 'failed',
  errors,
});

export function createSensitivitySession(post: Post): (request: SensitivityRequest) => void {
  let compiled: { readonly text: string; readonly model: CompiledModel } | undefined;
  return (request) => {
    const { id } = request;
    try {
      const text = writeXmile(request.document);
      if (compiled?.text !== text) {
        const outcome = compileModel(request.document);
        if (!outcome.ok) {
          compiled = undefined;
          post(
            failed(
              id,
              outcome.errors.map((error) => error.message),
            ),
            [],
          );
          return;
        }
        compiled = { text, model: outcome.value };
      }
      const planned = planSensitivity(compiled.model, request.spec);
      if (!planned.ok) {
        post(failed(id, planned.errors), []);
        return;
      }
      const plan = planned.value;
      post({ id, kind: 'planned', layout: layoutOf(plan, request.range) }, []);
      const kernel = createKernel(plan);
      for (const piece of splitRange(request.range, RANGE_SIZE)) {
        const result = kernel.runRange(piece);
        post({ id, kind: 'range', result }, [
          result.samples.buffer as ArrayBuffer,
          result.kpi.buffer as ArrayBuffer,
          result.cells.buffer as ArrayBuffer,
        ]);
      }
      if (request.swings) post({ id, kind: 'swings', swings: computeSwings(kernel) }, []);
      post({ id, kind: 'done' }, []);
    } catch (error) {
      // A bug in the engine must not leave the panel waiting: it comes back as a diagnostic.
      const message = error instanceof Error ? error.message : String(error);
      post(failed(id, [`The sensitivity run failed unexpectedly: ${message}`]), []);
    }
  };
}
