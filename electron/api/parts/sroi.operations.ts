/**
 * The operation names of the SROI instrument (analyses, evaluation, sensitivity). Part of OPERATIONS (operations.ts); kept free of imports so the preload can
 * bundle it. Each name here has an entry in sroi.contract.ts and a handler in services/sroi-handlers.ts.
 */
export const SROI_OPERATIONS = [
  'sroi.list',
  'sroi.get',
  'sroi.create',
  'sroi.save',
  'sroi.rename',
  'sroi.duplicate',
  'sroi.delete',
  'sroi.import',
] as const;

export type SroiOperationName = (typeof SROI_OPERATIONS)[number];
