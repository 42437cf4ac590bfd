/**
 * The small JSON files the desktop app keeps in the data folder (window place, recent files, last view). Each is
 * parsed with a zod schema before it is trusted, and any problem reading it means "no saved state": a lost window
 * position or recent list is never worth an error dialog. Writes go through a temporary file and a rename, so a
 * crash mid-write leaves the previous file intact.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';

export function readJsonFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
): z.infer<Schema> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export function writeJsonFile(file: string, value: unknown): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  renameSync(partial, file);
}
