import type { Migration } from '../migrate';

/**
 * The purge ledger (issue 11, "deletion"): what the user deleted, so the next backup can remove it from the older
 * backups too. A backup is a whole copy of the workspace; without this, a deleted project or imported data set
 * would live on in up to ten older backups until they rotate out.
 *
 * Triggers fill the ledger, so every way of deleting (a repository call, a cascade from a project or a network)
 * is recorded, and a future repository cannot forget to. Only ids are kept: random identifiers that say nothing
 * about the people in the data. A table that holds people data added later needs its own trigger here.
 * No function calls in the triggers: the workspace runs with trusted_schema = OFF.
 */
const PURGED_TABLES = [
  'projects',
  'networks',
  'network_snapshots',
  'conjoint_studies',
  'sroi_analyses',
  'calibrations',
] as const;

export const purgeLedger: Migration = {
  version: 3,
  name: 'purge-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE pending_purges (
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        deleted_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (table_name, row_id)
      ) STRICT;
    `);
    for (const table of PURGED_TABLES) {
      db.exec(`
        CREATE TRIGGER ${table}_purge AFTER DELETE ON ${table}
        BEGIN
          INSERT OR IGNORE INTO pending_purges (table_name, row_id) VALUES ('${table}', OLD.id);
        END;
      `);
    }
  },
};
