/**
 * Putting a sensitivity run together: ranges arrive from workers in any order and are copied into place by run
 * index; once every run of the range asked for is in, the percentile bands, the KPI summary and the tornado
 * are computed. Nothing here depends on how the runs were split, so one thread, two workers or a shard of a
 * job array give the same numbers for the same runs.
 */
import type { RangeResult, RunRange } from './kernel';
import { variableBands } from './bands';
import type { SensitivityPlan } from './plan';
import type { Kpi, ResolvedSensitivitySpec } from './spec';
import { summarizeKpi, type KpiSummary } from './summary';
import { assembleTornado, type Tornado, type TornadoSwings } from './tornado';

/** What the collector needs to know about a plan: plain data, so a worker can send it to the page. */
export interface SensitivityLayout {
  readonly spec: ResolvedSensitivitySpec;
  /** The runs covered: all of them, or one shard. */
  readonly range: RunRange;
  /** Varied parameters, names as written in the model, in spec order. */
  readonly parameters: readonly string[];
  readonly outputs: readonly string[];
  readonly kpi: Kpi;
  /** The KPI's variable as written in the model. */
  readonly kpiVariable: string;
  readonly bandTimes: Float64Array;
}

export function layoutOf(
  plan: SensitivityPlan,
  range: RunRange = { from: 0, to: plan.spec.runs },
): SensitivityLayout {
  return {
    spec: plan.spec,
    range,
    parameters: plan.parameters.map((parameter) => parameter.name),
    outputs: plan.outputs,
    kpi: plan.kpi,
    kpiVariable: plan.outputs[plan.kpiOutput] as string,
    bandTimes: plan.bandTimes,
  };
}

export interface SensitivityResult extends SensitivityLayout {
  /** The spec's percentiles, in percent. */
  readonly percentiles: readonly number[];
  /** Per output: bands[o][q * B + b] for percentile q at band time b. */
  readonly bands: readonly Float64Array[];
  /** Row-major, runs x parameters, run `range.from` first. */
  readonly samples: Float64Array;
  /** The KPI of each run. */
  readonly kpiValues: Float64Array;
  /** Per output, time-major: series[o][b * runs + r], the value at band time b in run r (for the long export). */
  readonly series: readonly Float64Array[];
  readonly summary: KpiSummary;
  readonly tornado: Tornado;
}

/** The band of one output and percentile over the band times (a view, not a copy). */
export function bandOf(result: SensitivityResult, output: number, percentile: number): Float64Array {
  const points = result.bandTimes.length;
  const bands = result.bands[output] ?? new Float64Array(0);
  return bands.subarray(percentile * points, (percentile + 1) * points);
}

/** The value of output o in run r (counted from range.from) at band time b. */
export function seriesValue(result: SensitivityResult, output: number, run: number, point: number): number {
  const runs = result.range.to - result.range.from;
  return result.series[output]?.[point * runs + run] ?? Number.NaN;
}

export interface SensitivityCollector {
  readonly layout: SensitivityLayout;
  /** Runs received so far. */
  readonly received: number;
  readonly complete: boolean;
  /** Per output, time-major (band time, then run): what variableBands reads. */
  readonly series: readonly Float64Array[];
  add(range: RangeResult): void;
  /**
   * Summary and tornado, and the bands: computed here unless given (the CLI's threads and the app's workers
   * compute them per variable, in parallel). Call once every run is in.
   */
  finish(swings: TornadoSwings, bands?: readonly Float64Array[]): SensitivityResult;
}

/**
 * `allocate` makes the per-output arrays (the CLI passes one backed by a SharedArrayBuffer, so its threads read
 * them without a copy).
 */
export function createCollector(
  layout: SensitivityLayout,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): SensitivityCollector {
  const { from, to } = layout.range;
  const runs = to - from;
  const k = layout.parameters.length;
  const points = layout.bandTimes.length;
  const samples = new Float64Array(runs * k);
  const kpiValues = new Float64Array(runs);
  const series = layout.outputs.map(() => allocate(points * runs));
  const seen = new Uint8Array(runs);
  let received = 0;

  return {
    layout,
    series,
    get received() {
      return received;
    },
    get complete() {
      return received === runs;
    },
    add(range) {
      const count = range.to - range.from;
      if (range.from < from || range.to > to || count < 0)
        throw new RangeError(`runs ${range.from}..${range.to} are outside ${from}..${to}`);
      const offset = range.from - from;
      for (let run = offset; run < offset + count; run++) {
        if (seen[run] === 1) throw new Error(`run ${from + run} arrived twice`);
        seen[run] = 1;
      }
      samples.set(range.samples, offset * k);
      kpiValues.set(range.kpi, offset);
      series.forEach((values, output) => {
        for (let point = 0; point < points; point++) {
          const cell = output * points + point;
          values.set(range.cells.subarray(cell * count, (cell + 1) * count), point * runs + offset);
        }
      });
      received += count;
    },
    finish(swings, bands) {
      if (received !== runs) throw new Error(`only ${received} of ${runs} runs have arrived`);
      const percents = layout.spec.percentiles;
      return {
        ...layout,
        percentiles: percents,
        bands: bands ?? series.map((values) => variableBands(values, points, runs, percents)),
        samples,
        kpiValues,
        series,
        summary: summarizeKpi(kpiValues, percents),
        tornado: assembleTornado(swings, samples, kpiValues),
      };
    },
  };
}
