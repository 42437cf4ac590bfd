import type { Migration } from '../migrate';

/**
 * Stories for presentation mode (issue 9, point 1): one row per story, its pages in `document` (JSON, read
 * through story-document.ts). A page points at live views (a model and scenario, an SROI analysis) by id and
 * holds no copy of their data, so a story holds no people data and needs no purge trigger (migration 003);
 * it goes with its project (cascade).
 */
export const stories: Migration = {
  version: 5,
  name: 'stories',
  up(db) {
    db.exec(`
      CREATE TABLE stories (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stories_by_project ON stories (project_id);
    `);
  },
};
