import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import { byName, firstFreeName, validNew } from './names';
import { projectDocumentTable, type DocumentRow } from './project-documents';
import {
  storyRecordSchema,
  type StoryDocument,
  type StoryId,
  type StoryRecord,
  type StorySummary,
} from './story-document';

export interface StoryRepository {
  /** The project's stories, sorted by name; a row that cannot be read is listed with its problem. */
  list(projectId: ProjectId): StorySummary[];
  get(id: StoryId): StoryRecord;
  /** A new story, its name made free in the project ("Name (2)") if taken. */
  create(projectId: ProjectId, name: string, document: StoryDocument): StoryRecord;
  /** Replaces the pages. */
  update(id: StoryId, document: StoryDocument): StoryRecord;
  /** conflict if another story of the project has the name. */
  rename(id: StoryId, name: string): StoryRecord;
  delete(id: StoryId): void;
}

const TABLE = 'stories';

/**
 * Stories of the workspace's projects. Writes are IMMEDIATE transactions (as in sroi-analyses.ts): the name
 * check and the write happen under one write lock, with the project's timestamp.
 */
export function createStoryRepository(db: Database, now: () => Date): StoryRepository {
  const table = projectDocumentTable(db, {
    table: TABLE,
    noun: 'story',
    clashNoun: 'a story',
    schema: storyRecordSchema,
  });

  function summaryOf(row: DocumentRow): StorySummary {
    const base = {
      id: row.id as StoryId,
      projectId: row.project_id as ProjectId,
      name: row.name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    try {
      return { ...base, pageCount: table.read(row).document.pages.length };
    } catch (error) {
      if (!(error instanceof OperationError)) throw error;
      return { ...base, pageCount: 0, problem: error.message };
    }
  }

  const get = (id: StoryId): StoryRecord => table.get(id);

  const write = (record: StoryRecord): StoryRecord => {
    const checked = validNew(storyRecordSchema, 'story', record);
    table.assertNameFree(checked.projectId, checked.name, checked.id);
    table.update(checked);
    return checked;
  };

  return {
    list(projectId) {
      return table.rows(projectId).map(summaryOf).sort(byName);
    },

    get,

    create(projectId, name, document) {
      return db
        .transaction(() => {
          table.assertProject(projectId);
          const at = now().toISOString();
          const record = validNew(storyRecordSchema, 'story', {
            id: randomUUID(),
            projectId,
            name: firstFreeName(name.trim(), table.namesIn(projectId)),
            document,
            createdAt: at,
            updatedAt: at,
          });
          table.insert(record);
          return record;
        })
        .immediate();
    },

    update(id, document) {
      return db
        .transaction(() => write({ ...get(id), document, updatedAt: now().toISOString() }))
        .immediate();
    },

    rename(id, name) {
      return db.transaction(() => write({ ...get(id), name, updatedAt: now().toISOString() })).immediate();
    },

    delete(id) {
      table.remove(id);
    },
  };
}
