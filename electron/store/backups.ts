import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../api/contract';
import { OperationError } from '../api/result';

export const BACKUP_FOLDER = 'backups';
export const DEFAULT_KEEP_BACKUPS = 10;

/** Where a workspace's backups live and how their names start (the workspace file's name without extension). */
export interface BackupShelf {
  readonly folder: string;
  readonly stem: string;
}

export const backupShelf = (dataDir: string, workspaceFile: string): BackupShelf => ({
  folder: path.join(dataDir, BACKUP_FOLDER),
  stem: path.basename(workspaceFile, path.extname(workspaceFile)),
});

/**
 * The time in a backup's name: ISO 8601 basic format with milliseconds, UTC ("20261125T201500.123Z"). It has a
 * fixed width, so names sort by time, and it has no ":" (not allowed in Windows file names).
 */
export const backupStamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '');

const stampToIso = (stamp: string): string =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13)}`;

/** A reason as it appears in a file name: lower-case words joined by "-", at most 40 characters. */
export function backupReason(reason: string): string {
  const slug = reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'manual' : slug;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Only files with exactly this shape are ever listed or deleted by rotation; anything else in the folder stays. */
const namePattern = (stem: string): RegExp =>
  new RegExp(`^${escapeRegExp(stem)}-(\\d{8}T\\d{6}\\.\\d{3}Z)-([a-z0-9]+(?:-[a-z0-9]+)*)\\.sqlite$`);

/** The backups of one workspace, newest first. */
export function listBackups(shelf: BackupShelf): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(shelf.folder);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const pattern = namePattern(shelf.stem);
  const backups: BackupInfo[] = [];
  for (const file of names) {
    const match = pattern.exec(file);
    const stamp = match?.[1];
    const reason = match?.[2];
    if (stamp === undefined || reason === undefined) continue;
    const filePath = path.join(shelf.folder, file);
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) continue;
    backups.push({ file, path: filePath, createdAt: stampToIso(stamp), bytes: stat.size, reason });
  }
  // The stamp comes first after the stem, so comparing names compares times.
  return backups.sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
}

/** Deletes all but the newest `keep` backups and returns what it deleted. */
export function rotateBackups(shelf: BackupShelf, keep: number): BackupInfo[] {
  const expired = listBackups(shelf).slice(keep);
  for (const backup of expired) fs.rmSync(backup.path, { force: true });
  return expired;
}

/** Flushes a file (or a folder's entries) to the disk; folders cannot be opened for this on Windows. */
function fsyncPath(target: string, kind: 'file' | 'folder'): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (kind === 'file') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export interface BackupRequest {
  readonly reason: string;
  readonly at: Date;
  readonly keep: number;
}

/**
 * Writes a consistent copy of the open workspace with `VACUUM INTO`, which reads one snapshot of the database (a
 * transaction of its own, so concurrent commits are either wholly in the copy or not at all) and runs
 * synchronously (https://www.sqlite.org/lang_vacuum.html#vacuuminto). SQLite does not fsync the copy, and an
 * interrupted VACUUM INTO can leave a partial file, so the copy is written under a ".partial" name, flushed, and
 * only then renamed into the pattern that listing and rotation recognise. Then the oldest backups beyond `keep`
 * are deleted.
 */
export function writeBackup(db: Database, shelf: BackupShelf, request: BackupRequest): BackupInfo {
  const reason = backupReason(request.reason);
  let partial: string | undefined;
  try {
    fs.mkdirSync(shelf.folder, { recursive: true });
    // Two backups in the same millisecond (a fixed test clock, a fast double click) get distinct, ordered stamps.
    const taken = new Set(listBackups(shelf).map((backup) => backup.createdAt));
    let at = request.at.getTime();
    while (taken.has(new Date(at).toISOString())) at += 1;
    const file = `${shelf.stem}-${backupStamp(new Date(at))}-${reason}.sqlite`;
    const finalPath = path.join(shelf.folder, file);
    partial = `${finalPath}.partial`;
    fs.rmSync(partial, { force: true });
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncPath(partial, 'file');
    fs.renameSync(partial, finalPath);
    partial = undefined;
    fsyncPath(shelf.folder, 'folder');
    rotateBackups(shelf, request.keep);
    const backups = listBackups(shelf);
    const created = backups.find((backup) => backup.file === file);
    if (created === undefined) throw new Error(`the backup "${file}" vanished right after it was written`);
    purgeDeletedFromBackups(
      db,
      backups.filter((backup) => backup !== created),
    );
    return created;
  } catch (error) {
    if (partial !== undefined) fs.rmSync(partial, { force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new OperationError('storage', `Could not back up the workspace into "${shelf.folder}": ${why}.`);
  }
}

/** The ledger of migration 003: what was deleted since the last rotation (absent in a workspace older than it). */
interface PendingPurge {
  readonly table_name: string;
  readonly row_id: string;
}

const PURGE_SCHEMA = 'purge_target';

function tableExists(db: Database, schema: string, table: string): boolean {
  return (
    db
      .prepare<[string], number>(
        `SELECT count(*) FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`,
      )
      .pluck()
      .get(table) === 1
  );
}

/** Deletes the purged rows from one backup (cascading as in the workspace) and rewrites it so no page keeps them. */
function purgeBackup(db: Database, backup: BackupInfo, pending: readonly PendingPurge[]): void {
  db.prepare(`ATTACH DATABASE ? AS ${PURGE_SCHEMA}`).run(backup.path);
  try {
    db.transaction(() => {
      for (const { table_name: table, row_id: id } of pending) {
        // Table names come from the ledger, which only the migration's triggers write; checked against the
        // backup's own tables (an older backup may lack a newer table) before use in SQL.
        if (!/^[a-z_]+$/.test(table) || !tableExists(db, PURGE_SCHEMA, table)) continue;
        db.prepare(`DELETE FROM ${PURGE_SCHEMA}.${table} WHERE id = ?`).run(id);
      }
      // The backup's own triggers recorded those deletions in its copy of the ledger: not needed there.
      if (tableExists(db, PURGE_SCHEMA, 'pending_purges'))
        db.exec(`DELETE FROM ${PURGE_SCHEMA}.pending_purges`);
    })();
    // VACUUM rebuilds the file from the live rows only: deleted rows leave nothing in free pages.
    db.exec(`VACUUM ${PURGE_SCHEMA}`);
  } finally {
    db.exec(`DETACH DATABASE ${PURGE_SCHEMA}`);
  }
  fsyncPath(backup.path, 'file');
}

/**
 * Issue 11, "deletion": at each backup rotation, the projects and data sets deleted since the last one are
 * removed from every older backup, and the ledger is cleared once all of them are clean. A backup that cannot be
 * cleaned (locked, damaged) keeps the ledger for the next rotation, and never fails the new backup: that one was
 * copied from the workspace after the deletion and holds none of it. The workspace file itself keeps nothing
 * either: it runs with secure_delete (workspace.ts), and the checkpoint below empties the write-ahead log, whose
 * older frames could still hold the deleted rows.
 */
export function purgeDeletedFromBackups(db: Database, olderBackups: readonly BackupInfo[]): void {
  if (!tableExists(db, 'main', 'pending_purges')) return;
  const pending = db.prepare<[], PendingPurge>('SELECT table_name, row_id FROM pending_purges').all();
  if (pending.length === 0) return;
  let clean = true;
  for (const backup of olderBackups) {
    try {
      purgeBackup(db, backup, pending);
    } catch {
      clean = false;
    }
  }
  if (!clean) return;
  const forget = db.prepare<[string, string]>(
    'DELETE FROM pending_purges WHERE table_name = ? AND row_id = ?',
  );
  db.transaction(() => {
    for (const { table_name: table, row_id: id } of pending) forget.run(table, id);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}
