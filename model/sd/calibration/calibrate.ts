/**
 * Calibration: the fitted constants that minimise the weighted squared error between the data and the model
 * (problem.ts), found by bounded Nelder-Mead (nelder-mead.ts), with what a person needs to judge the fit: the
 * objective before and after, and per variable the RMSE and R^2 = 1 - SS_res / SS_tot (SS_tot about the data's
 * mean; it can be negative when the model does worse than the data's mean).
 */
import type { CompiledModel } from '../compile/model';
import type { CalibrationData } from './data';
import { minimizeBounded } from './nelder-mead';
import { buildProblem, type CalibrationProblem } from './problem';
import type { CalibrationSpec } from './spec';

export interface ParameterEstimate {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly start: number;
  readonly estimate: number;
  /** The estimate sits on a bound (within 1e-6 of the range): the data may want it further out. */
  readonly atBound: boolean;
}

export interface VariableFit {
  readonly variable: string;
  readonly column: string;
  readonly weight: number;
  readonly points: number;
  readonly rmse: number;
  readonly rSquared: number;
  /** The observation times, the data, and the fitted model there. */
  readonly times: readonly number[];
  readonly data: readonly number[];
  readonly model: readonly number[];
}

export interface CalibrationResult {
  readonly parameters: readonly ParameterEstimate[];
  readonly objective: number;
  readonly startObjective: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly restarts: number;
  readonly converged: boolean;
  /** The search was cancelled: the estimates are the best point so far. */
  readonly stopped: boolean;
  readonly fit: readonly VariableFit[];
  readonly warnings: readonly string[];
}

export interface CalibrateOptions {
  readonly fileName?: string;
  readonly onIteration?: (iteration: number, best: number) => void;
  readonly shouldStop?: () => boolean;
}

/** RMSE and R^2 of each matched column at the given fitted values. */
export function fitOf(problem: CalibrationProblem, values: ArrayLike<number>): VariableFit[] {
  const modelled = problem.modelValues(values);
  return problem.columns.map((column, c) => {
    const model = modelled[c] as Float64Array;
    const n = column.observed.length;
    let mean = 0;
    for (const value of column.observed) mean += value;
    mean /= n;
    let residual = 0;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const observed = column.observed[k] as number;
      residual += (observed - (model[k] as number)) ** 2;
      total += (observed - mean) ** 2;
    }
    return {
      variable: column.variable,
      column: column.header,
      weight: column.weight,
      points: n,
      rmse: Math.sqrt(residual / n),
      rSquared: total > 0 ? 1 - residual / total : Number.NaN,
      times: Array.from(column.rows, (row) => problem.data.times[row] as number),
      data: Array.from(column.observed),
      model: Array.from(model),
    };
  });
}

export function calibrate(
  model: CompiledModel,
  data: CalibrationData,
  spec: CalibrationSpec,
  options: CalibrateOptions = {},
):
  | { readonly ok: true; readonly result: CalibrationResult }
  | { readonly ok: false; readonly errors: readonly string[] } {
  const built = buildProblem(model, data, spec, options.fileName);
  if (!built.ok) return built;
  const { problem } = built;
  const starts = problem.parameters.map((parameter) => parameter.start);
  const startObjective = problem.objective(starts);
  const found = minimizeBounded((x) => problem.objective(x), starts, problem.parameters, {
    tolerance: spec.tolerance,
    maxIterations: spec.maxIterations,
    ...(options.onIteration === undefined ? {} : { onIteration: options.onIteration }),
    ...(options.shouldStop === undefined ? {} : { shouldStop: options.shouldStop }),
  });
  const warnings = [...problem.warnings];
  const parameters = problem.parameters.map((parameter, index): ParameterEstimate => {
    const estimate = found.x[index] as number;
    const edge = 1e-6 * (parameter.max - parameter.min);
    return {
      name: parameter.name,
      min: parameter.min,
      max: parameter.max,
      start: parameter.start,
      estimate,
      atBound: estimate - parameter.min <= edge || parameter.max - estimate <= edge,
    };
  });
  for (const parameter of parameters)
    if (parameter.atBound)
      warnings.push(
        `${parameter.name} ends on a bound (${parameter.estimate}): widen its range if that is plausible`,
      );
  if (!found.converged && !found.stopped)
    warnings.push(`the search stopped at the iteration limit (${spec.maxIterations}) before converging`);
  return {
    ok: true,
    result: {
      parameters,
      objective: found.value,
      startObjective,
      iterations: found.iterations,
      evaluations: found.evaluations + 1,
      restarts: found.restarts,
      converged: found.converged,
      stopped: found.stopped,
      fit: fitOf(problem, found.x),
      warnings,
    },
  };
}
