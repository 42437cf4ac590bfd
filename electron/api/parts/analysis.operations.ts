/**
 * The operation names of dynamics analyses (sensitivity runs, loop dominance, calibration). Part of OPERATIONS
 * (operations.ts); kept free of imports so the preload can bundle it. Each name here has an entry in
 * analysis.contract.ts and a handler in services/analysis-handlers.ts.
 */
export const ANALYSIS_OPERATIONS = [
  'sensitivity.list',
  'sensitivity.get',
  'sensitivity.save',
  'sensitivity.delete',
  'calibrations.list',
  'calibrations.get',
  'calibrations.save',
  'calibrations.delete',
] as const;

export type AnalysisOperationName = (typeof ANALYSIS_OPERATIONS)[number];
