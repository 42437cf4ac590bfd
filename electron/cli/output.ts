import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type CliIO } from './command';

/**
 * Writes a command's result to stdout, or to `--out FILE` (written to a temporary file and renamed, so a
 * failed run never leaves half a file where a good one was).
 */
export function writeResult(io: CliIO, text: string, out: string | undefined): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out === undefined) {
    io.stdout(body);
    return;
  }
  const target = resolve(io.cwd, out);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, body);
    renameSync(temporary, target);
  } catch (error) {
    throw new InputError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // String(number) is the shortest form that reads back to the same double.
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
