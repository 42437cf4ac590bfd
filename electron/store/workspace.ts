import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../api/contract';
import { OperationError } from '../api/result';
import { backupShelf, DEFAULT_KEEP_BACKUPS, listBackups, writeBackup, type BackupShelf } from './backups';
import { connectionOptions, inspectWorkspaceFile } from './inspect';
import { assertMigrationList, latestVersion, runMigrations, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';
import { createModelRepository, type ModelRepository } from './models';
import { createProjectRepository, type ProjectRepository } from './projects';
import { createScenarioRepository, type ScenarioRepository } from './scenarios';
import { sqliteCode } from './sqlite-error';
import { WorkspaceError } from './workspace-error';

export { WorkspaceError, type WorkspaceProblem } from './workspace-error';

export const WORKSPACE_FILE = 'workspace.sqlite';

/** A workspace with data gets a backup when it is opened and the newest backup is older than this. */
export const BACKUP_ON_OPEN_AFTER_MS = 60 * 60 * 1000;

export interface WorkspaceOptions {
  readonly dataDir: string;
  readonly fileName?: string;
  /** How many backups to keep; older ones are deleted. Default 10. */
  readonly keepBackups?: number;
  /** Back up a workspace with data on open when the newest backup is over an hour old. Default true. */
  readonly backupOnOpen?: boolean;
  /** The clock for timestamps and backup ages (injectable for tests). */
  readonly now?: () => Date;
  /**
   * The schema steps, for tests of the migration runner: they pass MIGRATIONS plus steps of their own. Defaults to
   * MIGRATIONS. The list must include the initial schema, which the repositories use.
   */
  readonly migrations?: readonly Migration[];
  /**
   * The path of better-sqlite3's native module to load instead of its own, for Electron running from a clone
   * (electron/main/native-binding.ts); passed to the driver's `nativeBinding` option.
   */
  readonly nativeBinding?: string | undefined;
}

export interface Workspace {
  readonly dataDir: string;
  readonly path: string;
  readonly schemaVersion: number;
  /** True when this open created the workspace (no file, or an empty one): the hosts seed the samples then. */
  readonly isNew: boolean;
  readonly db: Database.Database;
  readonly projects: ProjectRepository;
  readonly models: ModelRepository;
  readonly scenarios: ScenarioRepository;
  backup(reason: string): BackupInfo;
  /** Newest first. */
  listBackups(): BackupInfo[];
  close(): void;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The connection settings every read-write open applies, outside any transaction (foreign_keys is a no-op inside
 * one: https://www.sqlite.org/foreignkeys.html#fk_enable).
 */
function configure(db: Database.Database, file: string): void {
  // WAL: readers never block the writer, and a commit is one append to the -wal file
  // (https://www.sqlite.org/wal.html). It can fail on file systems without shared memory; we refuse those rather
  // than run in a mode the crash guarantees were not tested in.
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new WorkspaceError(
      'unreadable',
      file,
      `The workspace "${file}" could not be switched to write-ahead logging (SQLite chose "${String(mode)}"); ` +
        'is it on a network drive? Move the data folder to a local disk.',
    );
  }
  // Any synchronous level keeps committed transactions through a crash of the app, including SIGKILL; in WAL mode
  // NORMAL may lose the last commits on power loss or an OS crash, FULL does not, because it syncs the WAL at every
  // commit (https://www.sqlite.org/pragma.html#pragma_synchronous). Saved work should survive a laptop whose battery
  // dies mid-workshop, and FULL costs about 0.2 ms per commit on the development machines; bulk writes (a Monte
  // Carlo's results) are one transaction and pay it once.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // A workspace is a file a user may receive from someone else: do not let its schema call functions with side
  // effects (https://www.sqlite.org/pragma.html#pragma_trusted_schema, https://www.sqlite.org/security.html).
  db.pragma('trusted_schema = OFF');
  // Deleted rows are overwritten with zeros rather than left in free pages, so a deleted project or data set is
  // gone from the file, not just unlisted (issue 11; https://www.sqlite.org/pragma.html#pragma_secure_delete).
  db.pragma('secure_delete = ON');
}

function hasProjects(db: Database.Database): boolean {
  return db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM projects)').pluck().get() === 1;
}

function backupIsDue(shelf: BackupShelf, now: Date): boolean {
  const newest = listBackups(shelf)[0];
  return newest === undefined || now.getTime() - Date.parse(newest.createdAt) > BACKUP_ON_OPEN_AFTER_MS;
}

/**
 * Opens (or creates) the workspace in `dataDir`: checks the file without writing to it, then opens it read-write,
 * backs it up before an upgrade, runs pending migrations in one transaction, and backs it up on open when due.
 * Throws a WorkspaceError for a file it refuses; that file is left exactly as it was.
 */
export function openWorkspace(options: WorkspaceOptions): Workspace {
  const now = options.now ?? (() => new Date());
  const keep = options.keepBackups ?? DEFAULT_KEEP_BACKUPS;
  if (!Number.isInteger(keep) || keep < 1)
    throw new RangeError(`keepBackups must be a whole number >= 1, not ${keep}.`);
  const migrations = options.migrations ?? MIGRATIONS;
  assertMigrationList(migrations);
  const latest = latestVersion(migrations);
  const dataDir = path.resolve(options.dataDir);
  const file = path.join(dataDir, options.fileName ?? WORKSPACE_FILE);
  const shelf = backupShelf(dataDir, file);

  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new WorkspaceError(
      'unreadable',
      file,
      `The data folder "${dataDir}" could not be created: ${reasonOf(error)}.`,
      error,
    );
  }

  const driver = { nativeBinding: options.nativeBinding };
  const inspection = inspectWorkspaceFile(file, latest, shelf.folder, driver);

  let db: Database.Database | undefined;
  try {
    db = new Database(file, connectionOptions(driver));
    configure(db, file);
    if (
      inspection.kind === 'workspace' &&
      inspection.schemaVersion > 0 &&
      inspection.schemaVersion < latest
    ) {
      try {
        writeBackup(db, shelf, { reason: `before-schema-${latest}`, at: now(), keep });
      } catch (error) {
        throw new WorkspaceError(
          'migration-failed',
          file,
          `The workspace "${file}" needs an upgrade to schema ${latest}, but the backup taken before upgrading ` +
            `failed, so nothing was changed: ${reasonOf(error)}`,
          error,
        );
      }
    }
    const { to } = runMigrations(db, migrations, file);
    const connection = db;
    const workspace: Workspace = {
      dataDir,
      path: file,
      schemaVersion: to,
      isNew: inspection.kind !== 'workspace',
      db: connection,
      projects: createProjectRepository(connection, now),
      models: createModelRepository(connection, now),
      scenarios: createScenarioRepository(connection, now),
      backup: (reason) => writeBackup(connection, shelf, { reason, at: now(), keep }),
      listBackups: () => listBackups(shelf),
      close: () => {
        if (connection.open) connection.close();
      },
    };
    if ((options.backupOnOpen ?? true) && hasProjects(connection) && backupIsDue(shelf, now())) {
      workspace.backup('open');
    }
    return workspace;
  } catch (error) {
    if (db?.open === true) db.close();
    // Only SQLite's own errors are about the file; anything else (the native module failed to load, a bug) is
    // passed on unchanged, so the caller can tell, e.g. electron/main's hint for a module built for the wrong ABI.
    if (error instanceof OperationError || sqliteCode(error) === '') throw error;
    throw new WorkspaceError(
      'unreadable',
      file,
      `The workspace "${file}" could not be opened for writing: ${reasonOf(error)}.`,
      error,
    );
  }
}
