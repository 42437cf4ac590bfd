import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ProjectId } from '../../model/schema/project';
import { validateAnalysis, type SroiAnalysis } from '../../model/sroi';
import { OperationError } from '../api/result';
import { byName, firstFreeName, nameKey, validNew } from './names';
import {
  sroiAnalysisRecordSchema,
  type SroiAnalysisId,
  type SroiAnalysisRecord,
  type SroiAnalysisSummary,
} from './sroi-analysis-record';
import { parseStoredDocument } from './stored-document';

export interface SroiAnalysisRepository {
  /** The project's analyses, sorted by name; a row that cannot be read is listed with its problem. */
  list(projectId: ProjectId): SroiAnalysisSummary[];
  /** not-found if absent; storage (naming the field) if the saved row does not pass its schema. */
  get(id: SroiAnalysisId): SroiAnalysisRecord;
  /** A new analysis named after the document, made free in the project ("Name (2)") if taken. */
  create(projectId: ProjectId, document: SroiAnalysis): SroiAnalysisRecord;
  /** Replaces the document (its name included); conflict if the name clashes with another analysis. */
  save(id: SroiAnalysisId, document: SroiAnalysis): SroiAnalysisRecord;
  /** not-found / conflict. */
  rename(id: SroiAnalysisId, name: string): SroiAnalysisRecord;
  /** A copy named "<name> (copy)" (or the given name), made free if taken. */
  duplicate(id: SroiAnalysisId, name?: string): SroiAnalysisRecord;
  delete(id: SroiAnalysisId): void;
}

interface AnalysisRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly document: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const TABLE = 'sroi_analyses';
const COLUMNS = 'id, project_id, name, document, created_at, updated_at';

/** JSON text that fails to parse is reported through the schema (as the field's wrong type), not as a crash. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The name column is the one lists and clashes go by; the document is read under it. */
const fromRow = (row: AnalysisRow): SroiAnalysisRecord => {
  const document = parseJson(row.document);
  return parseStoredDocument(sroiAnalysisRecordSchema, TABLE, row.id, {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    document: isRecord(document) ? { ...document, name: row.name } : document,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
};

function summaryOf(row: AnalysisRow): SroiAnalysisSummary {
  const base = {
    id: row.id as SroiAnalysisId,
    projectId: row.project_id as ProjectId,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  try {
    const { document } = fromRow(row);
    return {
      ...base,
      description: document.description ?? '',
      outcomeCount: document.outcomes.length,
      linkedOutcomeCount: document.outcomes.filter((outcome) => outcome.quantityLink !== undefined).length,
      issueCount: validateAnalysis(document).length,
    };
  } catch (error) {
    if (!(error instanceof OperationError)) throw error;
    return {
      ...base,
      description: '',
      outcomeCount: 0,
      linkedOutcomeCount: 0,
      issueCount: 0,
      problem: error.message,
    };
  }
}

/**
 * SROI analyses of the workspace's projects. Writes are IMMEDIATE transactions (see projects.ts): the name check
 * and the write happen under one write lock, and each write is one statement plus the project's timestamp, so an
 * analysis is saved whole or not at all.
 */
export function createSroiAnalysisRepository(db: Database, now: () => Date): SroiAnalysisRepository {
  const selectByProject = db.prepare<[string], AnalysisRow>(
    `SELECT ${COLUMNS} FROM sroi_analyses WHERE project_id = ?`,
  );
  const selectNames = db.prepare<[string], { id: string; name: string }>(
    'SELECT id, name FROM sroi_analyses WHERE project_id = ?',
  );
  const selectById = db.prepare<[string], AnalysisRow>(`SELECT ${COLUMNS} FROM sroi_analyses WHERE id = ?`);
  const projectExists = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM projects WHERE id = ?)')
    .pluck();
  const insert = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO sroi_analyses (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[string, string, string, string]>(
    'UPDATE sroi_analyses SET name = ?, document = ?, updated_at = ? WHERE id = ?',
  );
  const touchProject = db.prepare<[string, string]>('UPDATE projects SET updated_at = ? WHERE id = ?');
  const deleteById = db.prepare<[string]>('DELETE FROM sroi_analyses WHERE id = ?');

  const assertProject = (projectId: string): void => {
    if (projectExists.get(projectId) !== 1)
      throw new OperationError('not-found', `No project with id "${projectId}".`);
  };

  const get = (id: SroiAnalysisId): SroiAnalysisRecord => {
    const row = selectById.get(id);
    if (row === undefined) throw new OperationError('not-found', `No SROI analysis with id "${id}".`);
    return fromRow(row);
  };

  const namesIn = (projectId: string, exceptId?: string): string[] =>
    selectNames
      .all(projectId)
      .filter((row) => row.id !== exceptId)
      .map((row) => row.name);

  const assertNameFree = (projectId: string, name: string, exceptId: string): void => {
    const clash = namesIn(projectId, exceptId).find((other) => nameKey(other) === nameKey(name));
    if (clash !== undefined)
      throw new OperationError('conflict', `This project already has an SROI analysis named "${clash}".`);
  };

  /** Checks the record as it will be read back, so nothing is written that could not be opened again. */
  const checked = (candidate: Omit<SroiAnalysisRecord, 'document'> & { document: SroiAnalysis }) =>
    validNew(sroiAnalysisRecordSchema, 'SROI analysis', {
      ...candidate,
      document: { ...candidate.document, name: candidate.name },
    });

  const insertRecord = (projectId: ProjectId, document: SroiAnalysis, name: string): SroiAnalysisRecord => {
    assertProject(projectId);
    const at = now().toISOString();
    const record = checked({
      id: randomUUID() as SroiAnalysisId,
      projectId,
      name: firstFreeName(name.trim(), namesIn(projectId)),
      document,
      createdAt: at,
      updatedAt: at,
    });
    insert.run(record.id, record.projectId, record.name, JSON.stringify(record.document), at, at);
    touchProject.run(at, projectId);
    return record;
  };

  const write = (record: SroiAnalysisRecord): SroiAnalysisRecord => {
    assertNameFree(record.projectId, record.name, record.id);
    update.run(record.name, JSON.stringify(record.document), record.updatedAt, record.id);
    touchProject.run(record.updatedAt, record.projectId);
    return record;
  };

  return {
    list(projectId) {
      assertProject(projectId);
      return selectByProject.all(projectId).map(summaryOf).sort(byName);
    },

    get,

    create(projectId, document) {
      return db.transaction(() => insertRecord(projectId, document, document.name)).immediate();
    },

    save(id, document) {
      return db
        .transaction(() => {
          const current = get(id);
          return write(
            checked({ ...current, name: document.name, document, updatedAt: now().toISOString() }),
          );
        })
        .immediate();
    },

    rename(id, name) {
      return db
        .transaction(() => {
          const current = get(id);
          return write(checked({ ...current, name, updatedAt: now().toISOString() }));
        })
        .immediate();
    },

    duplicate(id, name) {
      return db
        .transaction(() => {
          const source = get(id);
          const wanted = name?.trim() ?? `${source.name} (copy)`;
          return insertRecord(source.projectId, source.document, wanted);
        })
        .immediate();
    },

    delete(id) {
      if (deleteById.run(id).changes === 0)
        throw new OperationError('not-found', `No SROI analysis with id "${id}".`);
    },
  };
}
