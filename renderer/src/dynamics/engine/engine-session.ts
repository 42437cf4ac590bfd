/**
 * The simulation worker's logic, free of the Worker API so tests can drive it directly: it compiles the model
 * once per load and answers run requests with transferable results (DESIGN.md: results are column-major
 * Float64Arrays transferred, not copied, from the worker).
 */
import { compileModel, copyResult, type CompiledModel, type Diagnostic } from '../../../../model/sd';
import type { EngineRequest, EngineResponse, RunSeries } from './protocol';

export interface EngineAnswer {
  readonly response: EngineResponse;
  /** Buffers to move to the other side instead of copying them. */
  readonly transfer: readonly ArrayBuffer[];
}

const failure = (id: number, kind: 'loaded' | 'result', errors: readonly Diagnostic[]): EngineAnswer => ({
  response: { id, kind, ok: false, errors },
  transfer: [],
});

/**
 * The session behind the worker. An exception inside the engine is a bug, but it must not leave the view waiting
 * forever: it comes back as a diagnostic on the request that hit it.
 */
export function createEngineSession(): (request: EngineRequest) => EngineAnswer {
  const answer = createAnswerer();
  return (request) => {
    try {
      return answer(request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return failure(request.id, request.kind === 'load' ? 'loaded' : 'result', [
        { code: 'unsupported', message: `The engine failed unexpectedly: ${message}` },
      ]);
    }
  };
}

function createAnswerer(): (request: EngineRequest) => EngineAnswer {
  let model: CompiledModel | undefined;
  let runner: ReturnType<CompiledModel['createRunner']> | undefined;

  return (request) => {
    if (request.kind === 'load') {
      const compiled = compileModel(
        request.document,
        request.method === undefined ? {} : { method: request.method },
      );
      if (!compiled.ok) {
        model = undefined;
        runner = undefined;
        return failure(request.id, 'loaded', compiled.errors);
      }
      model = compiled.value;
      runner = model.createRunner();
      return {
        response: {
          id: request.id,
          kind: 'loaded',
          ok: true,
          info: {
            specs: model.specs,
            parameters: model.parameters,
            variables: model.variables,
            usesRandom: model.usesRandom,
            warnings: compiled.warnings,
            backend: runner.backend,
          },
        },
        transfer: [],
      };
    }

    if (model === undefined || runner === undefined) {
      return failure(request.id, 'result', [
        { code: 'unsupported', message: 'No model is loaded: it did not compile.' },
      ]);
    }
    const runs: RunSeries[] = [];
    for (const spec of request.runs) {
      const parameters = model.parameterVector(spec.overrides);
      if (!parameters.ok) return failure(request.id, 'result', parameters.errors);
      // The runner reuses its buffers; each answer gets a copy that owns one buffer, moved to the view.
      runs.push(copyResult(runner.run({ parameters: parameters.value, seed: spec.seed })));
    }
    return {
      response: { id: request.id, kind: 'result', ok: true, runs },
      transfer: runs.map((run) => run.time.buffer as ArrayBuffer),
    };
  };
}
