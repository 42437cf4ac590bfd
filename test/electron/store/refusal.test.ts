import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../electron/api/result';
import { WORKSPACE_APPLICATION_ID } from '../../../electron/store/identity';
import { SCHEMA_VERSION } from '../../../electron/store/migrations';
import {
  openWorkspace,
  WORKSPACE_FILE,
  WorkspaceError,
  type WorkspaceProblem,
} from '../../../electron/store/workspace';
import { filesIn, sha256, tempDataDir } from './support';

/** Opens the workspace expecting a refusal; returns the error after checking the file and its folder are unchanged. */
function expectRefusal(
  dataDir: string,
  problem: WorkspaceProblem,
  fileName = WORKSPACE_FILE,
): WorkspaceError {
  const file = path.join(dataDir, fileName);
  const hashBefore = sha256(file);
  const filesBefore = filesIn(dataDir);
  let caught: unknown;
  try {
    openWorkspace({ dataDir, fileName, backupOnOpen: false }).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WorkspaceError);
  const error = caught as WorkspaceError;
  expect(error.problem).toBe(problem);
  expect(error.path).toBe(file);
  expect(error.message).toContain(file);
  // It crosses the API as data like any other failure.
  expect(error).toBeInstanceOf(OperationError);
  expect(error.code).toBe('storage');
  expect(sha256(file)).toBe(hashBefore);
  expect(filesIn(dataDir)).toEqual(filesBefore);
  return error;
}

/** A closed workspace with enough rows to span many pages. */
function goodWorkspace(dataDir: string): string {
  const workspace = openWorkspace({ dataDir, backupOnOpen: false });
  for (let index = 0; index < 300; index += 1) {
    workspace.projects.create({ name: `Project ${index}`, description: 'x'.repeat(200) });
  }
  workspace.close();
  return workspace.path;
}

/** A SQLite database written by hand, as another program (or a newer version of ours) would. */
function handMadeDatabase(file: string, pragmas: readonly string[], sql = ''): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const pragma of pragmas) db.pragma(pragma);
  if (sql !== '') db.exec(sql);
  db.close();
}

describe('a file that is not SQLite', () => {
  it('is refused untouched when it holds random bytes', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, WORKSPACE_FILE), randomBytes(64 * 1024));
    const error = expectRefusal(dataDir, 'not-sqlite');
    expect(error.message).toMatch(/not a SQLite database/);
    expect(error.message).toMatch(/left untouched/);
  });

  it('is refused untouched when it is a text file, even a tiny one', () => {
    for (const text of ['name,retention\nacme,0.8\n', 'SQLite']) {
      const dataDir = tempDataDir();
      fs.writeFileSync(path.join(dataDir, WORKSPACE_FILE), text);
      expectRefusal(dataDir, 'not-sqlite');
    }
  });
});

describe("another program's SQLite database", () => {
  it('is refused untouched when it has a different application id', () => {
    const dataDir = tempDataDir();
    handMadeDatabase(
      path.join(dataDir, WORKSPACE_FILE),
      ['application_id = 1234'],
      'CREATE TABLE notes (body TEXT)',
    );
    const error = expectRefusal(dataDir, 'not-workspace');
    expect(error.message).toMatch(/another program/);
    expect(error.message).toContain('0x000004d2');
  });

  it('is refused untouched when it has tables but no application id', () => {
    const dataDir = tempDataDir();
    handMadeDatabase(path.join(dataDir, WORKSPACE_FILE), [], 'CREATE TABLE notes (body TEXT)');
    expectRefusal(dataDir, 'not-workspace');
  });

  it('is refused untouched when it only has a user_version of its own', () => {
    const dataDir = tempDataDir();
    handMadeDatabase(path.join(dataDir, WORKSPACE_FILE), ['user_version = 3']);
    expectRefusal(dataDir, 'not-workspace');
  });

  it('is refused even when its tables only fit on more than one page', () => {
    const dataDir = tempDataDir();
    const tables = Array.from({ length: 200 }, (_, index) => `CREATE TABLE t${index} (body TEXT);`).join(
      '\n',
    );
    handMadeDatabase(path.join(dataDir, WORKSPACE_FILE), [], tables);
    expectRefusal(dataDir, 'not-workspace');
  });
});

describe('a workspace from a newer version', () => {
  it('is refused untouched with a message saying what to do', () => {
    const dataDir = tempDataDir();
    const file = goodWorkspace(dataDir);
    handMadeDatabase(file, ['user_version = 7']);
    const error = expectRefusal(dataDir, 'newer-version');
    expect(error.message).toContain(
      `This workspace was saved by a newer version of Empathy Workbench (schema 7; this version reads up to schema ${SCHEMA_VERSION}). Update the app to open it.`,
    );
  });

  it('is refused when the newer schema is still in the WAL, not yet in the file header', () => {
    const dataDir = tempDataDir();
    const file = goodWorkspace(dataDir);
    // Another process has the workspace open and has not checkpointed: the header in the file still says schema 1.
    const newer = new Database(file);
    try {
      newer.pragma('wal_autocheckpoint = 0');
      newer.pragma('user_version = 9');
      expect(fs.readFileSync(file).readInt32BE(60)).toBe(SCHEMA_VERSION);
      const hashBefore = sha256(file);
      expect(() => openWorkspace({ dataDir, backupOnOpen: false })).toThrow(
        expect.objectContaining({ problem: 'newer-version', message: expect.stringContaining('schema 9;') }),
      );
      expect(sha256(file)).toBe(hashBefore);
      expect(newer.pragma('user_version', { simple: true })).toBe(9);
    } finally {
      newer.close();
    }
  });
});

describe('a damaged workspace', () => {
  /** Copies a good workspace and damages its copy; the good one stays for comparison. */
  function damagedCopy(damage: (bytes: Buffer) => Buffer): string {
    const source = goodWorkspace(tempDataDir());
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, WORKSPACE_FILE), damage(Buffer.from(fs.readFileSync(source))));
    return dataDir;
  }
  const pageSize = 4096;

  it('is refused as corrupt, untouched, when middle pages are overwritten', () => {
    const dataDir = damagedCopy((bytes) => {
      expect(bytes.length).toBeGreaterThan(20 * pageSize);
      randomBytes(3 * pageSize).copy(bytes, 8 * pageSize);
      return bytes;
    });
    const error = expectRefusal(dataDir, 'corrupt');
    expect(error.message).toMatch(/damaged/);
    expect(error.message).toContain(path.join(dataDir, 'backups'));
  });

  it('is refused as corrupt, untouched, when pages are zeroed', () => {
    const dataDir = damagedCopy((bytes) => bytes.fill(0, 5 * pageSize, 7 * pageSize));
    expectRefusal(dataDir, 'corrupt');
  });

  it('is refused as corrupt, untouched, when it is truncated', () => {
    expectRefusal(
      damagedCopy((bytes) => bytes.subarray(0, 6 * pageSize)),
      'corrupt',
    );
    expectRefusal(
      damagedCopy((bytes) => bytes.subarray(0, 50)),
      'corrupt',
    );
  });

  it('is refused as corrupt when page 1 after the header is overwritten', () => {
    const dataDir = damagedCopy((bytes) => {
      randomBytes(400).copy(bytes, 100);
      return bytes;
    });
    const error = expectRefusal(dataDir, 'corrupt');
    expect(error.message).toMatch(/left untouched/);
  });
});

describe('a path that cannot be read as a file', () => {
  it('is refused as unreadable when it is a folder', () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.join(dataDir, WORKSPACE_FILE));
    expect(() => openWorkspace({ dataDir, backupOnOpen: false })).toThrow(
      expect.objectContaining({ problem: 'unreadable', message: expect.stringContaining('is a folder') }),
    );
  });
});

describe('a refused file', () => {
  it('is still refused the second time (nothing was "repaired" in between)', () => {
    const dataDir = tempDataDir();
    handMadeDatabase(path.join(dataDir, WORKSPACE_FILE), [
      `application_id = ${WORKSPACE_APPLICATION_ID}`,
      'user_version = 99',
    ]);
    expectRefusal(dataDir, 'newer-version');
    expectRefusal(dataDir, 'newer-version');
  });
});
