/**
 * The storage every named project document shares (a conjoint study, an SROI analysis, a story): a table with
 * `id, project_id, name, document (JSON), created_at, updated_at`, names unique in a project (case- and
 * accent-insensitively, names.ts), and every write touching the project's timestamp. Each repository keeps its
 * own rules (what a summary shows, how a document is checked, whether the name lives inside the document) and
 * builds on these statements instead of preparing its own copy of them.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { OperationError } from '../api/result';
import { nameKey } from './names';
import { parseStoredDocument } from './stored-document';

export interface DocumentRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly document: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A document as the repositories hold it; `document` is written as JSON. */
export interface DocumentRecord {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly document: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProjectDocumentSpec<R> {
  /** The SQL table, trusted (a constant of the repository, never input). */
  readonly table: string;
  /** How messages name one document: "story", "SROI analysis", "conjoint study". */
  readonly noun: string;
  /** How a name clash names it, with its article: "a story", "an SROI analysis", "a study". */
  readonly clashNoun: string;
  /** The stored record's schema: a row that does not pass it is reported (storage error) naming the field. */
  readonly schema: z.ZodType<R>;
  /** The record's document from the row's parsed JSON and name column (default: the JSON as it is). */
  readonly documentOf?: (document: unknown, name: string) => unknown;
}

export interface ProjectDocumentTable<R> {
  /** not-found when the project does not exist. */
  assertProject(projectId: string): void;
  /** The project's rows, in no particular order; not-found when the project does not exist. */
  rows(projectId: string): DocumentRow[];
  /** A row read through the schema. */
  read(row: DocumentRow): R;
  /** not-found if absent. */
  get(id: string): R;
  /** The names used in the project, but the document `exceptId`'s. */
  namesIn(projectId: string, exceptId?: string): string[];
  /** conflict when another document of the project has the name. */
  assertNameFree(projectId: string, name: string, exceptId: string): void;
  /** Inserts a row and touches the project (inside the caller's transaction). */
  insert(record: DocumentRecord): void;
  /** Rewrites the name and document of a row and touches the project (inside the caller's transaction). */
  update(record: Omit<DocumentRecord, 'createdAt'>): void;
  /** not-found if absent. */
  remove(id: string): void;
}

/** JSON text that fails to parse is reported through the schema (as the field's wrong type), not as a crash. */
export const parseJsonText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export function projectDocumentTable<R>(db: Database, spec: ProjectDocumentSpec<R>): ProjectDocumentTable<R> {
  const { table, noun, clashNoun, schema } = spec;
  const documentOf = spec.documentOf ?? ((document: unknown) => document);
  const COLUMNS = 'id, project_id, name, document, created_at, updated_at';
  const selectByProject = db.prepare<[string], DocumentRow>(
    `SELECT ${COLUMNS} FROM ${table} WHERE project_id = ?`,
  );
  const selectNames = db.prepare<[string], { id: string; name: string }>(
    `SELECT id, name FROM ${table} WHERE project_id = ?`,
  );
  const selectById = db.prepare<[string], DocumentRow>(`SELECT ${COLUMNS} FROM ${table} WHERE id = ?`);
  const projectExists = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM projects WHERE id = ?)')
    .pluck();
  const insertRow = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO ${table} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const updateRow = db.prepare<[string, string, string, string]>(
    `UPDATE ${table} SET name = ?, document = ?, updated_at = ? WHERE id = ?`,
  );
  const touchProject = db.prepare<[string, string]>('UPDATE projects SET updated_at = ? WHERE id = ?');
  const deleteById = db.prepare<[string]>(`DELETE FROM ${table} WHERE id = ?`);

  const assertProject = (projectId: string): void => {
    if (projectExists.get(projectId) !== 1)
      throw new OperationError('not-found', `No project with id "${projectId}".`);
  };

  const read = (row: DocumentRow): R =>
    parseStoredDocument(schema, table, row.id, {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      document: documentOf(parseJsonText(row.document), row.name),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });

  const namesIn = (projectId: string, exceptId?: string): string[] =>
    selectNames
      .all(projectId)
      .filter((row) => row.id !== exceptId)
      .map((row) => row.name);

  return {
    assertProject,
    rows(projectId) {
      assertProject(projectId);
      return selectByProject.all(projectId);
    },
    read,
    get(id) {
      const row = selectById.get(id);
      if (row === undefined) throw new OperationError('not-found', `No ${noun} with id "${id}".`);
      return read(row);
    },
    namesIn,
    assertNameFree(projectId, name, exceptId) {
      const clash = namesIn(projectId, exceptId).find((other) => nameKey(other) === nameKey(name));
      if (clash !== undefined)
        throw new OperationError('conflict', `This project already has ${clashNoun} named "${clash}".`);
    },
    insert(record) {
      const { id, projectId, name, document, createdAt, updatedAt } = record;
      insertRow.run(id, projectId, name, JSON.stringify(document), createdAt, updatedAt);
      touchProject.run(updatedAt, projectId);
    },
    update(record) {
      updateRow.run(record.name, JSON.stringify(record.document), record.updatedAt, record.id);
      touchProject.run(record.updatedAt, record.projectId);
    },
    remove(id) {
      if (deleteById.run(id).changes === 0)
        throw new OperationError('not-found', `No ${noun} with id "${id}".`);
    },
  };
}
