/**
 * The contract of dynamics analyses (sensitivity runs, loop dominance, calibration): each operation's zod input schema and output type. Merged into the one contract
 * (contract.ts); the renderer sees the types through it.
 */
import type { z } from 'zod';
import type { AnalysisOperationName } from './analysis.operations';

export const analysisContract = {} as const satisfies Record<
  AnalysisOperationName,
  { input: z.ZodType; output: unknown }
>;
