import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  modelRecordSchema,
  modelSummarySchema,
  type ModelId,
  type ModelRecord,
  type ModelSummary,
} from '../../model/schema/model';
import type { ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import { byName, firstFreeName, nameKey, validNew } from './names';
import { parseStoredDocument } from './stored-document';

export interface ModelRepository {
  /** The project's models without their text, sorted by name. not-found if the project does not exist. */
  list(projectId: ProjectId): ModelSummary[];
  get(id: ModelId): ModelRecord;
  /** Saves a new model; a name already used in the project gets " (2)", " (3)", ... */
  create(input: { projectId: ProjectId; name: string; xmile: string }): ModelRecord;
  /** Replaces the model's XMILE text (an edit in the app). */
  save(id: ModelId, xmile: string): ModelRecord;
  /** conflict if another model of the project has that name. */
  rename(id: ModelId, name: string): ModelRecord;
  /** Deletes the model with its scenarios and runs. */
  delete(id: ModelId): void;
}

interface ModelRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly xmile?: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const TABLE = 'models';
const SUMMARY = 'id, project_id, name, created_at, updated_at';

const summaryOf = (row: ModelRow) => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Models in the workspace. Writes are IMMEDIATE transactions so a name check and its write happen under one lock
 * (see projects.ts). The XMILE text is checked by the caller (the service parses it with the engine) before it
 * gets here; the store only guarantees the record's shape.
 */
export function createModelRepository(db: Database, now: () => Date): ModelRepository {
  const selectByProject = db.prepare<[string], ModelRow>(
    `SELECT ${SUMMARY} FROM models WHERE project_id = ?`,
  );
  const selectById = db.prepare<[string], ModelRow>(`SELECT ${SUMMARY}, xmile FROM models WHERE id = ?`);
  const projectExists = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM projects WHERE id = ?)')
    .pluck();
  const insert = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO models (id, project_id, name, xmile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateText = db.prepare<[string, string, string]>(
    'UPDATE models SET xmile = ?, updated_at = ? WHERE id = ?',
  );
  const updateName = db.prepare<[string, string, string]>(
    'UPDATE models SET name = ?, updated_at = ? WHERE id = ?',
  );
  const touchProject = db.prepare<[string, string]>('UPDATE projects SET updated_at = ? WHERE id = ?');
  const deleteById = db.prepare<[string]>('DELETE FROM models WHERE id = ?');

  const get = (id: ModelId): ModelRecord => {
    const row = selectById.get(id);
    if (row === undefined) throw new OperationError('not-found', `No model with id "${id}".`);
    return parseStoredDocument(modelRecordSchema, TABLE, row.id, { ...summaryOf(row), xmile: row.xmile });
  };

  const assertProject = (projectId: string): void => {
    if (projectExists.get(projectId) !== 1)
      throw new OperationError('not-found', `No project with id "${projectId}".`);
  };

  const namesIn = (projectId: string, exceptId?: string): string[] =>
    selectByProject
      .all(projectId)
      .filter((row) => row.id !== exceptId)
      .map((row) => row.name);

  return {
    list(projectId) {
      assertProject(projectId);
      return selectByProject
        .all(projectId)
        .map((row) => parseStoredDocument(modelSummarySchema, TABLE, row.id, summaryOf(row)))
        .sort(byName);
    },

    get,

    create({ projectId, name, xmile }) {
      return db
        .transaction(() => {
          assertProject(projectId);
          const at = now().toISOString();
          const record = validNew(modelRecordSchema, 'model', {
            id: randomUUID(),
            projectId,
            name: firstFreeName(name.trim(), namesIn(projectId)),
            xmile,
            createdAt: at,
            updatedAt: at,
          });
          insert.run(record.id, record.projectId, record.name, record.xmile, at, at);
          touchProject.run(at, projectId);
          return record;
        })
        .immediate();
    },

    save(id, xmile) {
      return db
        .transaction(() => {
          const current = get(id);
          const saved = validNew(modelRecordSchema, 'model', {
            ...current,
            xmile,
            updatedAt: now().toISOString(),
          });
          updateText.run(saved.xmile, saved.updatedAt, id);
          touchProject.run(saved.updatedAt, saved.projectId);
          return saved;
        })
        .immediate();
    },

    rename(id, name) {
      return db
        .transaction(() => {
          const current = get(id);
          const renamed = validNew(modelRecordSchema, 'model', {
            ...current,
            name,
            updatedAt: now().toISOString(),
          });
          const clash = namesIn(current.projectId, id).find(
            (other) => nameKey(other) === nameKey(renamed.name),
          );
          if (clash !== undefined) {
            throw new OperationError('conflict', `This project already has a model named "${clash}".`);
          }
          updateName.run(renamed.name, renamed.updatedAt, id);
          return renamed;
        })
        .immediate();
    },

    delete(id) {
      if (deleteById.run(id).changes === 0)
        throw new OperationError('not-found', `No model with id "${id}".`);
    },
  };
}
