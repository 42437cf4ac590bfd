import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { projectSchema, type Project, type ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import { sqliteCode } from './sqlite-error';
import { byName, nameKey, validNew } from './names';
import { parseStoredDocument } from './stored-document';

export interface ProjectRepository {
  /** Sorted by name, case-insensitive. */
  list(): Project[];
  /** OperationError('not-found') if absent. */
  get(id: ProjectId): Project;
  /** OperationError('conflict') if a project with that name (case-insensitive) exists. */
  create(input: { name: string; description?: string | undefined }): Project;
  /** not-found / conflict; updates updatedAt. */
  rename(id: ProjectId, name: string): Project;
  /** not-found; deletes the project's documents too (ON DELETE CASCADE). */
  delete(id: ProjectId): void;
}

interface ProjectRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const TABLE = 'projects';
const COLUMNS = 'id, name, description, created_at, updated_at';

const fromRow = (row: ProjectRow): Project =>
  parseStoredDocument(projectSchema, TABLE, row.id, {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

/**
 * Projects in the workspace. Every write runs in an IMMEDIATE transaction: the name check and the write happen
 * under one write lock, so another process (the CLI, a second window) cannot slip a clashing name in between
 * (https://www.sqlite.org/lang_transaction.html#deferred_immediate_and_exclusive_transactions). The UNIQUE index on
 * name_key backs the rule up if it ever does.
 */
export function createProjectRepository(db: Database, now: () => Date): ProjectRepository {
  const selectAll = db.prepare<[], ProjectRow>(`SELECT ${COLUMNS} FROM projects`);
  const selectById = db.prepare<[string], ProjectRow>(`SELECT ${COLUMNS} FROM projects WHERE id = ?`);
  const selectClash = db.prepare<[string, string], { id: string; name: string }>(
    'SELECT id, name FROM projects WHERE name_key = ? AND id <> ?',
  );
  const insert = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO projects (id, name, name_key, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateName = db.prepare<[string, string, string, string]>(
    'UPDATE projects SET name = ?, name_key = ?, updated_at = ? WHERE id = ?',
  );
  const deleteById = db.prepare<[string]>('DELETE FROM projects WHERE id = ?');

  const notFound = (id: string) => new OperationError('not-found', `No project with id "${id}".`);

  const assertNameFree = (name: string, exceptId: string): void => {
    const clash = selectClash.get(nameKey(name), exceptId);
    if (clash !== undefined) {
      throw new OperationError('conflict', `A project named "${clash.name}" already exists.`);
    }
  };

  const get = (id: ProjectId): Project => {
    const row = selectById.get(id);
    if (row === undefined) throw notFound(id);
    return fromRow(row);
  };

  /** A race lost to another process shows up as a UNIQUE violation: it is the same conflict. */
  const writing = <T>(write: () => T, name: string): T => {
    try {
      return db.transaction(write).immediate();
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new OperationError('conflict', `A project named "${name}" already exists.`);
      }
      throw error;
    }
  };

  return {
    list() {
      return selectAll.all().map(fromRow).sort(byName);
    },

    get,

    create(input) {
      const at = now().toISOString();
      const project = validNew(projectSchema, 'project', {
        id: randomUUID(),
        name: input.name,
        description: input.description ?? '',
        createdAt: at,
        updatedAt: at,
      });
      return writing(() => {
        assertNameFree(project.name, project.id);
        insert.run(
          project.id,
          project.name,
          nameKey(project.name),
          project.description,
          project.createdAt,
          project.updatedAt,
        );
        return project;
      }, project.name);
    },

    rename(id, name) {
      return writing(() => {
        const current = get(id);
        const renamed = validNew(projectSchema, 'project', {
          ...current,
          name,
          updatedAt: now().toISOString(),
        });
        assertNameFree(renamed.name, id);
        updateName.run(renamed.name, nameKey(renamed.name), renamed.updatedAt, id);
        return renamed;
      }, name);
    },

    delete(id) {
      // One statement; the cascade to the project's documents happens inside it.
      if (deleteById.run(id).changes === 0) throw notFound(id);
    },
  };
}
