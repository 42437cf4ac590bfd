import type { Migration } from '../migrate';

/**
 * Measurement data sets (issue 10; people data by issue 11): two tables, as migration 004 for networks, because
 * the data set and its key have different lives.
 *
 * - measure_datasets: one row per imported table (a survey, a KPI series, raw NPS answers, initiative markers,
 *   an experiment), kept as read (after pseudonymization): the header in `columns` and the rows in `cells` (JSON
 *   text), so a list reads the header and row count without the rows. Settings per kind (a survey's scale and column map)
 *   are JSON or NULL, read through measure-document.ts. Its people-data settings live in the row itself (a data
 *   set is imported once and never gains waves): whether it was pseudonymized, its id column, the identifying
 *   columns dropped, individual consent and the minimum group size (never below 3, as network_privacy).
 * - measure_pseudonym_keys: the per-data-set secret (HMAC-SHA256) and, only if the user asked, the mapping back
 *   to real ids and names. Deleting the key deletes the row, secret included.
 *
 * Both hold people data (survey answers, ids), so each has a purge trigger into the ledger (migration 003): the
 * next backup deletes the rows by `id` from the older backups. A project's deletion cascades to its data sets
 * and from them to their keys, and every cascaded row fires its trigger. No function calls in the triggers:
 * the workspace runs with trusted_schema = OFF (json_valid and length in CHECK constraints are innocuous
 * built-ins, as in migration 001).
 */
export const measureDatasets: Migration = {
  version: 6,
  name: 'measure-datasets',
  up(db) {
    db.exec(`
      CREATE TABLE measure_datasets (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('survey', 'kpi', 'nps', 'initiatives', 'experiment')),
        file_name TEXT NOT NULL,
        columns TEXT NOT NULL CHECK (json_valid(columns)),
        cells TEXT NOT NULL CHECK (json_valid(cells)),
        row_count INTEGER NOT NULL CHECK (row_count >= 0),
        settings TEXT CHECK (settings IS NULL OR json_valid(settings)),
        pseudonymized INTEGER NOT NULL CHECK (pseudonymized IN (0, 1)),
        id_column TEXT,
        dropped_columns TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dropped_columns)),
        individual_consent INTEGER NOT NULL DEFAULT 0 CHECK (individual_consent IN (0, 1)),
        min_group_size INTEGER NOT NULL DEFAULT 5 CHECK (min_group_size >= 3),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX measure_datasets_by_project ON measure_datasets (project_id, kind);

      CREATE TABLE measure_pseudonym_keys (
        id TEXT PRIMARY KEY NOT NULL,
        dataset_id TEXT NOT NULL UNIQUE REFERENCES measure_datasets (id) ON DELETE CASCADE,
        secret BLOB NOT NULL CHECK (length(secret) = 32),
        mapping TEXT CHECK (mapping IS NULL OR json_valid(mapping)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER measure_datasets_purge AFTER DELETE ON measure_datasets
      BEGIN
        INSERT OR IGNORE INTO pending_purges (table_name, row_id) VALUES ('measure_datasets', OLD.id);
      END;

      CREATE TRIGGER measure_pseudonym_keys_purge AFTER DELETE ON measure_pseudonym_keys
      BEGIN
        INSERT OR IGNORE INTO pending_purges (table_name, row_id) VALUES ('measure_pseudonym_keys', OLD.id);
      END;
    `);
  },
};
