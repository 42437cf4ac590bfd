import type { Migration } from '../migrate';

/**
 * People data handled with care for networks (issue 11): two tables, because the settings and the key have
 * different lives.
 *
 * - network_privacy: one row per network, its settings: whether its people were pseudonymized at import,
 *   whether its participants agreed to individual views, its minimum group size (never below 3), and a note
 *   (the sample organization's says its people are fictional). It holds no people data and goes with its
 *   network (cascade).
 * - network_pseudonym_keys: the per-network secret the pseudonyms are derived from (HMAC-SHA256), and, only if
 *   the user asked to keep it, the mapping from real ids and names to pseudonyms. Deleting the key deletes the
 *   row: the secret goes with it, since with the secret anyone who knows a person's id could find their
 *   pseudonym. Its trigger records the deletion in the purge ledger (migration 003), so the next backup
 *   removes the key from the older backups too; the ledger's purge deletes by `id`, hence the row's own id.
 *
 * Both reach their project through the network (a project's deletion cascades to its networks, then here);
 * the primary key and the UNIQUE constraint index network_id for the cascade.
 *
 * No function calls in the trigger: the workspace runs with trusted_schema = OFF (json_valid and length in
 * CHECK constraints are innocuous built-ins, as in migration 001).
 */
export const networkPrivacy: Migration = {
  version: 4,
  name: 'network-privacy',
  up(db) {
    db.exec(`
      CREATE TABLE network_privacy (
        network_id TEXT PRIMARY KEY NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
        pseudonymized INTEGER NOT NULL CHECK (pseudonymized IN (0, 1)),
        individual_consent INTEGER NOT NULL DEFAULT 0 CHECK (individual_consent IN (0, 1)),
        min_group_size INTEGER NOT NULL DEFAULT 5 CHECK (min_group_size >= 3),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE network_pseudonym_keys (
        id TEXT PRIMARY KEY NOT NULL,
        network_id TEXT NOT NULL UNIQUE REFERENCES networks (id) ON DELETE CASCADE,
        secret BLOB NOT NULL CHECK (length(secret) = 32),
        mapping TEXT CHECK (mapping IS NULL OR json_valid(mapping)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER network_pseudonym_keys_purge AFTER DELETE ON network_pseudonym_keys
      BEGIN
        INSERT OR IGNORE INTO pending_purges (table_name, row_id) VALUES ('network_pseudonym_keys', OLD.id);
      END;
    `);
  },
};
