/**
 * The loops worker's logic, free of the Worker API so tests can drive it directly: compile the document
 * (kept while the same text comes back, so moving a slider does not recompile), analyse the loops with the
 * what-if's constants, and hand back the scores' buffers to be transferred rather than copied.
 */
import { compileModel, writeXmile, type CompiledModel, type Diagnostic } from '../../../../model/sd';
import { analyzeLoops } from '../../../../model/sd/loops';
import type { LoopsRequest, LoopsResponse } from './protocol';

export interface LoopsAnswer {
  readonly response: LoopsResponse;
  readonly transfer: readonly ArrayBuffer[];
}

const failure = (id: number, errors: readonly Diagnostic[]): LoopsAnswer => ({
  response: { id, ok: false, errors },
  transfer: [],
});

export function createLoopsSession(): (request: LoopsRequest) => LoopsAnswer {
  let compiled: { readonly text: string; readonly model: CompiledModel } | undefined;
  return (request) => {
    try {
      const text = writeXmile(request.document);
      if (compiled?.text !== text) {
        const outcome = compileModel(request.document);
        if (!outcome.ok) {
          compiled = undefined;
          return failure(request.id, outcome.errors);
        }
        compiled = { text, model: outcome.value };
      }
      const parameters = compiled.model.parameterVector(request.overrides);
      if (!parameters.ok) return failure(request.id, parameters.errors);
      const analysis = analyzeLoops(compiled.model, { parameters: parameters.value });
      if (!analysis.ok) return failure(request.id, analysis.errors);
      const buffers = new Set<ArrayBuffer>([analysis.value.time.buffer as ArrayBuffer]);
      for (const loop of analysis.value.loops) {
        buffers.add(loop.score.buffer as ArrayBuffer);
        buffers.add(loop.relativeScore.buffer as ArrayBuffer);
      }
      return { response: { id: request.id, ok: true, analysis: analysis.value }, transfer: [...buffers] };
    } catch (error) {
      // A bug in the analysis must not leave the panel waiting: it comes back as a diagnostic.
      const message = error instanceof Error ? error.message : String(error);
      return failure(request.id, [
        { code: 'internal', message: `The loop analysis failed unexpectedly: ${message}` },
      ]);
    }
  };
}
