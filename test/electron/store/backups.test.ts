import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupReason, backupStamp } from '../../../electron/store/backups';
import { WORKSPACE_APPLICATION_ID } from '../../../electron/store/identity';
import { SCHEMA_VERSION } from '../../../electron/store/migrations';
import { BACKUP_ON_OPEN_AFTER_MS, openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir, testClock } from './support';

const MINUTE = 60_000;

describe('backup names', () => {
  it('carry a fixed-width UTC stamp that sorts by time and has no colon', () => {
    expect(backupStamp(new Date('2026-11-25T20:15:00.000Z'))).toBe('20261125T201500.000Z');
    expect(backupStamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405.678Z');
  });

  it('carry the reason as lower-case words', () => {
    expect(backupReason('Before import: Acme.xmile')).toBe('before-import-acme-xmile');
    expect(backupReason('open')).toBe('open');
    expect(backupReason('  !!  ')).toBe('manual');
    expect(backupReason('x'.repeat(100))).toHaveLength(40);
  });
});

describe('a backup on demand', () => {
  it('is a consistent, readable copy of the workspace, with its schema version and mark', () => {
    const clock = testClock('2026-11-25T20:15:00.000Z');
    const dataDir = tempDataDir();
    const workspace = openWorkspace({ dataDir, backupOnOpen: false, now: clock.now });
    try {
      const project = workspace.projects.create({ name: 'Backed up' });
      const backup = workspace.backup('Before import');
      expect(backup).toEqual({
        file: 'workspace-20261125T201500.000Z-before-import.sqlite',
        path: path.join(dataDir, 'backups', 'workspace-20261125T201500.000Z-before-import.sqlite'),
        createdAt: '2026-11-25T20:15:00.000Z',
        bytes: fs.statSync(backup.path).size,
        reason: 'before-import',
      });
      expect(backup.bytes).toBeGreaterThan(0);

      const copy = new Database(backup.path, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(copy.pragma('application_id', { simple: true })).toBe(WORKSPACE_APPLICATION_ID);
        expect(copy.prepare('SELECT id, name FROM projects').all()).toEqual([
          { id: project.id, name: 'Backed up' },
        ]);
      } finally {
        copy.close();
      }
      // No half-written file is left behind.
      expect(
        fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.partial')),
      ).toEqual([]);
    } finally {
      workspace.close();
    }
  });

  it('can be opened as a workspace of its own', () => {
    const dataDir = tempDataDir();
    const workspace = openWorkspace({ dataDir, backupOnOpen: false });
    workspace.projects.create({ name: 'Restorable' });
    const backup = workspace.backup('manual');
    workspace.close();
    const restored = openWorkspace({
      dataDir: path.dirname(backup.path),
      fileName: backup.file,
      backupOnOpen: false,
    });
    try {
      expect(restored.projects.list().map((project) => project.name)).toEqual(['Restorable']);
    } finally {
      restored.close();
    }
  });

  it('keeps the newest ten, deleting only older backups of this workspace', () => {
    const clock = testClock();
    const dataDir = tempDataDir();
    const backupsDir = path.join(dataDir, 'backups');
    fs.mkdirSync(backupsDir);
    const strangers = ['notes.txt', 'other-20200101T000000.000Z-open.sqlite', 'workspace-old.sqlite'];
    for (const name of strangers) fs.writeFileSync(path.join(backupsDir, name), 'not ours to delete');

    const workspace = openWorkspace({ dataDir, backupOnOpen: false, now: clock.now });
    try {
      const made = [];
      for (let index = 0; index < 13; index += 1) {
        made.push(workspace.backup(`step ${index}`));
        clock.advance(MINUTE);
      }
      const kept = workspace.listBackups();
      expect(kept).toHaveLength(10);
      expect(kept.map((backup) => backup.file)).toEqual(
        made
          .slice(3)
          .reverse()
          .map((backup) => backup.file),
      );
      for (const backup of made.slice(0, 3)) expect(fs.existsSync(backup.path)).toBe(false);
      for (const name of strangers) expect(fs.existsSync(path.join(backupsDir, name))).toBe(true);
    } finally {
      workspace.close();
    }
  });

  it('keeps as many as it is told to', () => {
    const clock = testClock();
    const workspace = openWorkspace({
      dataDir: tempDataDir(),
      backupOnOpen: false,
      keepBackups: 3,
      now: clock.now,
    });
    try {
      for (let index = 0; index < 5; index += 1) {
        workspace.backup('manual');
        clock.advance(MINUTE);
      }
      expect(workspace.listBackups()).toHaveLength(3);
    } finally {
      workspace.close();
    }
  });

  it('gives two backups in the same millisecond distinct names, in order', () => {
    const clock = testClock('2026-11-25T20:15:00.000Z');
    const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false, now: clock.now });
    try {
      const first = workspace.backup('first');
      const second = workspace.backup('second');
      expect(second.createdAt).toBe('2026-11-25T20:15:00.001Z');
      expect(workspace.listBackups().map((backup) => backup.file)).toEqual([second.file, first.file]);
    } finally {
      workspace.close();
    }
  });

  it('ignores a half-written copy left by an interrupted backup', () => {
    const dataDir = tempDataDir();
    const workspace = openWorkspace({ dataDir, backupOnOpen: false });
    try {
      fs.mkdirSync(path.join(dataDir, 'backups'));
      fs.writeFileSync(
        path.join(dataDir, 'backups', 'workspace-20261125T201500.000Z-open.sqlite.partial'),
        'half',
      );
      expect(workspace.listBackups()).toEqual([]);
    } finally {
      workspace.close();
    }
  });
});

describe('the backup on open', () => {
  it('is skipped for a workspace without data', () => {
    const dataDir = tempDataDir();
    openWorkspace({ dataDir }).close();
    const workspace = openWorkspace({ dataDir });
    try {
      expect(workspace.listBackups()).toEqual([]);
    } finally {
      workspace.close();
    }
  });

  it('is taken when the workspace has data and the newest backup is over an hour old', () => {
    const clock = testClock();
    const dataDir = tempDataDir();
    const open = () => openWorkspace({ dataDir, now: clock.now });

    const first = open();
    first.projects.create({ name: 'Worth keeping' });
    first.close();

    const second = open(); // data, no backup yet
    expect(second.listBackups().map((backup) => backup.reason)).toEqual(['open']);
    second.close();

    clock.advance(BACKUP_ON_OPEN_AFTER_MS - MINUTE);
    const third = open(); // the newest backup is 59 minutes old
    expect(third.listBackups()).toHaveLength(1);
    third.close();

    clock.advance(2 * MINUTE);
    const fourth = open(); // 61 minutes
    expect(fourth.listBackups()).toHaveLength(2);
    expect(fourth.listBackups()[0]?.createdAt).toBe(clock.now().toISOString());
    fourth.close();
  });

  it('is not taken when turned off', () => {
    const dataDir = tempDataDir();
    const first = openWorkspace({ dataDir, backupOnOpen: false });
    first.projects.create({ name: 'Data' });
    first.close();
    const second = openWorkspace({ dataDir, backupOnOpen: false });
    expect(second.listBackups()).toEqual([]);
    second.close();
  });
});
