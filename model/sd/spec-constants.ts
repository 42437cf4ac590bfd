/**
 * The constants a calibration or sensitivity spec names in its `parameters`, found in a compiled model: each one's
 * slot in the parameter vector, or the problem with it, naming the spec field.
 */
import type { CompiledModel } from './compile/model';
import { canonicalName, displayName } from './names';

export interface SpecConstant<P> {
  readonly parameter: P;
  /** The spec field it is in, `parameters[i]`, for the caller's own problems with it. */
  readonly where: string;
  /** The model's own spelling of its name. */
  readonly name: string;
  /** Position in the model's parameter vector. */
  readonly slot: number;
}

/**
 * Each of the spec's parameters in order: the model's constant, or the problem with it (a name given twice, after
 * its first place; a variable computed from an equation; a name the model does not have). `role` says what the
 * spec does with them ("fitted", "varied").
 */
export function specConstants<P extends { readonly name: string }>(
  model: CompiledModel,
  parameters: readonly P[],
  role: 'fitted' | 'varied',
  fileName: string,
): (SpecConstant<P> | { readonly error: string })[] {
  const variableName = new Map(model.variables.map((variable) => [variable.id, variable.name]));
  const seen = new Map<string, number>();
  return parameters.map((parameter, index) => {
    const where = `parameters[${index}]`;
    const id = canonicalName(parameter.name);
    const earlier = seen.get(id);
    if (earlier !== undefined)
      return { error: `${where}.name: "${parameter.name}" is already ${role} by parameters[${earlier}]` };
    seen.set(id, index);
    const slot = model.parameterIndex(parameter.name);
    if (slot < 0)
      return {
        error: `${where}.name: "${displayName(parameter.name)}" ${
          variableName.has(id)
            ? `is computed from an equation in ${fileName}, not a constant a run can set`
            : `is not a variable of ${fileName}`
        }`,
      };
    return { parameter, where, name: model.parameters[slot]?.name ?? parameter.name, slot };
  });
}
