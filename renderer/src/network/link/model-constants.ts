/**
 * The constants of a saved model a link can set: the model compiled in the page (the empathy model compiles in a
 * few milliseconds), its parameters of kind "constant" (an initial value is not something a figure should set).
 * The Dynamics view lists the same parameters from its engine worker (compile.info.parameters).
 */
import { compileModel, readXmile, type ParameterInfo } from '../../../../model/sd';

export type ConstantsReading =
  | { readonly ok: true; readonly constants: readonly ParameterInfo[] }
  | { readonly ok: false; readonly message: string };

export function modelConstants(xmile: string, modelName: string): ConstantsReading {
  const read = readXmile(xmile, modelName);
  const compiled = read.ok ? compileModel(read.value) : read;
  if (!compiled.ok)
    return {
      ok: false,
      message: `“${modelName}” does not compile (${compiled.errors[0]?.message ?? 'unknown error'}); fix it in the Dynamics view first.`,
    };
  const constants = compiled.value.parameters
    .filter((parameter) => parameter.kind === 'constant')
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, constants };
}
