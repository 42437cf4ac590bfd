/**
 * Calibration of a system-dynamics model to data: the data CSV checked (data.ts), its columns matched to model
 * variables and the weighted squared error built (problem.ts), minimised by bounded Nelder-Mead
 * (nelder-mead.ts), and reported with the fit per variable (calibrate.ts).
 *
 *   const data = readCalibrationData({ fileName, records });     // records: parsed CSV rows
 *   const spec = parseCalibrationSpec(json);
 *   const fitted = calibrate(compiled, data.data, spec.value);
 */
export {
  describeDataProblem,
  readCalibrationData,
  type CalibrationCsv,
  type CalibrationData,
  type DataColumn,
  type DataOutcome,
  type DataProblem,
} from './data';
export {
  CALIBRATION_METHODS,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_TOLERANCE,
  calibrationParameterSchema,
  calibrationSpecSchema,
  parseCalibrationSpec,
  type CalibrationParameter,
  type CalibrationSpec,
  type CalibrationSpecInput,
} from './spec';
export { minimizeBounded, type Bounds, type NelderMeadOptions, type NelderMeadResult } from './nelder-mead';
export { buildProblem, type CalibrationProblem, type FittedParameter, type MatchedColumn } from './problem';
export {
  calibrate,
  fitOf,
  type CalibrateOptions,
  type CalibrationResult,
  type ParameterEstimate,
  type VariableFit,
} from './calibrate';
export { CALIBRATION_FORMAT, calibrationDocument, estimatesCsv, type CalibrationStamp } from './export';
