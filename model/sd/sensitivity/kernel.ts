/**
 * The run-range kernel: given a plan and a range of run indices, runs each one and returns that range's
 * parameter draws, KPI values and recorded outputs at the band times, as compact Float64Arrays a worker can
 * transfer. A run's numbers depend only on the seed and its index (streams.ts), so ranges can be run in any
 * order, by any number of workers or shards, and put together by index.
 */
import type { Runner } from '../compile/runner';
import type { SensitivityPlan } from './plan';
import type { KpiStatistic } from './spec';
import { modelSeedOf } from './streams';

export interface RunRange {
  /** First run index (0-based), included. */
  readonly from: number;
  /** Last run index, excluded. */
  readonly to: number;
}

export interface RangeResult extends RunRange {
  /** Row-major: run r's parameter j at samples[r * parameterCount + j] (r counted from `from`). */
  readonly samples: Float64Array;
  /** One KPI value per run. */
  readonly kpi: Float64Array;
  /**
   * Cell-major: output o at band point b in run r at cells[(o * bandCount + b) * count + r], so a cell's values
   * over the runs are one stretch of memory (what the percentile selection reads).
   */
  readonly cells: Float64Array;
}

/** One run's KPI from its series over the saved times (spec.ts, KPI_STATISTICS, says what each means). */
export function kpiOf(series: ArrayLike<number>, statistic: KpiStatistic, saveStep: number): number {
  const last = series.length - 1;
  if (statistic === 'final') return series[last] as number;
  let total = 0;
  if (statistic === 'mean') {
    for (let index = 0; index <= last; index++) total += series[index] as number;
    return total / series.length;
  }
  for (let index = 0; index < last; index++) total += series[index] as number;
  return total * saveStep;
}

export interface SensitivityKernel {
  readonly plan: SensitivityPlan;
  runRange(range: RunRange): RangeResult;
  /** The KPI of one run with these parameter values (in plan order), the model's random functions seeded as run 0. */
  kpiAt(values: ArrayLike<number>): number;
}

/** A kernel with its own runner and parameter vector: one per worker thread. */
export function createKernel(plan: SensitivityPlan): SensitivityKernel {
  const { model, parameters, outputs, bandIndices, kpi, kpiOutput, sampler, spec } = plan;
  const runner: Runner = model.createRunner({ variables: outputs });
  const vector = model.defaultParameters();
  const parameterCount = parameters.length;
  const slots = Int32Array.from(parameters, (parameter) => parameter.slot);
  const bandCount = bandIndices.length;
  const saveStep = model.specs.saveStep;
  const drawn = new Float64Array(parameterCount);

  const runOnce = (values: ArrayLike<number>, index: number) => {
    for (let parameter = 0; parameter < parameterCount; parameter++)
      vector[slots[parameter] as number] = values[parameter] as number;
    return runner.run({ parameters: vector, seed: modelSeedOf(spec.seed, index) });
  };

  return {
    plan,
    runRange({ from, to }) {
      if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= spec.runs && from <= to))
        throw new RangeError(`runs ${from}..${to} are not within 0..${spec.runs}`);
      const count = to - from;
      const samples = new Float64Array(count * parameterCount);
      const kpiValues = new Float64Array(count);
      const cells = new Float64Array(outputs.length * bandCount * count);
      for (let run = 0; run < count; run++) {
        sampler.draw(from + run, drawn);
        samples.set(drawn, run * parameterCount);
        const { series } = runOnce(drawn, from + run);
        kpiValues[run] = kpiOf(series[kpiOutput] as Float64Array, kpi.statistic, saveStep);
        for (let output = 0; output < outputs.length; output++) {
          const values = series[output] as Float64Array;
          let at = output * bandCount * count + run;
          for (let band = 0; band < bandCount; band++, at += count)
            cells[at] = values[bandIndices[band] as number] as number;
        }
      }
      return { from, to, samples, kpi: kpiValues, cells };
    },
    kpiAt(values) {
      const { series } = runOnce(values, 0);
      return kpiOf(series[kpiOutput] as Float64Array, kpi.statistic, saveStep);
    },
  };
}
