/**
 * A spec checked against a compiled model and made ready to run: the parameter-vector slot of each varied
 * constant, its quantile function, the recorded outputs (only those the spec names, default the stocks and the
 * KPI's variable: a run that copies fewer series is faster, model/sd/README.md), the saved times the bands are
 * taken at, and the sampler. Built once per worker; every problem names the spec field it is in.
 */
import type { CompiledModel } from '../compile/model';
import { canonicalName, displayName } from '../names';
import { specConstants } from '../spec-constants';
import { quantileFunction, type Quantile } from './distributions';
import { createSampler, type Sampler } from './sampling';
import type { Kpi, ResolvedSensitivitySpec, SpecOutcome } from './spec';

export interface PlannedParameter {
  readonly name: string;
  /** Position in the model's parameter vector. */
  readonly slot: number;
  readonly quantile: Quantile;
}

export interface SensitivityPlan {
  readonly spec: ResolvedSensitivitySpec;
  readonly model: CompiledModel;
  readonly parameters: readonly PlannedParameter[];
  /** Recorded variables, names as written in the model; the KPI's variable is among them. */
  readonly outputs: readonly string[];
  /** Index of the KPI's variable in `outputs`. */
  readonly kpiOutput: number;
  readonly kpi: Kpi;
  /** Indices of the saved times the bands (and long series) are taken at, increasing, the horizon last. */
  readonly bandIndices: Int32Array;
  readonly bandTimes: Float64Array;
  readonly sampler: Sampler;
}

/** Every saved time, or every k-th when there are more than `points`, the last one always kept. */
export function bandIndices(saves: number, points: number): Int32Array {
  if (saves <= points) return Int32Array.from({ length: saves }, (_, index) => index);
  const stride = Math.ceil((saves - 1) / (points - 1));
  const indices: number[] = [];
  for (let index = 0; index < saves - 1; index += stride) indices.push(index);
  indices.push(saves - 1);
  return Int32Array.from(indices);
}

export function planSensitivity(
  model: CompiledModel,
  spec: ResolvedSensitivitySpec,
  fileName = 'the model',
): SpecOutcome<SensitivityPlan> {
  const errors: string[] = [];
  const variableName = new Map(model.variables.map((variable) => [variable.id, variable.name]));

  const parameters: PlannedParameter[] = [];
  for (const constant of specConstants(model, spec.parameters, 'varied', fileName)) {
    if ('error' in constant) {
      errors.push(constant.error);
      continue;
    }
    const quantile = quantileFunction(constant.parameter.distribution);
    if (!quantile.ok) {
      errors.push(`${constant.where}.distribution: ${quantile.error}`);
      continue;
    }
    parameters.push({ name: constant.name, slot: constant.slot, quantile: quantile.quantile });
  }

  const known = (name: string, where: string): string | undefined => {
    const found = variableName.get(canonicalName(name));
    if (found === undefined) errors.push(`${where}: "${displayName(name)}" is not a variable of ${fileName}`);
    return found;
  };
  const kpiVariable = known(spec.kpi.variable, 'kpi.variable');
  const named =
    spec.outputs === undefined
      ? model.variables.filter((variable) => variable.kind === 'stock').map((variable) => variable.name)
      : spec.outputs.map((name, index) => known(name, `outputs[${index}]`));
  const outputs: string[] = [];
  for (const name of [...named, kpiVariable]) {
    if (name !== undefined && !outputs.includes(name)) outputs.push(name);
  }
  if (errors.length > 0 || kpiVariable === undefined) return { ok: false, errors };

  const { saves, start, saveEvery, dt } = model.specs;
  const indices = bandIndices(saves, spec.bandPoints);
  return {
    ok: true,
    value: {
      spec,
      model,
      parameters,
      outputs,
      kpiOutput: outputs.indexOf(kpiVariable),
      kpi: spec.kpi,
      bandIndices: indices,
      // The runner's own arithmetic for the time of a step (runner.ts: time = start + step * dt).
      bandTimes: Float64Array.from(indices, (index) => start + index * saveEvery * dt),
      sampler: createSampler(
        parameters.map((parameter) => parameter.quantile),
        spec.sampling,
        spec.runs,
        spec.seed,
      ),
    },
  };
}
