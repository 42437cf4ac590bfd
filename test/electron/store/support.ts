import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh data folder in the system's temp folder, removed when the test ends. */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empathy-store-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The file's SHA-256, to prove a refused file was not changed by a single byte. */
export const sha256 = (file: string): string =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The names in a folder, sorted, to prove no -wal, -shm or -journal file was left next to a refused file. */
export const filesIn = (dir: string): string[] => fs.readdirSync(dir).sort();

/** A fixed, steppable clock: each test decides what time it is. */
export function testClock(startIso = '2026-11-25T20:15:00.000Z') {
  let current = Date.parse(startIso);
  return {
    now: (): Date => new Date(current),
    advance(milliseconds: number): void {
      current += milliseconds;
    },
  };
}
