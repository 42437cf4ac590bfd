/**
 * Monte Carlo sensitivity of a system-dynamics model: a spec (spec.ts) says which constants vary and how; runs
 * are drawn per run index from the seed (streams.ts, sampling.ts), run in ranges by a kernel (kernel.ts) on any
 * number of threads, and collected into percentile bands, a KPI summary and a tornado (result.ts).
 *
 *   const spec = resolveSpec(parseSensitivitySpec(json).value, { runs: 1000, seed: 42 });
 *   const result = runSensitivity(compiled, spec.value);   // or: planSensitivity + createKernel per worker
 */
export {
  DEFAULT_BAND_POINTS,
  DEFAULT_PERCENTILES,
  DISTRIBUTION_TYPES,
  KPI_STATISTICS,
  MAX_RUNS,
  MAX_SEED,
  SAMPLING_METHODS,
  distributionSchema,
  issuePath,
  kpiSchema,
  parseSensitivitySpec,
  resolveSpec,
  sensitivityParameterSchema,
  sensitivitySpecSchema,
  type Distribution,
  type DistributionType,
  type Kpi,
  type KpiStatistic,
  type ResolvedSensitivitySpec,
  type SamplingMethod,
  type SensitivityParameter,
  type SensitivitySpec,
  type SensitivitySpecInput,
  type SpecOutcome,
} from './spec';
export { lognormalParameters, quantileFunction, type Quantile } from './distributions';
export { normalQuantile } from './normal-quantile';
export { createSampler, seededPermutation, type Sampler } from './sampling';
export { modelSeedOf, streamGenerator } from './streams';
export { bandIndices, planSensitivity, type PlannedParameter, type SensitivityPlan } from './plan';
export { createKernel, kpiOf, type RangeResult, type RunRange, type SensitivityKernel } from './kernel';
export { percentiles, percentilesInPlace, typeSevenFromSorted } from './percentiles';
export { summarizeKpi, type KpiSummary } from './summary';
export {
  assembleTornado,
  averageRanks,
  computeSwings,
  spearman,
  type Tornado,
  type TornadoEntry,
  type TornadoSwings,
} from './tornado';
export { variableBands } from './bands';
export {
  bandOf,
  createCollector,
  seriesValue,
  layoutOf,
  type SensitivityCollector,
  type SensitivityLayout,
  type SensitivityResult,
} from './result';
export { parseShard, shardRange, splitRange, type Shard } from './shard';
export { RANGE_SIZE, runSensitivity, type RunOptions } from './run';
export {
  SENSITIVITY_FORMAT,
  kpiLabel,
  sensitivityCsv,
  sensitivityDocument,
  type CsvOptions,
  type SensitivityStamp,
} from './export';
