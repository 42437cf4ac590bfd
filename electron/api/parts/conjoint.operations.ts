/**
 * The operation names of the Conjoint instrument (studies, designs, responses, estimation) and regression. Part of OPERATIONS (operations.ts); kept free of imports so the preload can
 * bundle it. Each name here has an entry in conjoint.contract.ts and a handler in services/conjoint-handlers.ts.
 */
export const CONJOINT_OPERATIONS = [
  'conjoint.list',
  'conjoint.get',
  'conjoint.create',
  'conjoint.rename',
  'conjoint.delete',
  'conjoint.save',
  'conjoint.generateDesign',
  'conjoint.importResponses',
  'conjoint.saveEstimation',
] as const;

export type ConjointOperationName = (typeof CONJOINT_OPERATIONS)[number];
