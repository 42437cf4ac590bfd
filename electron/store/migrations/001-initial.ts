import type { Migration } from '../migrate';

/**
 * The first schema: projects and the documents DESIGN.md names.
 *
 * - STRICT tables, so a value of the wrong type is an error instead of being stored as whatever it happens to be
 *   (https://www.sqlite.org/stricttables.html).
 * - Ids are UUIDs as TEXT, times ISO-8601 UTC TEXT, JSON documents TEXT checked by json_valid
 *   (https://www.sqlite.org/json1.html#jvalid); each document's shape is checked by its zod schema when read.
 * - Every document row references its project with ON DELETE CASCADE, so deleting a project deletes its
 *   documents in the same statement. A document that belongs to another document (a scenario to a model, a run to
 *   a scenario, a snapshot to a network) references it through the pair (id, project_id), which the parent makes
 *   unique: a scenario can then never point at a model of another project. SQLite requires the parent key of a
 *   foreign key to be the primary key or a unique index (https://www.sqlite.org/foreignkeys.html#fk_indexes), and
 *   recommends an index on every child key, or each parent delete scans the child table; the indexes below are
 *   those child keys.
 * - Run results are column-major Float64 arrays stored as little-endian BLOBs (see float64-blob.ts): one row per
 *   variable in run_series, the shared time axis in runs.times. run_series is part of its run, not a document of
 *   its own, so it references the run only and goes with it.
 *
 * Later migrations add tables and columns; they never rename or drop these.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        -- The name folded for comparison (NFC, lower case), so "Acme" and "ACME" clash; COLLATE NOCASE would fold
        -- ASCII letters only (https://www.sqlite.org/datatype3.html#collating_sequences).
        name_key TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE models (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        xmile TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (id, project_id)
      ) STRICT;
      CREATE INDEX models_by_project ON models (project_id);

      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(overrides)),
        links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (id, project_id),
        FOREIGN KEY (model_id, project_id) REFERENCES models (id, project_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX scenarios_by_project ON scenarios (project_id);
      CREATE INDEX scenarios_by_model ON scenarios (model_id, project_id);

      CREATE TABLE runs (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        scenario_id TEXT, -- NULL: the model run as saved, without a scenario's overrides
        name TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL, -- integration method: euler, rk2, rk4
        seed INTEGER, -- NULL for a deterministic run
        model_hash TEXT, -- hash of the XMILE that was run, so a result can be traced to its model text
        created_at TEXT NOT NULL,
        times BLOB NOT NULL CHECK (length(times) % 8 = 0),
        FOREIGN KEY (model_id, project_id) REFERENCES models (id, project_id) ON DELETE CASCADE,
        FOREIGN KEY (scenario_id, project_id) REFERENCES scenarios (id, project_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX runs_by_project ON runs (project_id);
      CREATE INDEX runs_by_model ON runs (model_id, project_id);
      CREATE INDEX runs_by_scenario ON runs (scenario_id, project_id);

      CREATE TABLE run_series (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        variable TEXT NOT NULL,
        data BLOB NOT NULL CHECK (length(data) % 8 = 0),
        PRIMARY KEY (run_id, variable)
      ) STRICT;

      CREATE TABLE networks (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (id, project_id)
      ) STRICT;
      CREATE INDEX networks_by_project ON networks (project_id);

      CREATE TABLE network_snapshots (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        network_id TEXT NOT NULL,
        wave TEXT NOT NULL, -- the survey wave it was observed in: "before", "after", "2026 Q1", ...
        nodes TEXT NOT NULL CHECK (json_valid(nodes)),
        edges TEXT NOT NULL CHECK (json_valid(edges)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        FOREIGN KEY (network_id, project_id) REFERENCES networks (id, project_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX network_snapshots_by_project ON network_snapshots (project_id);
      CREATE INDEX network_snapshots_by_network ON network_snapshots (network_id, project_id);

      CREATE TABLE conjoint_studies (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX conjoint_studies_by_project ON conjoint_studies (project_id);

      CREATE TABLE sroi_analyses (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sroi_analyses_by_project ON sroi_analyses (project_id);
    `);
  },
};
