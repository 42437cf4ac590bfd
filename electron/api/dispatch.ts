/**
 * The one place where an operation's input is parsed and its outcome becomes a Result. Electron's IPC
 * (`electron/main/ipc.ts`), the web host (`electron/web/api-route.ts`) and tests all call `dispatch`.
 */
import { type z } from 'zod';
import { contract, type OperationOutput, type ParsedInput } from './contract';
import { isOperationName, type OperationName } from './operations';
import { fail, ok, OperationError, type Result } from './result';

export type Handler<K extends OperationName> = (
  input: ParsedInput<K>,
) => OperationOutput<K> | Promise<OperationOutput<K>>;
export type Handlers = { readonly [K in OperationName]: Handler<K> };

/** Turns a zod error into one sentence naming each field that failed. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Parses with the operation's schema, then calls its handler. The contract and the handler map are both keyed
 * by operation name, so the pair always matches; TypeScript cannot follow that through an indexed generic,
 * hence the one widening of the handler's type here.
 */
async function run(handlers: Handlers, operation: OperationName, input: unknown): Promise<Result<unknown>> {
  const parsed = contract[operation].input.safeParse(input ?? {});
  if (!parsed.success) return fail('invalid-input', `${operation}: ${describeZodError(parsed.error)}`);
  const handler = handlers[operation] as (input: unknown) => unknown;
  return ok(await handler(parsed.data));
}

/** Runs one operation. Never throws: every failure, expected or not, comes back as `{ ok: false, error }`. */
export async function dispatch(
  handlers: Handlers,
  operation: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isOperationName(operation))
    return fail('unknown-operation', `There is no operation named "${operation}".`);
  try {
    return await run(handlers, operation, input);
  } catch (error) {
    if (error instanceof OperationError) return fail(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `${operation} failed unexpectedly: ${message}`);
  }
}
