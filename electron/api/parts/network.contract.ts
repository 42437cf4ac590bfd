/**
 * The contract of the Network instrument (organizational networks and their survey waves): each operation's zod input schema and output type. Merged into the one contract
 * (contract.ts); the renderer sees the types through it.
 */
import type { z } from 'zod';
import type { NetworkOperationName } from './network.operations';

export const networkContract = {} as const satisfies Record<
  NetworkOperationName,
  { input: z.ZodType; output: unknown }
>;
