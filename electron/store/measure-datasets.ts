/**
 * The measurement toolkit's data sets in the workspace (issue 10; people data by issue 11; tables of migration
 * 006): each imported table with its settings per kind and its people-data settings, and its pseudonym key
 * (measure_pseudonym_keys: the per-data-set secret and, only if the user asked, the mapping back to real ids).
 *
 * The repository stores what the import service (services/measure-import.ts) has already read, checked and
 * pseudonymized; it checks only what a row must satisfy to be read back: the schemas of measure-document.ts,
 * a settings kind matching the data set's kind, columns named by the settings present in the table. Writes are
 * IMMEDIATE transactions (as stories.ts): a name check and its write happen under one write lock, and a data set
 * and its key are written together or not at all. Deleting a data set (or its project) deletes its key by
 * cascade; the purge triggers carry both deletions to the older backups.
 *
 * Other services (the figure provider, project files, the samples) use `measureDatasetRepository(db)`.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { MIN_GROUP_SIZE_DEFAULT } from '../../model/privacy';
import { projectIdSchema, type ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import {
  measureDatasetIdSchema,
  measureDatasetKindSchema,
  measureDatasetNameSchema,
  measurePrivacySchema,
  measureSettingsSchema,
  measureTableSchema,
  type MeasureDataset,
  type MeasureDatasetId,
  type MeasureDatasetKind,
  type MeasureDatasetSummary,
  type MeasurePrivacy,
  type MeasureSettings,
  type MeasureTable,
} from './measure-document';
import { byName, firstFreeName, nameKey, validNew } from './names';
import {
  PSEUDONYM_SECRET_BYTES,
  pseudonymEntrySchema,
  type PseudonymKey,
  type StoredPseudonymEntry,
} from './network-privacy';
import { parseStoredDocument, StoredDocumentError } from './stored-document';

export type { PseudonymKey } from './network-privacy';

/** What a new data set is made of: the table as it will be kept (already pseudonymized) and its settings. */
export interface NewMeasureDataset {
  readonly projectId: ProjectId;
  /** Made free in the project ("Name (2)") when taken. */
  readonly name: string;
  readonly kind: MeasureDatasetKind;
  readonly fileName: string;
  readonly table: MeasureTable;
  readonly settings: MeasureSettings | null;
  readonly privacy: {
    readonly pseudonymized: boolean;
    readonly idColumn: string | null;
    readonly droppedColumns: readonly string[];
    readonly individualConsent?: boolean | undefined;
    /** Default 5 (MIN_GROUP_SIZE_DEFAULT); below 3 is refused (invalid-input). */
    readonly minGroupSize?: number | undefined;
    readonly note?: string | undefined;
  };
}

export interface MeasureDatasetRepository {
  /**
   * The project's data sets without their rows, sorted by name; only those of `kind` when given. A row that
   * cannot be read is listed with its `problem`.
   */
  list(projectId: ProjectId, kind?: MeasureDatasetKind): MeasureDatasetSummary[];
  /** not-found if absent; storage (naming the field) if the saved row does not pass its schema. */
  get(id: MeasureDatasetId): MeasureDataset;
  /** The data set and, when pseudonymized, its key, in one transaction. */
  create(input: NewMeasureDataset, key: PseudonymKey | null): MeasureDataset;
  /** conflict if another data set of the project has the name. */
  rename(id: MeasureDatasetId, name: string): MeasureDataset;
  /**
   * Replaces the settings; invalid-input when their kind is not the data set's, when a custom survey scale has
   * no spec, or when they name a column the table does not have.
   */
  updateSettings(id: MeasureDatasetId, settings: MeasureSettings | null): MeasureDataset;
  /** Deletes the data set and its key (cascade); not-found if absent. */
  delete(id: MeasureDatasetId): void;
  privacy(id: MeasureDatasetId): MeasurePrivacy;
  /** Changes consent and the minimum group size; the pseudonymization of an import cannot change. */
  updatePrivacy(
    id: MeasureDatasetId,
    change: { readonly individualConsent?: boolean | undefined; readonly minGroupSize?: number | undefined },
  ): MeasurePrivacy;
  /** The secret and the kept mapping, or undefined when the key was deleted (or never existed). */
  key(id: MeasureDatasetId): PseudonymKey | undefined;
  /** Deletes the key row (secret and mapping); false when there was none. */
  deleteKey(id: MeasureDatasetId): boolean;
}

interface SummaryRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly kind: string;
  readonly file_name: string;
  readonly columns: string;
  readonly row_count: number;
  readonly settings: string | null;
  readonly pseudonymized: number;
  readonly id_column: string | null;
  readonly dropped_columns: string;
  readonly individual_consent: number;
  readonly min_group_size: number;
  readonly note: string;
  readonly key_kept: number;
  readonly secret_kept: number;
  readonly created_at: string;
  readonly updated_at: string;
}

interface KeyRow {
  readonly id: string;
  readonly secret: Buffer;
  readonly mapping: string | null;
}

const TABLE = 'measure_datasets';
const KEY_TABLE = 'measure_pseudonym_keys';

const SUMMARY_COLUMNS = `d.id, d.project_id, d.name, d.kind, d.file_name, d.columns, d.row_count, d.settings,
  d.pseudonymized, d.id_column, d.dropped_columns, d.individual_consent, d.min_group_size, d.note,
  EXISTS (SELECT 1 FROM measure_pseudonym_keys k WHERE k.dataset_id = d.id AND k.mapping IS NOT NULL) AS key_kept,
  EXISTS (SELECT 1 FROM measure_pseudonym_keys k WHERE k.dataset_id = d.id) AS secret_kept,
  d.created_at, d.updated_at`;

/** A data set as listed (no rows), as the store reads it back: the schemas of measure-document.ts. */
export const measureDatasetSummarySchema = z
  .object({
    id: measureDatasetIdSchema,
    projectId: projectIdSchema,
    name: measureDatasetNameSchema,
    kind: measureDatasetKindSchema,
    fileName: z.string().min(1).max(500),
    rowCount: z.number().int().min(0),
    columns: measureTableSchema.shape.columns,
    settings: measureSettingsSchema.nullable(),
    privacy: measurePrivacySchema,
    createdAt: z.string().min(1),
    updatedAt: z.string().min(1),
  })
  .strict();

/** A data set with its table; the row count and header must agree with the table. */
export const measureDatasetSchema = measureDatasetSummarySchema
  .extend({ table: measureTableSchema })
  .refine((dataset) => dataset.table.rows.length === dataset.rowCount, {
    path: ['rowCount'],
    message: 'the row count is not the number of rows kept',
  })
  .refine((dataset) => dataset.table.columns.join('\u0000') === dataset.columns.join('\u0000'), {
    path: ['columns'],
    message: "the columns are not the table's header",
  });

const mappingSchema = z.array(pseudonymEntrySchema);

/** JSON that fails to parse is reported through the schema (the field's wrong type), not as a crash. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

function summaryOf(row: SummaryRow): MeasureDatasetSummary {
  return parseStoredDocument(measureDatasetSummarySchema, TABLE, row.id, {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    kind: row.kind,
    fileName: row.file_name,
    rowCount: row.row_count,
    columns: parseJson(row.columns),
    settings: row.settings === null ? null : parseJson(row.settings),
    privacy: {
      pseudonymized: row.pseudonymized === 1,
      idColumn: row.id_column,
      droppedColumns: parseJson(row.dropped_columns),
      keyKept: row.key_kept === 1,
      secretKept: row.secret_kept === 1,
      individualConsent: row.individual_consent === 1,
      minGroupSize: row.min_group_size,
      note: row.note,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/**
 * A row whose summary does not pass its schema, listed with its problem (as stories.ts lists a story) so one
 * damaged data set does not hide the others. Only fields the table's CHECK constraints guarantee are taken;
 * the rest read as the cautious default (no columns, no settings, no consent to individual views).
 */
function damagedSummaryOf(row: SummaryRow, problem: string): MeasureDatasetSummary {
  return {
    id: row.id as MeasureDatasetId,
    projectId: row.project_id as ProjectId,
    name: row.name,
    kind: measureDatasetKindSchema.catch('experiment').parse(row.kind),
    fileName: row.file_name,
    rowCount: row.row_count,
    columns: [],
    settings: null,
    privacy: {
      pseudonymized: row.pseudonymized === 1,
      idColumn: row.id_column,
      droppedColumns: [],
      keyKept: row.key_kept === 1,
      secretKept: row.secret_kept === 1,
      individualConsent: false,
      minGroupSize: Math.max(row.min_group_size, MIN_GROUP_SIZE_DEFAULT),
      note: row.note,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    problem,
  };
}

function listedSummaryOf(row: SummaryRow): MeasureDatasetSummary {
  try {
    return summaryOf(row);
  } catch (error) {
    if (!(error instanceof StoredDocumentError)) throw error;
    return damagedSummaryOf(row, error.message);
  }
}

/** The column names settings point at, with the field that names each (for the refusal). */
function columnsNamedBy(settings: MeasureSettings): [field: string, column: string][] {
  switch (settings.kind) {
    case 'survey':
      return [
        ...Object.entries(settings.columns).map(([item, column]): [string, string] => [
          `columns.${item}`,
          column,
        ]),
        ...(['idColumn', 'teamColumn', 'waveColumn'] as const).flatMap((field): [string, string][] => {
          const column = settings[field];
          return column === undefined ? [] : [[field, column]];
        }),
      ];
    case 'experiment':
      return (['group', 'outcome', 'period', 'cluster'] as const).flatMap((field): [string, string][] => {
        const column = settings[field];
        return column === undefined ? [] : [[field, column]];
      });
    case 'kpi':
      return [];
  }
}

const withArticle = (kind: MeasureDatasetKind): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

/**
 * Settings a data set of `kind` with these columns can be scored with, or invalid-input naming what is wrong.
 * Exported for the import service, which checks settings given at import the same way.
 */
export function checkSettings(
  kind: MeasureDatasetKind,
  columns: readonly string[],
  settings: MeasureSettings | null,
): MeasureSettings | null {
  if (settings === null) return null;
  if (settings.kind !== kind)
    throw new OperationError(
      'invalid-input',
      `The settings are for ${withArticle(settings.kind)} data set, but this data set is ${withArticle(kind)}.`,
    );
  if (settings.kind === 'survey' && settings.scale === 'custom' && settings.customSpec === undefined)
    throw new OperationError(
      'invalid-input',
      'A survey scored with a custom scale needs its spec (customSpec): its items, subscales and answer range.',
    );
  const present = new Set(columns);
  const missing = columnsNamedBy(settings).find(([, column]) => !present.has(column));
  if (missing !== undefined)
    throw new OperationError(
      'invalid-input',
      `The settings' ${missing[0]} names the column "${missing[1]}", which the data set does not have (its columns: ${columns.join(', ')}).`,
    );
  return settings;
}

function minGroupSizeOf(value: number | undefined): number {
  const parsed = measurePrivacySchema.shape.minGroupSize.safeParse(value ?? MIN_GROUP_SIZE_DEFAULT);
  if (!parsed.success)
    throw new OperationError(
      'invalid-input',
      parsed.error.issues[0]?.message ?? 'The minimum group size is not valid.',
    );
  return parsed.data;
}

export function createMeasureDatasetRepository(db: Database, now: () => Date): MeasureDatasetRepository {
  const selectByProject = db.prepare<[string], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM measure_datasets d WHERE d.project_id = ?`,
  );
  const selectByProjectAndKind = db.prepare<[string, string], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM measure_datasets d WHERE d.project_id = ? AND d.kind = ?`,
  );
  const selectSummary = db.prepare<[string], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM measure_datasets d WHERE d.id = ?`,
  );
  const selectCells = db.prepare<[string], string>('SELECT cells FROM measure_datasets WHERE id = ?').pluck();
  const selectNames = db.prepare<[string], { id: string; name: string }>(
    'SELECT id, name FROM measure_datasets WHERE project_id = ?',
  );
  const projectExists = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM projects WHERE id = ?)')
    .pluck();
  const insert = db.prepare(
    `INSERT INTO measure_datasets (id, project_id, name, kind, file_name, columns, cells, row_count, settings,
       pseudonymized, id_column, dropped_columns, individual_consent, min_group_size, note, created_at, updated_at)
     VALUES (@id, @projectId, @name, @kind, @fileName, @columns, @cells, @rowCount, @settings, @pseudonymized,
       @idColumn, @droppedColumns, @individualConsent, @minGroupSize, @note, @at, @at)`,
  );
  const updateName = db.prepare<[string, string, string]>(
    'UPDATE measure_datasets SET name = ?, updated_at = ? WHERE id = ?',
  );
  const updateSettingsRow = db.prepare<[string | null, string, string]>(
    'UPDATE measure_datasets SET settings = ?, updated_at = ? WHERE id = ?',
  );
  const updatePrivacyRow = db.prepare<[number, number, string, string]>(
    'UPDATE measure_datasets SET individual_consent = ?, min_group_size = ?, updated_at = ? WHERE id = ?',
  );
  const touchProject = db.prepare<[string, string]>('UPDATE projects SET updated_at = ? WHERE id = ?');
  const deleteById = db.prepare<[string]>('DELETE FROM measure_datasets WHERE id = ?');
  const selectKey = db.prepare<[string], KeyRow>(
    'SELECT id, secret, mapping FROM measure_pseudonym_keys WHERE dataset_id = ?',
  );
  const insertKey = db.prepare<[string, string, Buffer, string | null, string, string]>(
    `INSERT INTO measure_pseudonym_keys (id, dataset_id, secret, mapping, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const deleteKeyRow = db.prepare<[string]>('DELETE FROM measure_pseudonym_keys WHERE dataset_id = ?');

  const assertProject = (projectId: string): void => {
    if (projectExists.get(projectId) !== 1)
      throw new OperationError('not-found', `No project with id "${projectId}".`);
  };

  const summary = (id: MeasureDatasetId): MeasureDatasetSummary => {
    const row = selectSummary.get(id);
    if (row === undefined) throw new OperationError('not-found', `No data set with id "${id}".`);
    return summaryOf(row);
  };

  const get = (id: MeasureDatasetId): MeasureDataset => {
    const base = summary(id);
    const rows = parseJson(selectCells.get(id) ?? '');
    return parseStoredDocument(measureDatasetSchema, TABLE, id, {
      ...base,
      table: { columns: base.columns, rows },
    });
  };

  const clashIn = (projectId: string, name: string, exceptId: string): string | undefined =>
    selectNames.all(projectId).find((row) => row.id !== exceptId && nameKey(row.name) === nameKey(name))
      ?.name;

  const inTransaction = <T>(work: () => T): T => db.transaction(work).immediate();

  const touch = (id: MeasureDatasetId, at: string): void => {
    touchProject.run(at, summary(id).projectId);
  };

  return {
    list(projectId, kind) {
      assertProject(projectId);
      const rows =
        kind === undefined ? selectByProject.all(projectId) : selectByProjectAndKind.all(projectId, kind);
      return rows.map(listedSummaryOf).sort(byName);
    },

    get,

    create(input, key) {
      const id = inTransaction(() => {
        assertProject(input.projectId);
        const at = now().toISOString();
        const id = randomUUID() as MeasureDatasetId;
        const table = validNew(measureTableSchema, 'data set', input.table);
        const ragged = table.rows.findIndex((row) => row.length !== table.columns.length);
        if (ragged >= 0)
          throw new OperationError(
            'invalid-input',
            `Row ${ragged + 2} of the data set has ${table.rows[ragged]?.length ?? 0} cells, but the header has ${table.columns.length}.`,
          );
        const checked = validNew(measureDatasetSummarySchema, 'data set', {
          id,
          projectId: input.projectId,
          name: firstFreeName(
            input.name.trim(),
            selectNames.all(input.projectId).map((row) => row.name),
          ),
          kind: input.kind,
          fileName: input.fileName,
          rowCount: table.rows.length,
          columns: table.columns,
          settings: checkSettings(input.kind, table.columns, input.settings),
          privacy: {
            pseudonymized: input.privacy.pseudonymized,
            idColumn: input.privacy.idColumn,
            droppedColumns: [...input.privacy.droppedColumns],
            keyKept: false,
            secretKept: false,
            individualConsent: input.privacy.individualConsent === true,
            minGroupSize: minGroupSizeOf(input.privacy.minGroupSize),
            note: input.privacy.note ?? '',
          },
          createdAt: at,
          updatedAt: at,
        });
        insert.run({
          id,
          projectId: checked.projectId,
          name: checked.name,
          kind: checked.kind,
          fileName: checked.fileName,
          columns: JSON.stringify(table.columns),
          cells: JSON.stringify(table.rows),
          rowCount: table.rows.length,
          settings: checked.settings === null ? null : JSON.stringify(checked.settings),
          pseudonymized: checked.privacy.pseudonymized ? 1 : 0,
          idColumn: checked.privacy.idColumn,
          droppedColumns: JSON.stringify(checked.privacy.droppedColumns),
          individualConsent: checked.privacy.individualConsent ? 1 : 0,
          minGroupSize: checked.privacy.minGroupSize,
          note: checked.privacy.note,
          at,
        });
        if (key !== null) {
          if (key.secret.length !== PSEUDONYM_SECRET_BYTES)
            throw new OperationError(
              'internal',
              `A pseudonym secret must be ${PSEUDONYM_SECRET_BYTES} bytes.`,
            );
          insertKey.run(
            randomUUID(),
            id,
            key.secret,
            key.mapping === null ? null : JSON.stringify(validNew(mappingSchema, 'key', key.mapping)),
            at,
            at,
          );
        }
        touchProject.run(at, checked.projectId);
        return checked.id;
      });
      // Read back outside the write lock: parsing a large table takes a while.
      return get(id);
    },

    rename(id, name) {
      inTransaction(() => {
        const current = summary(id);
        const checked = validNew(measureDatasetNameSchema, 'data set', name);
        const clash = clashIn(current.projectId, checked, id);
        if (clash !== undefined)
          throw new OperationError('conflict', `This project already has a data set named "${clash}".`);
        const at = now().toISOString();
        updateName.run(checked, at, id);
        touch(id, at);
      });
      return get(id);
    },

    updateSettings(id, settings) {
      inTransaction(() => {
        const current = summary(id);
        const checked = checkSettings(current.kind, current.columns, settings);
        const at = now().toISOString();
        updateSettingsRow.run(checked === null ? null : JSON.stringify(checked), at, id);
        touch(id, at);
      });
      return get(id);
    },

    delete(id) {
      inTransaction(() => {
        const current = summary(id);
        deleteById.run(id);
        touchProject.run(now().toISOString(), current.projectId);
      });
    },

    privacy(id) {
      return summary(id).privacy;
    },

    updatePrivacy(id, change) {
      return inTransaction(() => {
        const current = summary(id).privacy;
        const consent = change.individualConsent ?? current.individualConsent;
        const minimum = minGroupSizeOf(change.minGroupSize ?? current.minGroupSize);
        const at = now().toISOString();
        updatePrivacyRow.run(consent ? 1 : 0, minimum, at, id);
        touch(id, at);
        return summary(id).privacy;
      });
    },

    key(id) {
      summary(id);
      const row = selectKey.get(id);
      if (row === undefined) return undefined;
      if (row.secret.length !== PSEUDONYM_SECRET_BYTES)
        throw new OperationError('storage', `The pseudonym key of data set "${id}" is damaged.`);
      const mapping: readonly StoredPseudonymEntry[] | null =
        row.mapping === null
          ? null
          : parseStoredDocument(mappingSchema, KEY_TABLE, row.id, parseJson(row.mapping));
      return { secret: row.secret, mapping };
    },

    deleteKey(id) {
      return inTransaction(() => {
        summary(id);
        const deleted = deleteKeyRow.run(id).changes > 0;
        if (deleted) touch(id, now().toISOString());
        return deleted;
      });
    },
  };
}

const repositories = new WeakMap<Database, MeasureDatasetRepository>();

/** The workspace's data set repository, prepared once per connection (as networkRepository). */
export function measureDatasetRepository(db: Database): MeasureDatasetRepository {
  let repository = repositories.get(db);
  if (repository === undefined) {
    repository = createMeasureDatasetRepository(db, () => new Date());
    repositories.set(db, repository);
  }
  return repository;
}
