import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ProjectId } from '../../model/schema/project';
import { validateAnalysis, type SroiAnalysis } from '../../model/sroi';
import { OperationError } from '../api/result';
import { byName, firstFreeName, validNew } from './names';
import { projectDocumentTable, type DocumentRow } from './project-documents';
import {
  sroiAnalysisRecordSchema,
  type SroiAnalysisId,
  type SroiAnalysisRecord,
  type SroiAnalysisSummary,
} from './sroi-analysis-record';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * SROI analyses of the workspace's projects. Writes are IMMEDIATE transactions (see projects.ts): the name check
 * and the write happen under one write lock, and each write is one statement plus the project's timestamp, so an
 * analysis is saved whole or not at all.
 */
export function createSroiAnalysisRepository(db: Database, now: () => Date): SroiAnalysisRepository {
  // The name column is the one lists and clashes go by; the document is read under it.
  const table = projectDocumentTable(db, {
    table: 'sroi_analyses',
    noun: 'SROI analysis',
    clashNoun: 'an SROI analysis',
    schema: sroiAnalysisRecordSchema,
    documentOf: (document, name) => (isRecord(document) ? { ...document, name } : document),
  });

  function summaryOf(row: DocumentRow): SroiAnalysisSummary {
    const base = {
      id: row.id as SroiAnalysisId,
      projectId: row.project_id as ProjectId,
      name: row.name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    try {
      const { document } = table.read(row);
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

  const get = (id: SroiAnalysisId): SroiAnalysisRecord => table.get(id);

  /** Checks the record as it will be read back, so nothing is written that could not be opened again. */
  const checked = (candidate: Omit<SroiAnalysisRecord, 'document'> & { document: SroiAnalysis }) =>
    validNew(sroiAnalysisRecordSchema, 'SROI analysis', {
      ...candidate,
      document: { ...candidate.document, name: candidate.name },
    });

  const insertRecord = (projectId: ProjectId, document: SroiAnalysis, name: string): SroiAnalysisRecord => {
    table.assertProject(projectId);
    const at = now().toISOString();
    const record = checked({
      id: randomUUID() as SroiAnalysisId,
      projectId,
      name: firstFreeName(name.trim(), table.namesIn(projectId)),
      document,
      createdAt: at,
      updatedAt: at,
    });
    table.insert(record);
    return record;
  };

  const write = (record: SroiAnalysisRecord): SroiAnalysisRecord => {
    table.assertNameFree(record.projectId, record.name, record.id);
    table.update(record);
    return record;
  };

  return {
    list(projectId) {
      return table.rows(projectId).map(summaryOf).sort(byName);
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
      table.remove(id);
    },
  };
}
