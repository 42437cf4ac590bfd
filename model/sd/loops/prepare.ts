/**
 * The model as the loop analysis runs it: stateful calls inside larger equations made into variables of
 * their own (expose.ts), and every dt saved, since Loops That Matter compares each value with its value one
 * dt earlier (Schoenberg, Davidsen & Eberlein 2020, section 3). A model that needs neither is used as
 * compiled.
 */
import { compileModel, type CompiledModel, type Outcome } from '../index';
import { exposeStatefulCalls } from './expose';

export interface PreparedModel {
  readonly model: CompiledModel;
  /** Added auxiliaries (canonical id) and the variable each came out of. */
  readonly owners: ReadonlyMap<string, string>;
  /** The parameter vector of `model` from one of the model as given. */
  parameters(vector: Float64Array | undefined): Float64Array | undefined;
}

export function prepareModel(model: CompiledModel): Outcome<PreparedModel> {
  const exposed = exposeStatefulCalls(model.document);
  if (exposed.owners.size === 0 && model.specs.saveEvery === 1)
    return {
      ok: true,
      value: { model, owners: exposed.owners, parameters: (vector) => vector },
      warnings: [],
    };
  const document = {
    ...exposed.document,
    simSpecs: { ...exposed.document.simSpecs, saveStep: model.specs.dt },
  };
  const compiled = compileModel(document, { method: model.specs.method });
  if (!compiled.ok) return compiled;
  const prepared = compiled.value;
  // The added auxiliaries are not constants, so the parameters are the same ones; match them by id anyway.
  const positions = prepared.parameters.map((parameter) => model.parameterIndex(parameter.id));
  return {
    ok: true,
    value: {
      model: prepared,
      owners: exposed.owners,
      parameters: (vector) =>
        vector === undefined
          ? undefined
          : Float64Array.from(positions, (position, index) =>
              position >= 0 ? (vector[position] as number) : (prepared.parameters[index]?.value ?? 0),
            ),
    },
    warnings: compiled.warnings,
  };
}
