import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import { byName, firstFreeName, nameKey, validNew } from './names';
import { parseStoredDocument } from './stored-document';
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

interface StoryRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly document: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const TABLE = 'stories';
const COLUMNS = 'id, project_id, name, document, created_at, updated_at';

/** JSON that fails to parse is reported through the schema (the field's wrong type), not as a crash. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const fromRow = (row: StoryRow): StoryRecord =>
  parseStoredDocument(storyRecordSchema, TABLE, row.id, {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    document: parseJson(row.document),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

function summaryOf(row: StoryRow): StorySummary {
  const base = {
    id: row.id as StoryId,
    projectId: row.project_id as ProjectId,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  try {
    return { ...base, pageCount: fromRow(row).document.pages.length };
  } catch (error) {
    if (!(error instanceof OperationError)) throw error;
    return { ...base, pageCount: 0, problem: error.message };
  }
}

/**
 * Stories of the workspace's projects. Writes are IMMEDIATE transactions (as in sroi-analyses.ts): the name
 * check and the write happen under one write lock, with the project's timestamp.
 */
export function createStoryRepository(db: Database, now: () => Date): StoryRepository {
  const selectByProject = db.prepare<[string], StoryRow>(
    `SELECT ${COLUMNS} FROM stories WHERE project_id = ?`,
  );
  const selectNames = db.prepare<[string], { id: string; name: string }>(
    'SELECT id, name FROM stories WHERE project_id = ?',
  );
  const selectById = db.prepare<[string], StoryRow>(`SELECT ${COLUMNS} FROM stories WHERE id = ?`);
  const projectExists = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM projects WHERE id = ?)')
    .pluck();
  const insert = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO stories (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[string, string, string, string]>(
    'UPDATE stories SET name = ?, document = ?, updated_at = ? WHERE id = ?',
  );
  const touchProject = db.prepare<[string, string]>('UPDATE projects SET updated_at = ? WHERE id = ?');
  const deleteById = db.prepare<[string]>('DELETE FROM stories WHERE id = ?');

  const assertProject = (projectId: string): void => {
    if (projectExists.get(projectId) !== 1)
      throw new OperationError('not-found', `No project with id "${projectId}".`);
  };

  const get = (id: StoryId): StoryRecord => {
    const row = selectById.get(id);
    if (row === undefined) throw new OperationError('not-found', `No story with id "${id}".`);
    return fromRow(row);
  };

  const namesIn = (projectId: string, exceptId?: string): string[] =>
    selectNames
      .all(projectId)
      .filter((row) => row.id !== exceptId)
      .map((row) => row.name);

  const write = (record: StoryRecord): StoryRecord => {
    const checked = validNew(storyRecordSchema, 'story', record);
    const clash = namesIn(checked.projectId, checked.id).find(
      (other) => nameKey(other) === nameKey(checked.name),
    );
    if (clash !== undefined)
      throw new OperationError('conflict', `This project already has a story named "${clash}".`);
    update.run(checked.name, JSON.stringify(checked.document), checked.updatedAt, checked.id);
    touchProject.run(checked.updatedAt, checked.projectId);
    return checked;
  };

  return {
    list(projectId) {
      assertProject(projectId);
      return selectByProject.all(projectId).map(summaryOf).sort(byName);
    },

    get,

    create(projectId, name, document) {
      return db
        .transaction(() => {
          assertProject(projectId);
          const at = now().toISOString();
          const record = validNew(storyRecordSchema, 'story', {
            id: randomUUID(),
            projectId,
            name: firstFreeName(name.trim(), namesIn(projectId)),
            document,
            createdAt: at,
            updatedAt: at,
          });
          insert.run(record.id, record.projectId, record.name, JSON.stringify(record.document), at, at);
          touchProject.run(at, projectId);
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
      if (deleteById.run(id).changes === 0)
        throw new OperationError('not-found', `No story with id "${id}".`);
    },
  };
}
