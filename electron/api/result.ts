/**
 * How every operation answers across a process boundary (IPC or HTTP): a value or an error as data,
 * never a thrown exception (Signal Desktop's convention).
 */
export const ERROR_CODES = [
  'invalid-input', // the input failed its zod schema or a domain rule
  'not-found', // the document the input names does not exist
  'conflict', // the change would clash with what is saved (a duplicate name, ...)
  'unknown-operation', // no operation of that name
  'forbidden', // the request came from somewhere the app does not trust
  'storage', // the workspace file could not be read or written
  'internal', // a bug: the message says what failed
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside the backend by services and the store; turned into a failed Result at the boundary. */
export class OperationError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'OperationError';
    this.code = code;
  }
}
