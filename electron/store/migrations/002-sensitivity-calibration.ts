import type { Migration } from '../migrate';

/**
 * Saved analyses of a model: Monte Carlo sensitivity runs and calibrations (issue 5).
 *
 * - `sensitivity_runs`: one row per run, with the resolved spec, the reproducibility stamp and the KPI summary
 *   and tornado as JSON, and the per-run table as Float64 BLOBs (float64-blob.ts): the band times, every run's
 *   parameter draws (runs x parameters, row-major) and KPI. What a run records at every band time for every run
 *   is not kept: it can be tens of megabytes, and the run reproduces it from the spec and the seed.
 * - `sensitivity_bands`: the percentile bands of each recorded variable (percentiles x band times), one row per
 *   variable, in `position` order; part of its run, as run_series is part of a run in migration 001.
 * - `calibrations`: one row per calibration, the spec, the data, the result and the stamp in one JSON document.
 *
 * Both reference their model through (model_id, project_id), so deleting a model or its project deletes them.
 * Numbered 2: the migration runner (migrate.ts) accepts only consecutive versions, so this takes the next free
 * number.
 */
export const sensitivityCalibration: Migration = {
  version: 2,
  name: 'sensitivity-calibration',
  up(db) {
    db.exec(`
      CREATE TABLE sensitivity_runs (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        name TEXT NOT NULL,
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        stamp TEXT NOT NULL CHECK (json_valid(stamp)),
        summary TEXT NOT NULL CHECK (json_valid(summary)),
        runs INTEGER NOT NULL CHECK (runs > 0),
        band_times BLOB NOT NULL CHECK (length(band_times) % 8 = 0),
        samples BLOB NOT NULL CHECK (length(samples) % 8 = 0),
        kpi BLOB NOT NULL CHECK (length(kpi) % 8 = 0),
        created_at TEXT NOT NULL,
        FOREIGN KEY (model_id, project_id) REFERENCES models (id, project_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX sensitivity_runs_by_project ON sensitivity_runs (project_id);
      CREATE INDEX sensitivity_runs_by_model ON sensitivity_runs (model_id, project_id);

      CREATE TABLE sensitivity_bands (
        run_id TEXT NOT NULL REFERENCES sensitivity_runs (id) ON DELETE CASCADE,
        variable TEXT NOT NULL,
        position INTEGER NOT NULL,
        data BLOB NOT NULL CHECK (length(data) % 8 = 0),
        PRIMARY KEY (run_id, variable)
      ) STRICT;

      CREATE TABLE calibrations (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        name TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        created_at TEXT NOT NULL,
        FOREIGN KEY (model_id, project_id) REFERENCES models (id, project_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX calibrations_by_project ON calibrations (project_id);
      CREATE INDEX calibrations_by_model ON calibrations (model_id, project_id);
    `);
  },
};
