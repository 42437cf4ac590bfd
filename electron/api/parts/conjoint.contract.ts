/**
 * The contract of the Conjoint instrument (studies, designs, responses, estimation) and regression: each operation's zod input schema and output type. Merged into the one contract
 * (contract.ts); the renderer sees the types through it.
 */
import type { z } from 'zod';
import type { ConjointOperationName } from './conjoint.operations';

export const conjointContract = {} as const satisfies Record<
  ConjointOperationName,
  { input: z.ZodType; output: unknown }
>;
