import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { projectSchema, type Project, type ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import { sqliteCode } from './sqlite-error';
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

/**
 * The key two names clash on: Unicode-normalised (so a composed and a decomposed "é" are one letter) and lower-cased
 * (so "ACME" and "Acme" are one name, beyond the ASCII-only folding of SQLite's NOCASE).
 */
export const projectNameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** Case-insensitive but accent-sensitive, with a fixed locale so every machine lists projects in the same order. */
const byName = new Intl.Collator('en', { sensitivity: 'accent' });

const fromRow = (row: ProjectRow): Project =>
  parseStoredDocument(projectSchema, TABLE, row.id, {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

/** A project built from user input must pass the same schema as one read back; the message names the field. */
function validNew(candidate: unknown): Project {
  const parsed = projectSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined ? 'project' : issue.path.map(String).join('.');
  throw new OperationError(
    'invalid-input',
    `The project's ${field} is not valid: ${issue?.message ?? 'unknown'}`,
  );
}

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
    const clash = selectClash.get(projectNameKey(name), exceptId);
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
      return selectAll
        .all()
        .map(fromRow)
        .sort((a, b) => byName.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },

    get,

    create(input) {
      const at = now().toISOString();
      const project = validNew({
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
          projectNameKey(project.name),
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
        const renamed = validNew({ ...current, name, updatedAt: now().toISOString() });
        assertNameFree(renamed.name, id);
        updateName.run(renamed.name, projectNameKey(renamed.name), renamed.updatedAt, id);
        return renamed;
      }, name);
    },

    delete(id) {
      // One statement; the cascade to the project's documents happens inside it.
      if (deleteById.run(id).changes === 0) throw notFound(id);
    },
  };
}
