/**
 * People data in measurement data sets (issue 11, points 1, 2 and 5) through the measure.* operations, on the
 * sample organization's survey with its people's names and e-mail addresses joined in from the sample network's
 * nodes.csv: ids replaced by stable pseudonyms (checked against HMAC-SHA256 computed here with node:crypto),
 * the identifying columns dropped, no real id or name left in the SQLite file unless the key is kept, the key
 * shown and deleted, the minimum group size never below 3.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureDatasetRepository } from '../../../electron/store/measure-datasets';
import type { ProjectId } from '../../../model/schema/project';
import { onDisk } from './handlers-support';
import { setUpMeasure } from './measure-support';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data');
const read = (path: string): string => fs.readFileSync(join(SAMPLE, path), 'utf8');

/** nodes.csv's id → name (its second column; no name in the sample holds a comma). */
const NAMES = new Map(
  read('network/nodes.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',') as [string, string]),
);
const emailOf = (name: string): string => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;

/** survey.csv with `name` and `email` columns after `id`: what an HR export would hand over. */
function surveyWithNames(): { text: string; ids: string[] } {
  const [header, ...rows] = read('measure/survey.csv').trim().split('\n');
  const ids: string[] = [];
  const lines = rows.map((line) => {
    const [id, ...rest] = line.split(',');
    const name = NAMES.get(id ?? '') ?? '';
    ids.push(id ?? '');
    return [id, name, emailOf(name), ...rest].join(',');
  });
  const [idColumn, ...others] = (header ?? '').split(',');
  return { text: [[idColumn, 'name', 'email', ...others].join(','), ...lines].join('\n'), ids };
}

/** An experiment file, calls.csv, of this text: the id and identifying column rules on a few rows. */
const callsFile = (projectId: ProjectId, text: string) => ({
  projectId,
  kind: 'experiment' as const,
  fileName: 'calls.csv',
  text,
});

function importSurvey(options: { pseudonymize?: boolean; keepKey?: boolean } = {}) {
  const context = setUpMeasure();
  const { text, ids } = surveyWithNames();
  const source = { projectId: context.project.id, kind: 'survey' as const, fileName: 'hr-survey.csv', text };
  return {
    ...context,
    ids,
    source,
    imported: context.call('measure.import', { ...source, name: 'HR', ...options }),
  };
}

describe('pseudonyms at import', () => {
  it('the preview names the identifying columns it would drop', async () => {
    const { workspace, call, source } = importSurvey();
    const preview = await call('measure.previewImport', source);
    expect(preview.idColumn).toBe('id');
    expect(preview.identifyingColumns).toEqual(['name', 'email']);
    workspace.close();
  });

  it('replaces each id by HMAC-SHA256 under the data set secret, the same for both waves, and drops name and e-mail', async () => {
    const { workspace, call, ids, imported } = importSurvey({ pseudonymize: true });
    const dataset = await imported;
    expect(dataset.table.columns.slice(0, 4)).toEqual(['id', 'team', 'wave', 'circle']);
    expect(dataset.table.columns).not.toContain('name');
    expect(dataset.privacy).toEqual({
      pseudonymized: true,
      idColumn: 'id',
      droppedColumns: ['name', 'email'],
      keyKept: false,
      secretKept: true,
      individualConsent: false,
      minGroupSize: 5,
      note: '',
    });
    const secret = measureDatasetRepository(workspace.db).key(dataset.id)?.secret;
    expect(secret).toHaveLength(32);
    const expected = (id: string) =>
      `P-${createHmac('sha256', secret ?? Buffer.alloc(0))
        .update(id, 'utf8')
        .digest('hex')
        .toUpperCase()
        .slice(0, 10)}`;
    const pseudonyms = dataset.table.rows.map((row) => row[0]);
    expect(pseudonyms).toEqual(ids.map(expected));
    // 100 people in two waves: every person's two rows share one pseudonym, and no two people share one.
    expect(new Set(ids).size).toBe(100);
    expect(new Set(pseudonyms).size).toBe(100);
    expect(dataset.settings).toMatchObject({ scale: 'iri', idColumn: 'id', teamColumn: 'team' });
    for (const text of ['Maya Okafor', 'maya.okafor@example.org', '"p001"', 'Selin Fischer'])
      expect(onDisk(workspace, text), text).toBe(false);
    const refused = await call('measure.key', { id: dataset.id }).catch((error: Error) => error.message);
    expect(refused).toBe(
      'not-found: The data set "HR" has no key: it was not kept at import, or it was deleted.',
    );
    workspace.close();
  });

  it('gives each data set its own secret, so two imports of one file do not share pseudonyms', async () => {
    const { workspace, call, source, imported } = importSurvey({ pseudonymize: true });
    const first = await imported;
    const second = await call('measure.import', { ...source, name: 'HR again', pseudonymize: true });
    const firstIds = new Set(first.table.rows.map((row) => row[0]));
    expect(second.table.rows.filter((row) => firstIds.has(row[0]))).toEqual([]);
    workspace.close();
  });

  it('keeps the key when asked, shows it, and deletes it with its secret', async () => {
    const { workspace, call, refusal, imported } = importSurvey({ pseudonymize: true, keepKey: true });
    const dataset = await imported;
    expect(dataset.privacy).toMatchObject({ keyKept: true, secretKept: true });
    const key = await call('measure.key', { id: dataset.id });
    expect(key.entries).toHaveLength(100);
    const maya = key.entries.find((entry) => entry.realId === 'p001');
    expect(maya).toEqual({ realId: 'p001', realName: 'Maya Okafor', pseudonym: dataset.table.rows[0]?.[0] });
    expect(onDisk(workspace, 'Maya Okafor')).toBe(true);

    const after = await call('measure.deleteKey', { id: dataset.id });
    expect(after.privacy).toMatchObject({ pseudonymized: true, keyKept: false, secretKept: false });
    expect(after.table).toEqual(dataset.table);
    expect((await refusal('measure.key', { id: dataset.id })).code).toBe('not-found');
    expect(await refusal('measure.deleteKey', { id: dataset.id })).toEqual({
      code: 'not-found',
      message: 'The data set "HR" has no key left to delete.',
    });
    expect(onDisk(workspace, 'Maya Okafor')).toBe(false);
    expect(
      workspace.db
        .prepare("SELECT row_id FROM pending_purges WHERE table_name = 'measure_pseudonym_keys'")
        .all(),
    ).toHaveLength(1);
    workspace.close();
  });

  it('keeps real ids and names when not asked to pseudonymize, and says it has no key', async () => {
    const { workspace, refusal, imported } = importSurvey();
    const dataset = await imported;
    expect(dataset.table.columns.slice(0, 3)).toEqual(['id', 'name', 'email']);
    expect(dataset.table.rows[0]?.slice(0, 2)).toEqual(['p001', 'Maya Okafor']);
    expect(dataset.privacy).toMatchObject({ pseudonymized: false, droppedColumns: [], secretKept: false });
    expect(await refusal('measure.key', { id: dataset.id })).toEqual({
      code: 'not-found',
      message: 'The data set "HR" was imported with real ids: it has no pseudonyms to map back.',
    });
    workspace.close();
  });

  it('drops the identifying columns of a table without an id column and keeps no secret', async () => {
    const { workspace, project, call } = setUpMeasure();
    const dataset = await call('measure.import', {
      ...callsFile(project.id, 'call,name,script,resolved\nc1,Maya Okafor,A,yes\nc2,Selin Fischer,B,no\n'),
      name: 'Calls',
      pseudonymize: true,
      keepKey: true,
    });
    expect(dataset.table).toEqual({
      columns: ['call', 'script', 'resolved'],
      rows: [
        ['c1', 'A', 'yes'],
        ['c2', 'B', 'no'],
      ],
    });
    expect(dataset.privacy).toMatchObject({
      pseudonymized: true,
      idColumn: null,
      droppedColumns: ['name'],
      keyKept: false,
      secretKept: false,
    });
    expect(onDisk(workspace, 'Maya Okafor')).toBe(false);
    workspace.close();
  });

  it('finds a "Respondent ID" column as the id column', async () => {
    const { workspace, project, call } = setUpMeasure();
    const preview = await call(
      'measure.previewImport',
      callsFile(project.id, 'call,Respondent ID,script\nc1,r7,A\n'),
    );
    expect(preview.idColumn).toBe('Respondent ID');
    workspace.close();
  });

  it('takes the id column the user names', async () => {
    const { workspace, project, call } = setUpMeasure();
    const dataset = await call('measure.import', {
      ...callsFile(project.id, 'call,agent,script\nc1,a7,A\nc2,a7,B\nc3,a9,A\n'),
      name: 'Calls',
      idColumn: 'agent',
      pseudonymize: true,
    });
    const agents = dataset.table.rows.map((row) => row[1]);
    expect(agents[0]).toMatch(/^P-[0-9A-F]{10}$/);
    expect(agents[1]).toBe(agents[0]);
    expect(agents[2]).not.toBe(agents[0]);
    expect(dataset.table.rows.map((row) => row[0])).toEqual(['c1', 'c2', 'c3']);
    workspace.close();
  });
});

describe('minimum group size and consent', () => {
  it('never below 3, default 5, and changed with consent by updatePrivacy', async () => {
    const { workspace, refusal, call, source, imported } = importSurvey({ pseudonymize: true });
    const dataset = await imported;
    expect(dataset.privacy.minGroupSize).toBe(5);
    const low = await refusal('measure.import', { ...source, name: 'Low', minGroupSize: 2 });
    expect(low.code).toBe('invalid-input');
    expect((await refusal('measure.updatePrivacy', { id: dataset.id, minGroupSize: 2 })).code).toBe(
      'invalid-input',
    );
    expect(
      await call('measure.updatePrivacy', { id: dataset.id, minGroupSize: 3, individualConsent: true }),
    ).toMatchObject({ minGroupSize: 3, individualConsent: true, pseudonymized: true });
    expect(await call('measure.privacy', { id: dataset.id })).toMatchObject({ minGroupSize: 3 });
    expect(
      (await call('measure.list', { projectId: dataset.projectId })).map((summary) => summary.name),
    ).toEqual(['HR']);
    workspace.close();
  });
});
