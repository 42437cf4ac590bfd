/**
 * A sensitivity result as the workspace keeps it (sensitivity.save, store/analysis-records.ts) and back. JSON
 * has no NaN, so a value that is not finite travels as null and comes back as NaN. The per-run series over time
 * are not stored (only the bands, the draws and the KPI), so a reopened run draws the same charts and exports the
 * same CSV of runs; its `series` are empty.
 */
import type { SensitivityStamp, SensitivityResult } from '../../../../model/sd/sensitivity';
import type { ModelId, SensitivityRunInput, SensitivityRunRecord } from '../../../../electron/api/contract';

const toJson = (value: number): number | null => (Number.isFinite(value) ? value : null);
const jsonArray = (values: ArrayLike<number>): (number | null)[] => Array.from(values, toJson);
const fromJson = (value: number | null): number => value ?? Number.NaN;
const floatArray = (values: readonly (number | null)[]): Float64Array => Float64Array.from(values, fromJson);

export function sensitivityInputOf(
  result: SensitivityResult,
  source: { readonly modelId: ModelId; readonly name: string; readonly stamp: SensitivityStamp },
): SensitivityRunInput {
  const { summary, tornado } = result;
  return {
    modelId: source.modelId,
    name: source.name,
    spec: result.spec,
    stamp: { ...source.stamp },
    parameters: [...result.parameters],
    outputs: [...result.outputs],
    kpiVariable: result.kpiVariable,
    percentiles: [...result.percentiles],
    bandTimes: Array.from(result.bandTimes),
    bands: result.bands.map(jsonArray),
    samples: jsonArray(result.samples),
    kpi: jsonArray(result.kpiValues),
    summary: {
      runs: summary.runs,
      missing: summary.missing,
      mean: toJson(summary.mean),
      sd: toJson(summary.sd),
      min: toJson(summary.min),
      max: toJson(summary.max),
      percentiles: summary.percentiles.map(({ percent, value }) => ({ percent, value: toJson(value) })),
    },
    tornado: {
      base: toJson(tornado.base),
      entries: tornado.entries.map((entry) => ({
        parameter: entry.parameter,
        low: toJson(entry.low),
        median: toJson(entry.median),
        high: toJson(entry.high),
        kpiAtLow: toJson(entry.kpiAtLow),
        kpiAtHigh: toJson(entry.kpiAtHigh),
        swing: toJson(entry.swing),
        rankCorrelation: toJson(entry.rankCorrelation),
      })),
    },
  };
}

export function resultOfRecord(record: SensitivityRunRecord): SensitivityResult {
  const { summary, tornado } = record;
  return {
    spec: record.spec,
    range: { from: 0, to: record.spec.runs },
    parameters: record.parameters,
    outputs: record.outputs,
    kpi: record.spec.kpi,
    kpiVariable: record.kpiVariable,
    bandTimes: Float64Array.from(record.bandTimes),
    percentiles: record.percentiles,
    bands: record.bands.map(floatArray),
    samples: floatArray(record.samples),
    kpiValues: floatArray(record.kpi),
    series: [],
    summary: {
      runs: summary.runs,
      missing: summary.missing,
      mean: fromJson(summary.mean),
      sd: fromJson(summary.sd),
      min: fromJson(summary.min),
      max: fromJson(summary.max),
      percentiles: summary.percentiles.map(({ percent, value }) => ({ percent, value: fromJson(value) })),
    },
    tornado: {
      base: fromJson(tornado.base),
      entries: tornado.entries.map((entry) => ({
        parameter: entry.parameter,
        low: fromJson(entry.low),
        median: fromJson(entry.median),
        high: fromJson(entry.high),
        kpiAtLow: fromJson(entry.kpiAtLow),
        kpiAtHigh: fromJson(entry.kpiAtHigh),
        swing: fromJson(entry.swing),
        rankCorrelation: fromJson(entry.rankCorrelation),
      })),
    },
  };
}
