/**
 * A calibration problem: the data's columns matched to model variables, the fitted constants' slots in the
 * parameter vector, the weights, and the objective, the weighted sum of squared errors
 *
 *   S(theta) = sum over variables v of w_v * sum over observed times t of (data_v(t) - model_v(t; theta))^2,
 *
 * with w_v = 1 / the sample variance of v's data column unless the spec gives one (so a variable in dollars and
 * one in people count alike, as weighted least squares with each series' own scale; Sterman, Business Dynamics,
 * 2000, ch. 21.4, "Calibration"). The model's value at a data time comes from its saved times, linearly
 * interpolated between the two around it (exact when the data time is a saved time). A data time outside the
 * run is refused: the model says nothing there.
 */
import type { CompiledModel } from '../compile/model';
import type { Runner } from '../compile/runner';
import { canonicalName, displayName } from '../names';
import { specConstants } from '../spec-constants';
import type { CalibrationData } from './data';
import type { CalibrationSpec } from './spec';

export interface FittedParameter {
  readonly name: string;
  readonly slot: number;
  readonly min: number;
  readonly max: number;
  readonly start: number;
}

export interface MatchedColumn {
  readonly header: string;
  /** The model variable, as written in the model. */
  readonly variable: string;
  readonly weight: number;
  /** Data rows where this column has a value. */
  readonly rows: Int32Array;
  readonly observed: Float64Array;
}

export interface CalibrationProblem {
  readonly model: CompiledModel;
  readonly data: CalibrationData;
  readonly parameters: readonly FittedParameter[];
  readonly columns: readonly MatchedColumn[];
  readonly warnings: readonly string[];
  /** S(theta) for fitted values in parameter order. */
  objective(values: ArrayLike<number>): number;
  /** Each column's model values at its observed rows, for the same fitted values. */
  modelValues(values: ArrayLike<number>): Float64Array[];
}

/** Sample variance (n - 1), NaN below two values. */
function variance(values: Float64Array): number {
  if (values.length < 2) return Number.NaN;
  let mean = 0;
  for (const value of values) mean += value;
  mean /= values.length;
  let sum = 0;
  for (const value of values) sum += (value - mean) * (value - mean);
  return sum / (values.length - 1);
}

export function buildProblem(
  model: CompiledModel,
  data: CalibrationData,
  spec: CalibrationSpec,
  fileName = 'the model',
):
  | { readonly ok: true; readonly problem: CalibrationProblem }
  | { readonly ok: false; readonly errors: readonly string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const variableName = new Map(model.variables.map((variable) => [variable.id, variable.name]));

  const parameters: FittedParameter[] = [];
  for (const constant of specConstants(model, spec.parameters, 'fitted', fileName)) {
    if ('error' in constant) {
      errors.push(constant.error);
      continue;
    }
    const { parameter, name, slot } = constant;
    const modelValue = model.parameters[slot]?.value ?? parameter.min;
    const start = parameter.start ?? Math.min(parameter.max, Math.max(parameter.min, modelValue));
    parameters.push({ name, slot, min: parameter.min, max: parameter.max, start });
  }

  // Columns to variables: the spec's mapping first (null leaves a column out), else the same XMILE name.
  const mapping = new Map(
    Object.entries(spec.columns ?? {}).map(([header, variable]) => [header.trim().toLowerCase(), variable]),
  );
  const headers = new Set(data.columns.map((column) => column.header.toLowerCase()));
  for (const header of Object.keys(spec.columns ?? {}))
    if (!headers.has(header.trim().toLowerCase()))
      errors.push(`columns: "${header}" is not a column of ${data.fileName}`);
  const weights = new Map(
    Object.entries(spec.weights ?? {}).map(([name, weight]) => [canonicalName(name), { name, weight }]),
  );
  const used = new Set<string>();
  const columns: MatchedColumn[] = [];
  for (const column of data.columns) {
    const mapped = mapping.get(column.header.toLowerCase());
    if (mapped === null) continue;
    const variable = variableName.get(canonicalName(mapped ?? column.header));
    if (variable === undefined) {
      errors.push(
        mapped === undefined
          ? `${data.fileName} column ${column.header}: not a variable of ${fileName} (map it to one in the spec's "columns", or to null to leave it out)`
          : `columns.${column.header}: "${mapped}" is not a variable of ${fileName}`,
      );
      continue;
    }
    if (used.has(variable)) {
      errors.push(`${data.fileName} column ${column.header}: "${variable}" is matched by another column too`);
      continue;
    }
    used.add(variable);
    const rows = Int32Array.from(
      Array.from(column.values.keys()).filter((row) => !Number.isNaN(column.values[row])),
    );
    const observed = Float64Array.from(rows, (row) => column.values[row] as number);
    let weight = weights.get(canonicalName(variable))?.weight;
    if (weight === undefined) {
      const spread = variance(observed);
      if (spread > 0) weight = 1 / spread;
      else {
        weight = 1;
        warnings.push(
          `column ${column.header} does not vary, so it cannot be weighted by its variance: weight 1 used`,
        );
      }
    }
    columns.push({ header: column.header, variable, weight, rows, observed });
  }
  for (const [id, { name }] of weights)
    if (!columns.some((column) => canonicalName(column.variable) === id))
      errors.push(`weights: "${displayName(name)}" is not a variable the data observes`);
  if (columns.length === 0 && errors.length === 0)
    errors.push(`${data.fileName}: no column is matched to a variable`);

  // Data times inside the run; the model's saved times bracket each one.
  const { start, stop, saveStep } = model.specs;
  const slack = 1e-9 * Math.max(1, Math.abs(stop - start));
  data.times.forEach((time, row) => {
    if (time < start - slack || time > stop + slack)
      errors.push(
        `${data.fileName} row ${row + 2}, column time: ${time} is outside the run (${start} to ${stop})`,
      );
  });
  if (errors.length > 0) return { ok: false, errors };

  const runner: Runner = model.createRunner({ variables: columns.map((column) => column.variable) });
  const saved = Float64Array.from(runner.run().time);
  const last = saved.length - 1;
  // Per data row: the saved time at or before it and the weight of the next one.
  const lower = new Int32Array(data.times.length);
  const fraction = new Float64Array(data.times.length);
  data.times.forEach((time, row) => {
    let index = Math.min(last, Math.max(0, Math.floor((time - start) / saveStep)));
    while (index > 0 && (saved[index] as number) > time) index--;
    while (index < last && (saved[index + 1] as number) <= time) index++;
    lower[row] = index;
    const span = index < last ? (saved[index + 1] as number) - (saved[index] as number) : 0;
    fraction[row] = span > 0 ? Math.min(1, Math.max(0, (time - (saved[index] as number)) / span)) : 0;
  });

  const vector = model.defaultParameters();
  const simulate = (values: ArrayLike<number>) => {
    parameters.forEach((parameter, index) => {
      vector[parameter.slot] = values[index] as number;
    });
    return runner.run({ parameters: vector });
  };
  const at = (series: Float64Array, row: number): number => {
    const index = lower[row] as number;
    const f = fraction[row] as number;
    const low = series[index] as number;
    return f === 0 ? low : low + f * ((series[index + 1] as number) - low);
  };

  return {
    ok: true,
    problem: {
      model,
      data,
      parameters,
      columns,
      warnings,
      objective(values) {
        const { series } = simulate(values);
        let total = 0;
        columns.forEach((column, c) => {
          const values = series[c] as Float64Array;
          let sum = 0;
          for (let k = 0; k < column.rows.length; k++) {
            const error = (column.observed[k] as number) - at(values, column.rows[k] as number);
            sum += error * error;
          }
          total += column.weight * sum;
        });
        return total;
      },
      modelValues(values) {
        const { series } = simulate(values);
        return columns.map((column, c) =>
          Float64Array.from(column.rows, (row) => at(series[c] as Float64Array, row)),
        );
      },
    },
  };
}
