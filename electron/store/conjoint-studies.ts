import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import {
  conjointDocumentSchema,
  conjointStudyRecordSchema,
  conjointStudySummarySchema,
  ESTIMATION_KINDS,
  type ConjointDocument,
  type ConjointStudyId,
  type ConjointStudyRecord,
  type ConjointStudySummary,
} from '../../model/schema/conjoint-document';
import { byName, firstFreeName, nameKey } from './names';
import { projectDocumentTable } from './project-documents';
import { parseStoredDocument } from './stored-document';

export interface ConjointStudyRepository {
  /** The project's studies, sorted by name. not-found if the project does not exist. */
  list(projectId: ProjectId): ConjointStudySummary[];
  get(id: ConjointStudyId): ConjointStudyRecord;
  /** Saves a new study; a name already used in the project gets " (2)", " (3)", ... */
  create(projectId: ProjectId, document: ConjointDocument): ConjointStudyRecord;
  /**
   * Reads the study, lets `change` compute the next document from it, checks that document against its schema
   * and writes it, all in one IMMEDIATE transaction: a concurrent write cannot slip in between the read and the
   * write, and a change that throws (or fails the schema) leaves the row as it was. A changed study name must be
   * free in the project (conflict otherwise).
   */
  update(
    id: ConjointStudyId,
    change: (current: ConjointStudyRecord) => ConjointDocument,
  ): ConjointStudyRecord;
  delete(id: ConjointStudyId): void;
}

interface SummaryRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly attributes: number | null;
  readonly design: string | null;
  readonly responses: string | null;
  readonly respondents: number | null;
  readonly ratings: number;
  readonly mnl: number;
  readonly hb: number;
}

const TABLE = 'conjoint_studies';

/**
 * The list reads a few fields of each document with SQLite's JSON functions (https://www.sqlite.org/json1.html)
 * rather than parsing every study's responses; those fields still pass their schema.
 */
const SUMMARY = `SELECT id, project_id, name, created_at, updated_at,
    json_array_length(document, '$.study.attributes') AS attributes,
    json_extract(document, '$.design.kind') AS design,
    json_extract(document, '$.responses.kind') AS responses,
    json_array_length(document, '$.responses.respondents') AS respondents,
    json_type(document, '$.estimations.ratings') IS NOT NULL AS ratings,
    json_type(document, '$.estimations.mnl') IS NOT NULL AS mnl,
    json_type(document, '$.estimations.hb') IS NOT NULL AS hb
  FROM conjoint_studies WHERE project_id = ?`;

const summaryOf = (row: SummaryRow): ConjointStudySummary =>
  parseStoredDocument(conjointStudySummarySchema, TABLE, row.id, {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    attributes: row.attributes,
    design: row.design,
    responses: row.responses,
    respondents: row.respondents ?? 0,
    estimated: ESTIMATION_KINDS.filter((kind) => row[kind] === 1),
  });

/** A document built by the app must pass the schema it is read back with; the error names the field. */
function validDocument(candidate: unknown): ConjointDocument {
  const parsed = conjointDocumentSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? 'study' : issue.path.map(String).join('.');
  throw new OperationError(
    'invalid-input',
    `The study's ${field} is not valid: ${issue?.message ?? 'unknown'}`,
  );
}

/** Conjoint studies of the workspace's projects. Writes are IMMEDIATE transactions (see projects.ts). */
export function createConjointStudyRepository(db: Database, now: () => Date): ConjointStudyRepository {
  const table = projectDocumentTable(db, {
    table: TABLE,
    noun: 'conjoint study',
    clashNoun: 'a study',
    schema: conjointStudyRecordSchema,
  });
  const selectSummaries = db.prepare<[string], SummaryRow>(SUMMARY);
  const get = (id: ConjointStudyId): ConjointStudyRecord => table.get(id);

  return {
    list(projectId) {
      table.assertProject(projectId);
      return selectSummaries.all(projectId).map(summaryOf).sort(byName);
    },

    get,

    create(projectId, candidate) {
      return db
        .transaction(() => {
          table.assertProject(projectId);
          const name = firstFreeName(candidate.study.name.trim(), table.namesIn(projectId));
          const document = validDocument({ ...candidate, study: { ...candidate.study, name } });
          const at = now().toISOString();
          const id = randomUUID();
          table.insert({ id, projectId, name, document, createdAt: at, updatedAt: at });
          return get(id as ConjointStudyId);
        })
        .immediate();
    },

    update(id, change) {
      return db
        .transaction(() => {
          const current = get(id);
          const document = validDocument(change(current));
          const name = document.study.name;
          if (nameKey(name) !== nameKey(current.name)) table.assertNameFree(current.projectId, name, id);
          const at = now().toISOString();
          table.update({ id, projectId: current.projectId, name, document, updatedAt: at });
          return get(id);
        })
        .immediate();
    },

    delete(id) {
      table.remove(id);
    },
  };
}
