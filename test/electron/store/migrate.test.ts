import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { assertMigrationList, runMigrations, type Migration } from '../../../electron/store/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/store/migrations';
import { openWorkspace, WorkspaceError } from '../../../electron/store/workspace';
import { sha256, tempDataDir, testClock } from './support';

const tableNames = (db: Database.Database): string[] =>
  db
    .prepare<[], string>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all();

/** A second schema step that adds a table and a column, as later migrations will. */
const addTags: Migration = {
  version: SCHEMA_VERSION + 1,
  name: 'add-tags',
  up(db) {
    db.exec(`
      CREATE TABLE tags (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (project_id, tag)
      ) STRICT;
      ALTER TABLE projects ADD COLUMN colour TEXT NOT NULL DEFAULT '';
    `);
  },
};

/** A step that does part of its work and then fails, as a buggy migration would. */
const failsHalfway: Migration = {
  version: SCHEMA_VERSION + 1,
  name: 'add-notes',
  up(db) {
    db.exec('CREATE TABLE notes (body TEXT NOT NULL) STRICT');
    db.prepare("UPDATE projects SET description = 'overwritten by a bad migration'").run();
    db.exec('CREATE TABLE notes (body TEXT NOT NULL) STRICT'); // fails: the table exists
  },
};

function workspaceAtCurrentSchema(dataDir: string): string {
  const workspace = openWorkspace({ dataDir, backupOnOpen: false });
  workspace.projects.create({ name: 'Before the upgrade', description: 'original' });
  workspace.close();
  return workspace.path;
}

describe('the migration runner', () => {
  it('upgrades an existing workspace in place after backing it up', () => {
    const dataDir = tempDataDir();
    workspaceAtCurrentSchema(dataDir);
    const clock = testClock();
    const workspace = openWorkspace({ dataDir, migrations: [...MIGRATIONS, addTags], now: clock.now });
    try {
      expect(workspace.schemaVersion).toBe(SCHEMA_VERSION + 1);
      expect(workspace.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
      expect(tableNames(workspace.db)).toContain('tags');
      expect(workspace.projects.list().map((project) => project.description)).toEqual(['original']);
      const backups = workspace.listBackups();
      expect(backups.map((backup) => backup.reason)).toEqual([`before-schema-${SCHEMA_VERSION + 1}`]);
      // The backup is the workspace as it was before the upgrade.
      const [backup] = backups;
      const before = new Database(backup?.path ?? '', { readonly: true, fileMustExist: true });
      try {
        expect(before.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(tableNames(before)).not.toContain('tags');
      } finally {
        before.close();
      }
    } finally {
      workspace.close();
    }
  });

  it('rolls every step back when one fails, and names the failing migration', () => {
    const dataDir = tempDataDir();
    const file = workspaceAtCurrentSchema(dataDir);
    const tablesBefore = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return tableNames(db);
      } finally {
        db.close();
      }
    })();

    let caught: unknown;
    try {
      openWorkspace({
        dataDir,
        migrations: [...MIGRATIONS, addTags, { ...failsHalfway, version: SCHEMA_VERSION + 2 }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkspaceError);
    const error = caught as WorkspaceError;
    expect(error.problem).toBe('migration-failed');
    expect(error.message).toContain(`Migration ${SCHEMA_VERSION + 2} "add-notes" failed`);
    expect(error.message).toContain(`still at schema ${SCHEMA_VERSION}`);

    // Neither the step that succeeded nor the half of the one that failed is in the file.
    const workspace = openWorkspace({ dataDir, backupOnOpen: false });
    try {
      expect(workspace.schemaVersion).toBe(SCHEMA_VERSION);
      expect(tableNames(workspace.db)).toEqual(tablesBefore);
      expect(workspace.projects.list().map((project) => project.description)).toEqual(['original']);
      // The backup taken before the attempt is there to fall back on.
      expect(workspace.listBackups()).toHaveLength(1);
    } finally {
      workspace.close();
    }
  });

  it('leaves a new file without any schema when its first migrations fail', () => {
    const dataDir = tempDataDir();
    expect(() => openWorkspace({ dataDir, migrations: [...MIGRATIONS, failsHalfway] })).toThrow(
      expect.objectContaining({ problem: 'migration-failed' }),
    );
    const db = new Database(`${dataDir}/workspace.sqlite`, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(db.pragma('application_id', { simple: true })).toBe(0);
      expect(tableNames(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('does nothing when the workspace is up to date', () => {
    const dataDir = tempDataDir();
    const file = workspaceAtCurrentSchema(dataDir);
    const db = new Database(file);
    try {
      const outcome = runMigrations(db, MIGRATIONS, file);
      expect(outcome).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    } finally {
      db.close();
    }
  });

  it('refuses a database newer than the list it is given, without changing it', () => {
    const dataDir = tempDataDir();
    const file = workspaceAtCurrentSchema(dataDir);
    const hash = sha256(file);
    const db = new Database(file);
    try {
      expect(() => runMigrations(db, [], file)).toThrow(
        expect.objectContaining({ problem: 'newer-version' }),
      );
    } finally {
      db.close();
    }
    expect(sha256(file)).toBe(hash);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('rejects a list with a gap or out of order before touching any file', () => {
    expect(() => assertMigrationList([...MIGRATIONS, { ...addTags, version: SCHEMA_VERSION + 2 }])).toThrow(
      /must be numbered 1, 2, 3/,
    );
    const dataDir = tempDataDir();
    expect(() => openWorkspace({ dataDir, migrations: [addTags] })).toThrow(/must be numbered/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
