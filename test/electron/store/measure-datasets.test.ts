/**
 * The measurement data sets' tables (migration 006) and repository, on real SQLite files in a temp folder: the
 * migration on a workspace of schema 5, the minimum group size floor (in the repository and in the table's
 * CHECK), names made free and clashes refused, settings checked against the data set's kind and columns, a
 * damaged row refused with its table and field, and deletion (of a data set, of a project, of a key) carried by
 * the purge ledger to the older backups, checked on the bytes of the backup files.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../electron/api/result';
import {
  createMeasureDatasetRepository,
  type NewMeasureDataset,
} from '../../../electron/store/measure-datasets';
import type { MeasureDatasetId } from '../../../electron/store/measure-document';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/store/migrations';
import { StoredDocumentError } from '../../../electron/store/stored-document';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import type { ProjectId } from '../../../model/schema/project';
import { tempDataDir, testClock } from './support';

/** A cell that appears nowhere else, so finding its bytes in a file means the answers are still in it. */
const RESPONDENT = 'Respondent-Quistgaard-7731';

function setUp() {
  const clock = testClock();
  const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false, now: clock.now });
  const datasets = createMeasureDatasetRepository(workspace.db, clock.now);
  const project = workspace.projects.create({ name: 'Measures' });
  return { workspace, datasets, project, clock };
}

const survey = (projectId: ProjectId, respondent = RESPONDENT): NewMeasureDataset => ({
  projectId,
  name: 'Staff survey',
  kind: 'survey',
  fileName: 'survey.csv',
  table: {
    columns: ['id', 'team', 'IRI1'],
    rows: [
      [respondent, 'Care', '3'],
      ['p2', 'Care', '4'],
    ],
  },
  settings: null,
  privacy: { pseudonymized: false, idColumn: 'id', droppedColumns: [] },
});

const codeOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    if (error instanceof OperationError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
};

const holds = (file: string, text: string): boolean =>
  fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));

const ledger = (workspace: Workspace) =>
  workspace.db.prepare('SELECT table_name, row_id FROM pending_purges ORDER BY 1, 2').all();

describe('migration 006', () => {
  it('adds the data set tables to a workspace of schema 5, after a backup, keeping its projects', () => {
    const dataDir = tempDataDir();
    const old = openWorkspace({ dataDir, backupOnOpen: false, migrations: MIGRATIONS.slice(0, 5) });
    expect(old.schemaVersion).toBe(5);
    old.projects.create({ name: 'From schema 5' });
    old.close();

    const workspace = openWorkspace({ dataDir, backupOnOpen: false });
    try {
      expect(SCHEMA_VERSION).toBe(6);
      expect(workspace.schemaVersion).toBe(6);
      const tables = workspace.db
        .prepare<[], { name: string; strict: number }>(
          "SELECT name, strict FROM pragma_table_list WHERE name LIKE 'measure_%'",
        )
        .all()
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(tables).toEqual([
        { name: 'measure_datasets', strict: 1 },
        { name: 'measure_pseudonym_keys', strict: 1 },
      ]);
      expect(workspace.listBackups().map((backup) => backup.reason)).toEqual(['before-schema-6']);
      const datasets = createMeasureDatasetRepository(workspace.db, () => new Date());
      const [project] = workspace.projects.list();
      expect(project?.name).toBe('From schema 5');
      const created = datasets.create(survey(project?.id as ProjectId), null);
      expect(datasets.list(created.projectId).map((summary) => summary.name)).toEqual(['Staff survey']);
    } finally {
      workspace.close();
    }
  });
});

describe('the data set repository', () => {
  it('keeps the table, lists without rows, filters by kind, and makes a taken name free', () => {
    const { workspace, datasets, project } = setUp();
    const first = datasets.create(survey(project.id), null);
    const second = datasets.create({ ...survey(project.id), name: 'STAFF SURVEY' }, null);
    const kpi = datasets.create(
      {
        ...survey(project.id),
        name: 'KPIs',
        kind: 'kpi',
        table: { columns: ['date', 'unit', 'kpi', 'value'], rows: [['2025-01-01', 'Care', 'nps', '12']] },
        settings: { kind: 'kpi', unitSizes: { Care: 12 } },
      },
      null,
    );
    expect(second.name).toBe('STAFF SURVEY (2)');
    expect(first.table).toEqual(survey(project.id).table);
    expect(first.rowCount).toBe(2);
    expect(datasets.list(project.id).map((summary) => summary.name)).toEqual([
      'KPIs',
      'Staff survey',
      'STAFF SURVEY (2)',
    ]);
    expect(datasets.list(project.id, 'kpi')).toEqual([
      expect.objectContaining({ id: kpi.id, settings: { kind: 'kpi', unitSizes: { Care: 12 } } }),
    ]);
    expect(datasets.list(project.id, 'kpi')[0]).not.toHaveProperty('table');
    expect(codeOf(() => datasets.rename(second.id, 'staff survey'))).toBe(
      'conflict: This project already has a data set named "Staff survey".',
    );
    expect(datasets.rename(second.id, 'Customer survey').name).toBe('Customer survey');
    expect(codeOf(() => datasets.get('0b0c2f43-5d8e-4a4e-9a43-2b7f3e9b1c11' as MeasureDatasetId))).toMatch(
      /^not-found/,
    );
    workspace.close();
  });

  it('refuses settings of another kind, a custom scale without its spec, and columns the table lacks', () => {
    const { workspace, datasets, project } = setUp();
    const dataset = datasets.create(survey(project.id), null);
    expect(codeOf(() => datasets.updateSettings(dataset.id, { kind: 'kpi', unitSizes: {} }))).toBe(
      'invalid-input: The settings are for a kpi data set, but this data set is a survey.',
    );
    expect(
      codeOf(() => datasets.updateSettings(dataset.id, { kind: 'survey', scale: 'custom', columns: {} })),
    ).toMatch(/^invalid-input: A survey scored with a custom scale needs its spec/);
    expect(
      codeOf(() =>
        datasets.updateSettings(dataset.id, {
          kind: 'survey',
          scale: 'iri',
          columns: {},
          waveColumn: 'wave',
        }),
      ),
    ).toBe(
      'invalid-input: The settings\' waveColumn names the column "wave", which the data set does not have (its columns: id, team, IRI1).',
    );
    const saved = datasets.updateSettings(dataset.id, {
      kind: 'survey',
      scale: 'iri',
      columns: { '1': 'IRI1' },
      teamColumn: 'team',
    });
    expect(datasets.get(dataset.id).settings).toEqual(saved.settings);
    expect(datasets.updateSettings(dataset.id, null).settings).toBeNull();
    workspace.close();
  });

  it("keeps a survey's comparison beside its scoring, and reads a survey saved before it was kept", () => {
    const { workspace, datasets, project } = setUp();
    const dataset = datasets.create(survey(project.id), null);
    // Written by a build that kept no comparison: read as it is, without one.
    const older = { kind: 'survey', scale: 'iri', columns: { '1': 'IRI1' }, teamColumn: 'team' };
    workspace.db
      .prepare('UPDATE measure_datasets SET settings = ? WHERE id = ?')
      .run(JSON.stringify(older), dataset.id);
    expect(datasets.get(dataset.id).settings).toEqual(older);
    // The comparison names columns of the scores (EC_mean), not of the imported table: not refused for that.
    const compare = {
      comparison: 'did',
      group: 'team',
      period: 'wave',
      outcome: 'EC_mean',
      cluster: 'id',
      standardError: 'cluster',
      alpha: 0.1,
    } as const;
    datasets.updateSettings(dataset.id, { kind: 'survey', scale: 'iri', columns: {}, compare });
    expect(datasets.get(dataset.id).settings).toEqual({ kind: 'survey', scale: 'iri', columns: {}, compare });
    expect(datasets.list(project.id)[0]?.settings).toMatchObject({ compare });
    workspace.close();
  });

  it('refuses a minimum group size below 3, in the repository and in the table', () => {
    const { workspace, datasets, project } = setUp();
    const refused = survey(project.id);
    expect(
      codeOf(() => datasets.create({ ...refused, privacy: { ...refused.privacy, minGroupSize: 2 } }, null)),
    ).toMatch(/^invalid-input/);
    expect(datasets.list(project.id)).toEqual([]);
    const dataset = datasets.create(refused, null);
    expect(dataset.privacy.minGroupSize).toBe(5);
    expect(codeOf(() => datasets.updatePrivacy(dataset.id, { minGroupSize: 2 }))).toMatch(/^invalid-input/);
    expect(datasets.updatePrivacy(dataset.id, { minGroupSize: 3, individualConsent: true })).toMatchObject({
      minGroupSize: 3,
      individualConsent: true,
    });
    expect(() =>
      workspace.db.prepare('UPDATE measure_datasets SET min_group_size = 2 WHERE id = ?').run(dataset.id),
    ).toThrow(/CHECK constraint failed/);
    workspace.close();
  });

  it('writes a data set and its key whole or not at all', () => {
    const { workspace, datasets, project } = setUp();
    // A secret of the wrong length is refused after the data set's row was inserted: the row goes too.
    expect(() => datasets.create(survey(project.id), { secret: Buffer.alloc(31), mapping: null })).toThrow();
    expect(datasets.list(project.id)).toEqual([]);
    expect(workspace.db.prepare('SELECT count(*) FROM measure_pseudonym_keys').pluck().get()).toBe(0);
    workspace.close();
  });

  it('refuses to read a damaged row, naming its table and field, and leaves it as it is', () => {
    const { workspace, datasets, project } = setUp();
    const dataset = datasets.create(survey(project.id), null);
    workspace.db
      .prepare(`UPDATE measure_datasets SET settings = '{"kind":"nope"}' WHERE id = ?`)
      .run(dataset.id);
    let caught: unknown;
    try {
      datasets.get(dataset.id);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoredDocumentError);
    expect((caught as StoredDocumentError).table).toBe('measure_datasets');
    expect((caught as StoredDocumentError).field).toBe('settings.kind');
    expect(workspace.db.prepare('SELECT settings FROM measure_datasets').pluck().get()).toBe(
      '{"kind":"nope"}',
    );
    // The list still shows it, with its problem and the cautious reading; the other data sets are unaffected.
    workspace.db.prepare('UPDATE measure_datasets SET individual_consent = 1 WHERE id = ?').run(dataset.id);
    const other = datasets.create({ ...survey(project.id), name: 'Readable' }, null);
    const listed = datasets.list(project.id);
    expect(listed.map((summary) => [summary.name, summary.problem])).toEqual([
      ['Readable', undefined],
      ['Staff survey', (caught as StoredDocumentError).message],
    ]);
    expect(listed[1]).toMatchObject({ kind: 'survey', settings: null, columns: [], rowCount: 2 });
    expect(listed[1]?.privacy.individualConsent).toBe(false);
    expect(listed[0]).not.toHaveProperty('problem');
    expect(datasets.get(other.id).name).toBe('Readable');
    workspace.close();
  });
});

describe('deleting a data set', () => {
  it('records the data set and its key in the purge ledger, and the next backup removes them from older backups', () => {
    const { workspace, datasets, project, clock } = setUp();
    const doomed = datasets.create(survey(project.id), {
      secret: Buffer.alloc(32, 7),
      mapping: [{ realId: RESPONDENT, pseudonym: 'P-0000000001' }],
    });
    const kept = datasets.create({ ...survey(project.id, 'Kept-Respondent-5512'), name: 'Kept' }, null);
    const keyId = workspace.db.prepare('SELECT id FROM measure_pseudonym_keys').pluck().get();
    const before = workspace.backup('manual');
    expect(holds(before.path, RESPONDENT)).toBe(true);

    datasets.delete(doomed.id);
    expect(codeOf(() => datasets.delete(doomed.id))).toMatch(/^not-found/);
    expect(ledger(workspace)).toEqual([
      { table_name: 'measure_datasets', row_id: doomed.id },
      { table_name: 'measure_pseudonym_keys', row_id: keyId },
    ]);
    workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(holds(workspace.path, RESPONDENT)).toBe(false);

    clock.advance(60_000);
    workspace.backup('manual');
    expect(holds(before.path, RESPONDENT)).toBe(false);
    expect(holds(before.path, 'Kept-Respondent-5512')).toBe(true);
    expect(ledger(workspace)).toEqual([]);
    const old = new Database(before.path, { readonly: true });
    try {
      expect(old.prepare('SELECT id FROM measure_datasets').pluck().all()).toEqual([kept.id]);
      expect(old.prepare('SELECT count(*) FROM measure_pseudonym_keys').pluck().get()).toBe(0);
      expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      old.close();
    }
    workspace.close();
  });

  it('goes with its project: every data set and key of the project in the ledger, the older backups cleaned', () => {
    const { workspace, datasets, project, clock } = setUp();
    const doomed = datasets.create(survey(project.id), { secret: Buffer.alloc(32, 1), mapping: null });
    const other = workspace.projects.create({ name: 'Other' });
    datasets.create(survey(other.id, 'Other-Respondent-0042'), null);
    const before = workspace.backup('manual');
    workspace.projects.delete(project.id);
    expect(ledger(workspace)).toEqual(
      expect.arrayContaining([
        { table_name: 'projects', row_id: project.id },
        { table_name: 'measure_datasets', row_id: doomed.id },
        expect.objectContaining({ table_name: 'measure_pseudonym_keys' }),
      ]),
    );
    clock.advance(60_000);
    workspace.backup('manual');
    expect(holds(before.path, RESPONDENT)).toBe(false);
    expect(holds(before.path, 'Other-Respondent-0042')).toBe(true);
    workspace.close();
  });

  it('deletes a key alone: the secret and mapping leave, the data set stays', () => {
    const { workspace, datasets, project, clock } = setUp();
    const dataset = datasets.create(survey(project.id, 'P-ABCDEF0123'), {
      secret: Buffer.alloc(32, 9),
      mapping: [{ realId: RESPONDENT, realName: 'Ophelia Marker', pseudonym: 'P-ABCDEF0123' }],
    });
    expect(dataset.privacy).toMatchObject({ keyKept: true, secretKept: true });
    expect(datasets.key(dataset.id)?.mapping).toEqual([
      { realId: RESPONDENT, realName: 'Ophelia Marker', pseudonym: 'P-ABCDEF0123' },
    ]);
    const before = workspace.backup('manual');
    expect(datasets.deleteKey(dataset.id)).toBe(true);
    expect(datasets.deleteKey(dataset.id)).toBe(false);
    expect(datasets.key(dataset.id)).toBeUndefined();
    expect(datasets.privacy(dataset.id)).toMatchObject({ keyKept: false, secretKept: false });
    clock.advance(60_000);
    workspace.backup('manual');
    expect(holds(before.path, 'Ophelia Marker')).toBe(false);
    expect(holds(before.path, 'P-ABCDEF0123')).toBe(true);
    workspace.close();
  });
});
