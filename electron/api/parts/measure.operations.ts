/**
 * The operation names of the measurement toolkit's data sets (issue 10; people data by issue 11). Part of
 * OPERATIONS (operations.ts); kept free of imports so the preload can bundle it. Each name here has an entry in
 * measure.contract.ts and a handler in services/measure-handlers.ts.
 */
export const MEASURE_OPERATIONS = [
  'measure.list',
  'measure.get',
  'measure.previewImport',
  'measure.import',
  'measure.rename',
  'measure.updateSettings',
  'measure.delete',
  'measure.privacy',
  'measure.updatePrivacy',
  'measure.key',
  'measure.deleteKey',
] as const;

export type MeasureOperationName = (typeof MEASURE_OPERATIONS)[number];
