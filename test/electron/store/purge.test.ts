import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { tempDataDir, testClock } from './support';

/**
 * Issue 11, "deletion": a deleted project or imported data set leaves the workspace file at once (secure_delete)
 * and every older backup at the next backup rotation, checked on the bytes of the real SQLite files.
 */
const AT = '2026-11-25T20:15:00.000Z';
/** A name that appears nowhere else, so finding its bytes in a file means the person is still in it. */
const PERSON = 'Ophelia Quistgaard-Marker';

function seedNetwork(workspace: Workspace, projectId: string, networkId: string, person: string): void {
  const db = workspace.db;
  db.prepare(
    'INSERT INTO networks (id, project_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(networkId, projectId, 'Support ties', AT, AT);
  db.prepare('INSERT INTO network_snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    `${networkId}-before`,
    projectId,
    networkId,
    'before',
    JSON.stringify([{ id: 'p1', attributes: { name: person } }]),
    '[]',
    AT,
    AT,
  );
}

const holds = (file: string, text: string): boolean =>
  fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));

function open(dataDir: string, clock: ReturnType<typeof testClock>): Workspace {
  return openWorkspace({ dataDir, backupOnOpen: false, now: clock.now });
}

describe('deleting people data', () => {
  it('removes a deleted project from the workspace file and, at the next backup, from the older backups', () => {
    const dataDir = tempDataDir();
    const clock = testClock();
    const workspace = open(dataDir, clock);
    const doomed = workspace.projects.create({ name: 'Pilot with names' });
    const kept = workspace.projects.create({ name: 'Kept project' });
    seedNetwork(workspace, doomed.id, 'net-doomed', PERSON);
    seedNetwork(workspace, kept.id, 'net-kept', 'Someone Else Entirely');

    const before = workspace.backup('manual');
    expect(holds(before.path, PERSON)).toBe(true);

    workspace.projects.delete(doomed.id);
    workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(holds(workspace.path, PERSON)).toBe(false);
    // Until the next rotation the older backup still has it: that is what the README promises, no more.
    expect(holds(before.path, PERSON)).toBe(true);
    const ledger = workspace.db.prepare('SELECT table_name, row_id FROM pending_purges ORDER BY 1, 2').all();
    expect(ledger).toEqual(
      expect.arrayContaining([
        { table_name: 'projects', row_id: doomed.id },
        { table_name: 'networks', row_id: 'net-doomed' },
        { table_name: 'network_snapshots', row_id: 'net-doomed-before' },
      ]),
    );

    clock.advance(60_000);
    const after = workspace.backup('manual');
    expect(holds(after.path, PERSON)).toBe(false);
    expect(holds(before.path, PERSON)).toBe(false);
    expect(workspace.db.prepare('SELECT count(*) FROM pending_purges').pluck().get()).toBe(0);

    // Everything else in the older backup is intact and it still opens as a workspace.
    const old = new Database(before.path, { readonly: true });
    try {
      expect(old.prepare('SELECT name FROM projects').pluck().all()).toEqual(['Kept project']);
      expect(old.prepare('SELECT id FROM networks').pluck().all()).toEqual(['net-kept']);
      expect(old.prepare('SELECT count(*) FROM pending_purges').pluck().get()).toBe(0);
      expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      old.close();
    }
    workspace.close();
  });

  it('removes one deleted wave (an imported data set) and keeps the rest of its network', () => {
    const dataDir = tempDataDir();
    const clock = testClock();
    const workspace = open(dataDir, clock);
    const project = workspace.projects.create({ name: 'Waves' });
    seedNetwork(workspace, project.id, 'net', 'Kept Person Name');
    workspace.db
      .prepare('INSERT INTO network_snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        'net-after',
        project.id,
        'net',
        'after',
        JSON.stringify([{ id: 'p1', attributes: { name: PERSON } }]),
        '[]',
        AT,
        AT,
      );
    const before = workspace.backup('manual');
    workspace.db.prepare('DELETE FROM network_snapshots WHERE id = ?').run('net-after');
    clock.advance(60_000);
    workspace.backup('manual');
    expect(holds(before.path, PERSON)).toBe(false);
    expect(holds(before.path, 'Kept Person Name')).toBe(true);
    workspace.close();
  });

  it('keeps the ledger for the next rotation when an older backup cannot be cleaned, without failing the backup', () => {
    const dataDir = tempDataDir();
    const clock = testClock();
    const workspace = open(dataDir, clock);
    const project = workspace.projects.create({ name: 'Doomed' });
    seedNetwork(workspace, project.id, 'net', PERSON);
    const before = workspace.backup('manual');
    workspace.projects.delete(project.id);
    fs.writeFileSync(before.path, 'not a database any more');
    clock.advance(60_000);
    const after = workspace.backup('manual');
    expect(holds(after.path, PERSON)).toBe(false);
    expect(workspace.db.prepare('SELECT count(*) FROM pending_purges').pluck().get()).toBeGreaterThan(0);
    workspace.close();
  });
});
