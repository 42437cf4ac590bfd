import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readFileHeader } from './file-header';
import { sqliteCode } from './sqlite-error';
import { judgeIdentity, readIdentity } from './identity';
import { WorkspaceError } from './workspace-error';

/** How long a connection waits for another process's lock before giving up (https://www.sqlite.org/c3ref/busy_timeout.html). */
export const BUSY_TIMEOUT_MS = 5000;

/** Which build of better-sqlite3's native module to load (Electron's differs from Node's; see electron/main). */
export interface DriverOptions {
  readonly nativeBinding?: string | undefined;
}

/** The options every connection to a workspace is opened with. */
export const connectionOptions = (driver: DriverOptions): Database.Options => ({
  timeout: BUSY_TIMEOUT_MS,
  ...(driver.nativeBinding === undefined ? {} : { nativeBinding: driver.nativeBinding }),
});

export type Inspection =
  | { readonly kind: 'new' } // no file yet
  | { readonly kind: 'empty' } // a file with no schema yet
  | { readonly kind: 'workspace'; readonly schemaVersion: number };

/** The files SQLite keeps next to a database (https://www.sqlite.org/tempfiles.html). */
const sidecars = (file: string): string[] => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

/**
 * A read-only connection to a WAL database creates the -wal and -shm files if they are missing
 * (https://www.sqlite.org/wal.html#readonly) and leaves them behind. When we refuse the file, remove the ones we
 * created, as long as the -wal is still empty: nothing of the database is in them then.
 */
function removeCreatedSidecars(file: string, existedBefore: ReadonlySet<string>): void {
  const created = sidecars(file).filter((sidecar) => !existedBefore.has(sidecar) && fs.existsSync(sidecar));
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (wal !== undefined && wal.size > 0) return;
  for (const sidecar of created) fs.rmSync(sidecar, { force: true });
}

const isDamage = (code: string): boolean =>
  code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ';

/**
 * Decides whether a workspace file may be opened for writing, without changing a byte of it.
 *
 * 1. Its header is read with plain file I/O (file-header.ts): a file that is not SQLite, another program's
 *    database, or a newer workspace is refused before SQLite ever opens it.
 * 2. Otherwise it is opened read-only, its identity is checked again (the header may be older than the WAL), and
 *    `PRAGMA quick_check` looks for damaged pages (https://www.sqlite.org/pragma.html#pragma_quick_check). A
 *    damaged file is refused as corrupt: a read-write connection could otherwise checkpoint into it.
 */
export function inspectWorkspaceFile(
  file: string,
  latestVersion: number,
  backupFolder: string,
  driver: DriverOptions = {},
): Inspection {
  const header = readFileHeader(file);
  if (header.kind === 'missing') return { kind: 'new' };
  if (header.kind === 'empty') return { kind: 'empty' };
  judgeIdentity(header.identity, latestVersion, file);

  const existedBefore = new Set(sidecars(file).filter((sidecar) => fs.existsSync(sidecar)));
  let reader: Database.Database | undefined;
  try {
    reader = new Database(file, { ...connectionOptions(driver), readonly: true, fileMustExist: true });
    const verdict = judgeIdentity(readIdentity(reader), latestVersion, file);
    const problems = reader.prepare<[], unknown>('PRAGMA quick_check(5)').pluck().all().map(String);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new WorkspaceError(
        'corrupt',
        file,
        `The workspace "${file}" is damaged (SQLite's check reports: ${problems.join('; ')}). ` +
          `The file was left untouched; earlier copies are in "${backupFolder}".`,
      );
    }
    reader.close();
    return verdict.kind === 'empty' ? verdict : { kind: 'workspace', schemaVersion: verdict.schemaVersion };
  } catch (error) {
    if (reader?.open === true) reader.close();
    removeCreatedSidecars(file, existedBefore);
    // Not SQLite's answer about this file (the native module failed to load, a bug): let it through as it is.
    if (error instanceof WorkspaceError || sqliteCode(error) === '') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (isDamage(sqliteCode(error))) {
      throw new WorkspaceError(
        'corrupt',
        file,
        `The workspace "${file}" is damaged (SQLite: ${reason}). ` +
          `The file was left untouched; earlier copies are in "${backupFolder}".`,
        error,
      );
    }
    throw new WorkspaceError(
      'unreadable',
      file,
      `The workspace "${file}" could not be opened (SQLite: ${reason}). The file was left untouched.`,
      error,
    );
  }
}
