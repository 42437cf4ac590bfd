/** The driver's error code ("SQLITE_CORRUPT", "SQLITE_CONSTRAINT_UNIQUE", ...), or '' for an error not from SQLite. */
export const sqliteCode = (error: unknown): string =>
  error instanceof Error &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('SQLITE_')
    ? error.code
    : '';
