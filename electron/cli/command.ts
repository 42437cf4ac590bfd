/**
 * Conventions every CLI command follows (researchers script against them):
 * exit 0 on success; 1 with a one-line error on stderr for bad input (a malformed file, an impossible value);
 * 2 for bad usage (unknown flag, missing argument). Machine-readable output goes to stdout or `--out FILE`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  /** Writes to standard output (machine-readable results only). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (progress, warnings, errors). */
  readonly stderr: (text: string) => void;
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Bad usage: an unknown flag, a missing argument, a value of the wrong shape. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Bad input: the command was well formed but the data is not (a file that does not parse, ...). Exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export interface CliCommand {
  /** The command word(s) as typed, e.g. `simulate` or `network metrics`. */
  readonly name: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** The full usage text shown by `<command> --help`. */
  readonly usage: string;
  /** Runs the command on the arguments after its name. Throws UsageError or InputError; returns when done. */
  run(argv: readonly string[], io: CliIO): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` in strict mode, with its errors turned into UsageError so they exit with code 2. */
export function parseCommandArgs<O extends Options>(
  argv: readonly string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The one file a command works on, its only positional argument ("model" file, "analysis" file). */
export function onlyFile(positionals: readonly string[], what: string): string {
  const [path] = positionals;
  if (path === undefined) throw new UsageError(`give the ${what} file`);
  if (positionals.length > 1) throw new UsageError(`one ${what} file, not ${positionals.length}`);
  return path;
}

/** Parses `--format` against the formats a command supports. */
export function parseFormat<F extends string>(
  value: string | undefined,
  allowed: readonly F[],
  fallback: F,
): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Parses a number flag, naming the flag when it is not a finite number. */
export function parseNumberFlag(flag: string, value: string): number {
  const trimmed = value.trim();
  const number = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(number)) throw new UsageError(`${flag} must be a number (got "${value}")`);
  return number;
}

/** Parses a positive integer flag such as `--runs`. */
export function parsePositiveIntFlag(flag: string, value: string): number {
  const number = parseNumberFlag(flag, value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`${flag} must be a positive integer (got "${value}")`);
  return number;
}
