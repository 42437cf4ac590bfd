/**
 * The SROI calculator: A Guide to Social Return on Investment (Cabinet Office / SROI Network 2012), stages 4
 * and 5, over the analysis document of analysis.ts. Pure TypeScript; errors are data.
 *
 *   const parsed = parseAnalysis(JSON.parse(text));           // SroiResult<SroiAnalysis>
 *   const evaluated = evaluateAnalysis(parsed.value);          // SroiResult<SroiEvaluation>: PV, NPV, ratio, ...
 *   const sensitivity = analyseSensitivity(parsed.value);      // sweeps, switching values, tornado bars
 *
 * Linked outcomes: quantitiesFromRuns(outcome, runs, { timeUnitsPerYear: 12 }) per linked outcome, then
 * evaluateAnalysis(analysis, { quantitiesByYear: { [outcome.id]: quantities } }).
 */
export {
  DEFAULT_DISCOUNT_RATE,
  QUANTITY_AGGREGATIONS,
  quantityLinkSchema,
  sroiAnalysisSchema,
  sroiInputSchema,
  sroiOutcomeSchema,
  sroiScopeSchema,
  sroiStakeholderSchema,
  type QuantityAggregation,
  type QuantityLink,
  type SroiAnalysis,
  type SroiAnalysisFile,
  type SroiInput,
  type SroiOutcome,
  type SroiScope,
  type SroiStakeholder,
} from './analysis';
export {
  computeEvaluation,
  evaluateAnalysis,
  presentValueOf,
  type EvaluateOptions,
  type OutcomeEvaluation,
  type SroiEvaluation,
  type StakeholderEvaluation,
  type StakeholderInputs,
} from './evaluate';
export {
  describeIssues,
  type SroiIssue,
  type SroiIssueCode,
  type SroiIssueLocation,
  type SroiResult,
} from './issues';
export { DOCUMENTATION_KEYS, parseAnalysis } from './parse';
export { discountedPaybackMonths, paybackMonths } from './payback';
export { impactShare, projectOutcome, type OutcomeAssumptions, type OutcomeProjection } from './projection';
export {
  quantitiesFromRuns,
  timeUnitsPerYear,
  type LinkedQuantityOptions,
  type LinkedRuns,
} from './quantity-link';
export {
  analyseSensitivity,
  DEFAULT_RANGES,
  DEFAULT_SWEEP_POINTS,
  tornadoBars,
  type AssumptionRange,
  type AssumptionSensitivity,
  type SensitivityAnalysis,
  type SensitivityOptions,
  type SweepPoint,
  type TornadoBar,
} from './sensitivity';
export { findSwitchingValue, LINEAR_ASSUMPTIONS } from './switching-value';
export { MAX_ANALYSIS_YEARS, lastYearOf, validateAnalysis, type QuantitiesByYear } from './validate';
export {
  SENSITIVITY_ASSUMPTIONS,
  type AssumptionDomain,
  type AssumptionValueKind,
  type SensitivityAssumption,
} from './variation';
