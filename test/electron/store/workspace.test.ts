import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_APPLICATION_ID } from '../../../electron/store/identity';
import { SCHEMA_VERSION } from '../../../electron/store/migrations';
import { openWorkspace, WORKSPACE_FILE, type Workspace } from '../../../electron/store/workspace';
import { tempDataDir } from './support';

const DOCUMENT_TABLES = [
  'calibrations',
  'conjoint_studies',
  'measure_datasets',
  'measure_pseudonym_keys',
  'models',
  'network_privacy',
  'network_pseudonym_keys',
  'network_snapshots',
  'networks',
  'projects',
  'run_series',
  'runs',
  'scenarios',
  'sensitivity_bands',
  'sensitivity_runs',
  'sroi_analyses',
  'stories',
];

const AT = '2026-11-25T20:15:00.000Z';

function openFresh(): Workspace {
  const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });
  return workspace;
}

/** One document of every kind in a project, with plain SQL: the repositories for them come later. */
function seedDocuments(db: Database.Database, projectId: string, prefix: string): void {
  const insert = (sql: string, ...values: unknown[]) => db.prepare(sql).run(...values);
  insert(
    'INSERT INTO models VALUES (?, ?, ?, ?, ?, ?)',
    `${prefix}-model`,
    projectId,
    'Reference',
    '<xmile/>',
    AT,
    AT,
  );
  insert(
    'INSERT INTO scenarios (id, project_id, model_id, name, overrides, links, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    `${prefix}-scenario`,
    projectId,
    `${prefix}-model`,
    'Empathy programme',
    '{"training budget": 2}',
    '[]',
    AT,
    AT,
  );
  insert(
    'INSERT INTO runs (id, project_id, model_id, scenario_id, method, seed, created_at, times) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    `${prefix}-run`,
    projectId,
    `${prefix}-model`,
    `${prefix}-scenario`,
    'rk4',
    42,
    AT,
    Buffer.alloc(16),
  );
  insert('INSERT INTO run_series VALUES (?, ?, ?)', `${prefix}-run`, 'customers', Buffer.alloc(16));
  insert(
    'INSERT INTO networks (id, project_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    `${prefix}-network`,
    projectId,
    'Support ties',
    AT,
    AT,
  );
  insert(
    'INSERT INTO network_snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    `${prefix}-snapshot`,
    projectId,
    `${prefix}-network`,
    'before',
    '[]',
    '[]',
    AT,
    AT,
  );
  insert(
    'INSERT INTO network_privacy (network_id, pseudonymized, updated_at) VALUES (?, 1, ?)',
    `${prefix}-network`,
    AT,
  );
  insert(
    'INSERT INTO network_pseudonym_keys (id, network_id, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    `${prefix}-key`,
    `${prefix}-network`,
    Buffer.alloc(32),
    AT,
    AT,
  );
  insert(
    'INSERT INTO conjoint_studies VALUES (?, ?, ?, ?, ?, ?)',
    `${prefix}-study`,
    projectId,
    'Service',
    '{}',
    AT,
    AT,
  );
  insert(
    'INSERT INTO sroi_analyses VALUES (?, ?, ?, ?, ?, ?)',
    `${prefix}-sroi`,
    projectId,
    'Programme',
    '{}',
    AT,
    AT,
  );
  insert(
    'INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)',
    `${prefix}-story`,
    projectId,
    'Board meeting',
    '{"pages":[]}',
    AT,
    AT,
  );
  insert(
    'INSERT INTO sensitivity_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    `${prefix}-sensitivity`,
    projectId,
    `${prefix}-model`,
    'Levers',
    '{}',
    '{}',
    '{}',
    2,
    Buffer.alloc(8),
    Buffer.alloc(16),
    Buffer.alloc(16),
    AT,
  );
  insert(
    'INSERT INTO sensitivity_bands VALUES (?, ?, ?, ?)',
    `${prefix}-sensitivity`,
    'customers',
    0,
    Buffer.alloc(40),
  );
  insert(
    `INSERT INTO measure_datasets (id, project_id, name, kind, file_name, columns, cells, row_count, pseudonymized,
       created_at, updated_at) VALUES (?, ?, ?, 'survey', 'survey.csv', '["id"]', '[["p1"]]', 1, 1, ?, ?)`,
    `${prefix}-dataset`,
    projectId,
    'Survey',
    AT,
    AT,
  );
  insert(
    'INSERT INTO measure_pseudonym_keys (id, dataset_id, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    `${prefix}-dataset-key`,
    `${prefix}-dataset`,
    Buffer.alloc(32),
    AT,
    AT,
  );
  insert(
    'INSERT INTO calibrations VALUES (?, ?, ?, ?, ?, ?)',
    `${prefix}-calibration`,
    projectId,
    `${prefix}-model`,
    'Fit',
    '{}',
    AT,
  );
}

const countRows = (db: Database.Database, table: string): number =>
  db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? -1;

describe('a fresh workspace', () => {
  it('is created in the data folder, migrated to the newest schema and marked as ours', () => {
    const dataDir = path.join(tempDataDir(), 'not', 'yet', 'there');
    const workspace = openWorkspace({ dataDir, backupOnOpen: false });
    try {
      expect(workspace.path).toBe(path.join(dataDir, WORKSPACE_FILE));
      expect(fs.existsSync(workspace.path)).toBe(true);
      expect(workspace.schemaVersion).toBe(SCHEMA_VERSION);
      expect(workspace.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(workspace.db.pragma('application_id', { simple: true })).toBe(WORKSPACE_APPLICATION_ID);
      const tables = workspace.db
        .prepare<[], { name: string; strict: number }>(
          "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all();
      // The documents, and the ledger of what was deleted (migration 003, purged from backups at rotation).
      expect(tables.map((table) => table.name)).toEqual([...DOCUMENT_TABLES, 'pending_purges'].sort());
      expect(tables.every((table) => table.strict === 1)).toBe(true);
    } finally {
      workspace.close();
    }
  });

  it('runs with WAL, foreign keys, FULL sync, an untrusted schema, secure delete and a busy timeout', () => {
    const workspace = openFresh();
    try {
      expect(workspace.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(workspace.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(workspace.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(workspace.db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(workspace.db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(workspace.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      workspace.close();
    }
  });

  it('has an index leading with the child columns of every foreign key', () => {
    const workspace = openFresh();
    try {
      const { db } = workspace;
      let checked = 0;
      for (const table of DOCUMENT_TABLES) {
        const keys = db
          .prepare<[string], { id: number; from: string; seq: number }>(
            'SELECT id, "from", seq FROM pragma_foreign_key_list(?)',
          )
          .all(table);
        const foreignKeys = new Map<number, string[]>();
        for (const key of keys.sort((a, b) => a.seq - b.seq)) {
          foreignKeys.set(key.id, [...(foreignKeys.get(key.id) ?? []), key.from]);
        }
        const indexes = db
          .prepare<[string], { name: string }>('SELECT name FROM pragma_index_list(?)')
          .all(table)
          .map((index) =>
            db
              .prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
              .all(index.name)
              .map((column) => column.name),
          );
        for (const columns of foreignKeys.values()) {
          const covered = indexes.some((index) =>
            columns.every((column, position) => index[position] === column),
          );
          expect(covered, `${table} (${columns.join(', ')})`).toBe(true);
          checked += 1;
        }
      }
      expect(checked).toBe(22);
    } finally {
      workspace.close();
    }
  });

  it('initialises a zero-byte file and an empty SQLite database in place', () => {
    for (const prepare of [
      (file: string) => fs.writeFileSync(file, ''),
      (file: string) => {
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.close();
      },
    ]) {
      const dataDir = tempDataDir();
      prepare(path.join(dataDir, WORKSPACE_FILE));
      const workspace = openWorkspace({ dataDir, backupOnOpen: false });
      expect(workspace.schemaVersion).toBe(SCHEMA_VERSION);
      workspace.close();
    }
  });

  it('uses the file name it is given', () => {
    const dataDir = tempDataDir();
    const workspace = openWorkspace({ dataDir, fileName: 'workshop.sqlite', backupOnOpen: false });
    workspace.close();
    expect(fs.existsSync(path.join(dataDir, 'workshop.sqlite'))).toBe(true);
  });
});

describe('a workspace reopened', () => {
  it('keeps what was saved, and closing twice is harmless', () => {
    const dataDir = tempDataDir();
    const first = openWorkspace({ dataDir, backupOnOpen: false });
    const project = first.projects.create({ name: 'Retention study', description: 'Call centre, 2026' });
    seedDocuments(first.db, project.id, 'a');
    first.close();
    first.close();

    const second = openWorkspace({ dataDir, backupOnOpen: false });
    try {
      expect(second.projects.list()).toEqual([project]);
      for (const table of DOCUMENT_TABLES) expect(countRows(second.db, table), table).toBe(1);
      expect(second.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      second.close();
    }
    // A clean close checkpoints the WAL into the file and removes it.
    expect(fs.existsSync(`${second.path}-wal`)).toBe(false);
  });
});

describe('the schema', () => {
  it('rejects a value of the wrong type (STRICT tables)', () => {
    const workspace = openFresh();
    try {
      const project = workspace.projects.create({ name: 'Typed' });
      seedDocuments(workspace.db, project.id, 'a');
      expect(() => workspace.db.prepare("UPDATE runs SET seed = 'forty-two'").run()).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_DATATYPE' }),
      );
      expect(() => workspace.db.prepare('UPDATE models SET xmile = ?').run(Buffer.from('<xmile/>'))).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_DATATYPE' }),
      );
    } finally {
      workspace.close();
    }
  });

  it('rejects JSON that does not parse and a series that is not whole doubles', () => {
    const workspace = openFresh();
    try {
      const project = workspace.projects.create({ name: 'Checked' });
      seedDocuments(workspace.db, project.id, 'a');
      expect(() => workspace.db.prepare("UPDATE scenarios SET overrides = '{oops'").run()).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }),
      );
      expect(() => workspace.db.prepare('UPDATE run_series SET data = ?').run(Buffer.alloc(12))).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }),
      );
    } finally {
      workspace.close();
    }
  });

  it("deletes a project's documents with it, and only its own", () => {
    const workspace = openFresh();
    try {
      const doomed = workspace.projects.create({ name: 'Doomed' });
      const kept = workspace.projects.create({ name: 'Kept' });
      seedDocuments(workspace.db, doomed.id, 'doomed');
      seedDocuments(workspace.db, kept.id, 'kept');
      workspace.projects.delete(doomed.id);
      for (const table of DOCUMENT_TABLES) expect(countRows(workspace.db, table), table).toBe(1);
      expect(workspace.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      workspace.close();
    }
  });

  it("refuses a scenario that points at another project's model", () => {
    const workspace = openFresh();
    try {
      const mine = workspace.projects.create({ name: 'Mine' });
      const theirs = workspace.projects.create({ name: 'Theirs' });
      seedDocuments(workspace.db, theirs.id, 'theirs');
      expect(() =>
        workspace.db
          .prepare(
            'INSERT INTO scenarios (id, project_id, model_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run('stray', mine.id, 'theirs-model', 'Stray', AT, AT),
      ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
    } finally {
      workspace.close();
    }
  });
});
