/**
 * The contract of the SROI instrument (analyses, evaluation, sensitivity): each operation's zod input schema and output type. Merged into the one contract
 * (contract.ts); the renderer sees the types through it.
 */
import type { z } from 'zod';
import type { SroiOperationName } from './sroi.operations';

export const sroiContract = {} as const satisfies Record<
  SroiOperationName,
  { input: z.ZodType; output: unknown }
>;
