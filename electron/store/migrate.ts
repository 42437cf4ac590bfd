import type { Database } from 'better-sqlite3';
import { judgeIdentity, readIdentity, WORKSPACE_APPLICATION_ID } from './identity';
import { WorkspaceError } from './workspace-error';

/**
 * One numbered step of the workspace schema. Migrations only add (tables, columns with defaults, indexes), never
 * rename or drop, as Actual Budget does: an older backup stays readable by newer code, and a step never loses data.
 * `up` runs inside the migration transaction; it must not start or end transactions itself.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly Migration[];
}

/** The schema version a list of migrations leads to (0 for none). */
export const latestVersion = (migrations: readonly Migration[]): number => migrations.at(-1)?.version ?? 0;

/** A gap or a duplicate in the list is a bug in the app, caught before any file is touched. */
export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version} at position ${index + 1}: ` +
          'migrations must be numbered 1, 2, 3, ... in order.',
      );
    }
  });
}

const label = (migration: Migration): string => `Migration ${migration.version} "${migration.name}"`;

/**
 * Brings the database to the newest schema in one transaction that also bumps `PRAGMA user_version` (Signal
 * Desktop's convention): either every pending step and the version bump commit together, or nothing does. DDL is
 * transactional in SQLite (https://www.sqlite.org/lang_transaction.html), and so are user_version and
 * application_id, which live in the database header (https://www.sqlite.org/pragma.html#pragma_user_version).
 *
 * The transaction is IMMEDIATE, so a second process opening the same fresh workspace waits for the write lock and
 * then sees the version the first one wrote, instead of running the steps twice. The version is read again inside
 * it for the same reason, and a database newer than `migrations` is refused.
 */
export function runMigrations(
  db: Database,
  migrations: readonly Migration[],
  file: string,
): MigrationOutcome {
  assertMigrationList(migrations);
  const latest = latestVersion(migrations);
  let running: Migration | undefined;
  let from = 0;

  const migrate = db.transaction((): Migration[] => {
    const verdict = judgeIdentity(readIdentity(db), latest, file);
    from = verdict.kind === 'workspace' ? verdict.schemaVersion : 0;
    const pending = migrations.filter((migration) => migration.version > from);
    for (const migration of pending) {
      running = migration;
      migration.up(db);
    }
    running = undefined;
    if (pending.length > 0) {
      db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
      db.pragma(`user_version = ${latest}`);
    }
    return pending;
  });

  try {
    const applied = migrate.immediate();
    return { from, to: applied.length > 0 ? latest : from, applied };
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const step = running === undefined ? 'The schema upgrade' : label(running);
    throw new WorkspaceError(
      'migration-failed',
      file,
      `${step} failed on "${file}": ${reason}. Every change of the upgrade was rolled back; ` +
        `the workspace is still at schema ${from}.`,
      error,
    );
  }
}
