import type { Database } from 'better-sqlite3';
import { APP_NAME } from '../app-info';
import { WorkspaceError } from './workspace-error';

/**
 * Our mark in the database header ("EmWb" in ASCII), so a SQLite file that belongs to another program is
 * recognized and left alone. SQLite reserves the header's application_id for exactly this
 * (https://www.sqlite.org/pragma.html#pragma_application_id, https://www.sqlite.org/fileformat.html#application_id);
 * it is written in the same transaction as the first migration, so every workspace with a schema carries it.
 */
export const WORKSPACE_APPLICATION_ID = 0x456d5762;

/** The header fields that tell whose database a file is and how far it has been migrated. */
export interface DatabaseIdentity {
  readonly applicationId: number;
  readonly userVersion: number;
  /** Whether sqlite_schema holds anything (a table, index, view or trigger). */
  readonly hasSchema: boolean;
}

export type IdentityVerdict =
  | { readonly kind: 'empty' } // a new file, or a SQLite database with nothing in it yet
  | { readonly kind: 'workspace'; readonly schemaVersion: number };

const hex = (id: number): string => `0x${(id >>> 0).toString(16).padStart(8, '0')}`;

/**
 * Decides whether a database is ours, following Signal Desktop's rule of refusing a schema newer than the code
 * knows (its `updateSchema` throws when user_version exceeds the newest migration).
 * Throws a WorkspaceError ('not-workspace' or 'newer-version') for a file we must not touch.
 */
export function judgeIdentity(
  identity: DatabaseIdentity,
  latestVersion: number,
  file: string,
): IdentityVerdict {
  const untouched = 'The file was left untouched.';
  if (identity.applicationId === WORKSPACE_APPLICATION_ID) {
    if (identity.userVersion > latestVersion) {
      throw new WorkspaceError(
        'newer-version',
        file,
        `This workspace was saved by a newer version of ${APP_NAME} (schema ${identity.userVersion}; ` +
          `this version reads up to schema ${latestVersion}). Update the app to open it. ` +
          `The file "${file}" was left untouched.`,
      );
    }
    return { kind: 'workspace', schemaVersion: identity.userVersion };
  }
  if (identity.applicationId !== 0) {
    throw new WorkspaceError(
      'not-workspace',
      file,
      `"${file}" is a SQLite database of another program (application id ${hex(identity.applicationId)}), ` +
        `not an ${APP_NAME} workspace. ${untouched}`,
    );
  }
  // No application id: empty (never initialised) is fine; anything with a schema or a user_version was written by
  // another program, because our first migration sets the application id together with the first tables.
  if (identity.userVersion === 0 && !identity.hasSchema) return { kind: 'empty' };
  throw new WorkspaceError(
    'not-workspace',
    file,
    `"${file}" is a SQLite database that already holds another program's tables ` +
      `(user_version ${identity.userVersion}, no ${APP_NAME} application id), not an ${APP_NAME} workspace. ${untouched}`,
  );
}

/** Reads the identity through an open connection (authoritative: it sees committed pages still in the WAL). */
export function readIdentity(db: Database): DatabaseIdentity {
  const applicationId = db.pragma('application_id', { simple: true });
  const userVersion = db.pragma('user_version', { simple: true });
  const schemaObjects = db.prepare<[], number>('SELECT count(*) FROM sqlite_schema').pluck().get();
  return {
    applicationId: typeof applicationId === 'number' ? applicationId : 0,
    userVersion: typeof userVersion === 'number' ? userVersion : 0,
    hasSchema: (schemaObjects ?? 0) > 0,
  };
}
