import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWorkspace, WORKSPACE_FILE } from '../../../electron/store/workspace';
import { tempDataDir } from './support';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const writerScript = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));

interface KilledWriter {
  /** Ids the writer printed, each after its commit returned. */
  readonly committed: string[];
  readonly signal: NodeJS.Signals | null;
}

/**
 * Runs the writer and sends it SIGKILL once it has printed `killAfter` ids, while its loop is still committing.
 * Only whole lines count: the kill may cut the last one in half.
 */
function runAndKill(dataDir: string, label: string, killAfter: number): Promise<KilledWriter> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, ['--import', 'tsx', writerScript, dataDir, label], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let killed = false;
    writer.stdout.setEncoding('utf8');
    writer.stderr.setEncoding('utf8');
    writer.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (!killed && output.split('\n').length - 1 >= killAfter) {
        killed = true;
        writer.kill('SIGKILL');
      }
    });
    writer.stderr.on('data', (chunk: string) => {
      errors += chunk;
    });
    writer.on('error', reject);
    writer.on('close', (code, signal) => {
      if (!killed) {
        reject(new Error(`the writer stopped on its own (exit ${code}) before it was killed:\n${errors}`));
        return;
      }
      const lines = output.split('\n');
      resolve({ committed: lines.slice(0, -1), signal });
    });
  });
}

describe('a writer killed with SIGKILL in the middle of its write loop', () => {
  it('loses no committed transaction and leaves a database that opens and passes integrity_check', async () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, WORKSPACE_FILE);
    const everCommitted: string[] = [];

    // Different kill points; each round reopens what the last one left, so recovery is crashed into as well.
    for (const [round, killAfter] of [150, 420, 777, 300].entries()) {
      const { committed, signal } = await runAndKill(dataDir, `round ${round}`, killAfter);
      expect(signal).toBe('SIGKILL');
      expect(committed.length).toBeGreaterThanOrEqual(killAfter);
      everCommitted.push(...committed);
      // The writer died with its WAL open: nothing was checkpointed or cleaned up by a close.
      expect(fs.existsSync(`${file}-wal`)).toBe(true);

      const workspace = openWorkspace({ dataDir });
      try {
        const { db } = workspace;
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const saved = new Set<string>(workspace.projects.list().map((project) => project.id));
        const lost = everCommitted.filter((id) => !saved.has(id));
        expect(lost).toEqual([]);
        // Each transaction is all or nothing: every project that exists has its model, whole.
        const models = db
          .prepare<[], { count: number; lengths: number }>(
            'SELECT count(*) AS count, count(DISTINCT length(xmile)) AS lengths FROM models',
          )
          .get();
        expect(models).toEqual({ count: saved.size, lengths: 1 });
      } finally {
        workspace.close();
      }
    }

    // And a plain SQLite connection agrees after the last clean close.
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
