import fs from 'node:fs';
import type { DatabaseIdentity } from './identity';
import { WorkspaceError } from './workspace-error';

/** Every SQLite 3 database starts with these 16 bytes (https://www.sqlite.org/fileformat.html#magic_header_string). */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The 100-byte database header plus the first bytes of page 1's b-tree header, which follows it. */
const HEADER_BYTES = 108;

export type FileHeaderReading =
  | { readonly kind: 'missing' }
  | { readonly kind: 'empty' } // zero bytes: SQLite treats it as a new database
  | { readonly kind: 'sqlite'; readonly identity: DatabaseIdentity; readonly walMode: boolean };

const untouched = 'The file was left untouched.';

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Reads a file's header with plain file I/O, before SQLite sees it: a file that is not SQLite must never be opened
 * by SQLite (which could create a journal next to it), and the identity fields let us refuse another program's
 * database or a newer workspace without opening it either.
 *
 * The header is only a first look: committed changes may still sit in the WAL, so the caller checks the identity
 * again through a read-only connection. That is safe because page 1 holds the header and the root of
 * sqlite_schema together, so it is always one consistent state of both.
 */
export function readFileHeader(file: string): FileHeaderReading {
  let header: Buffer;
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      throw new WorkspaceError(
        'unreadable',
        file,
        `"${file}" is a folder, not a workspace file. ${untouched}`,
      );
    }
    size = stat.size;
    header = Buffer.alloc(Math.min(size, HEADER_BYTES));
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    const reason = error instanceof Error ? error.message : String(error);
    throw new WorkspaceError(
      'unreadable',
      file,
      `The workspace "${file}" could not be read (${reason}). ${untouched}`,
      error,
    );
  }

  if (size === 0) return { kind: 'empty' };
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new WorkspaceError(
      'not-sqlite',
      file,
      `"${file}" is not a workspace: it is not a SQLite database (it does not start with "SQLite format 3"). ${untouched}`,
    );
  }
  if (header.length < HEADER_BYTES) {
    throw new WorkspaceError(
      'corrupt',
      file,
      `The workspace "${file}" is damaged: it is only ${size} bytes long, shorter than a SQLite header. ${untouched}`,
    );
  }

  // Offsets from https://www.sqlite.org/fileformat.html#the_database_header and #b_tree_pages.
  const writeVersion = header.readUInt8(18); // 1 = rollback journal, 2 = WAL
  const userVersion = header.readInt32BE(60);
  const applicationId = header.readInt32BE(68);
  const pageType = header.readUInt8(100); // 13 = leaf table b-tree: sqlite_schema fits on page 1
  const cellCount = header.readUInt16BE(103); // rows of sqlite_schema when page 1 is a leaf
  return {
    kind: 'sqlite',
    identity: { applicationId, userVersion, hasSchema: !(pageType === 13 && cellCount === 0) },
    walMode: writeVersion === 2,
  };
}
