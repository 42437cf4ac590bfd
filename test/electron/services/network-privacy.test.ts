/**
 * People data handled with care (issue 11, points 1-3) through the Network operations, on the sample
 * organization, with a real workspace in a temp folder: pseudonyms stable across waves, no real name left in the
 * SQLite file unless the key is kept, the key shown, deleted (from the file and, at the next backup, from the
 * older backups) and then refusing later waves; the minimum group size; insights without consent; exports that
 * say whether they hold real names.
 */
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { OperationInput, OperationOutput } from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { SAMPLE_NETWORK_PRIVACY_NOTE, seedSampleNetwork } from '../../../electron/services/network-samples';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { computeNetworkMetrics, networkInsights } from '../../../model/network';
import { compareWaves } from '../../../model/network/compare';
import { graphOfTies } from '../../../model/network/formats';
import { judgementWordsIn } from '../../../model/privacy';
import { tempDataDir } from '../store/support';
import { onDisk, setUpHandlers } from './handlers-support';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/network');
const sampleFile = (name: string) => ({ fileName: name, text: fs.readFileSync(join(SAMPLE, name), 'utf8') });
/** Fictional names of the sample organization (nodes.csv), searched for in the bytes of the workspace. */
const NAMES = ['Maya Okafor', 'Selin Fischer', 'Priya Asante', 'Yuki Kowalski'];

function setUp() {
  const { workspace, project, call, refusal } = setUpHandlers({ projectName: 'Care', backupOnOpen: false });
  const importBefore = (options: { pseudonymize?: boolean; keepKey?: boolean } = {}) =>
    call('network.import', {
      projectId: project.id,
      name: 'Support',
      format: 'csv',
      edges: sampleFile('edges-before.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'before',
      ...options,
    });
  return { workspace, project, call, refusal, importBefore };
}

describe('pseudonyms at import', () => {
  it('are stable across two waves, and no real name or id is saved when the key is not kept', async () => {
    const { workspace, call, importBefore } = setUp();
    const network = await importBefore({ pseudonymize: true });
    expect(network.privacy).toEqual({
      pseudonymized: true,
      keyKept: false,
      secretKept: true,
      individualConsent: false,
      minGroupSize: 5,
      note: '',
    });
    const after = await call('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'after',
    });
    const [first, second] = after.waves;
    expect(first?.people[0]?.id).toMatch(/^P-[0-9A-F]{10}$/);
    expect(first?.people[0]?.attributes).toEqual({ team: 'Customer Care', role: 'Care lead', tenure: '9.5' });
    // Both waves list the same 100 people (one node table): with unstable pseudonyms they would share none.
    const firstIds = new Set(first?.people.map((person) => person.id));
    expect(second?.people.filter((person) => firstIds.has(person.id))).toHaveLength(100);
    expect(first?.provenance.notes).toContain(
      'people pseudonymized at import (ids replaced; columns dropped: name)',
    );
    for (const name of NAMES) expect(onDisk(workspace, name), name).toBe(false);
    expect(onDisk(workspace, '"p001"')).toBe(false);
    await expect(call('network.key', { id: network.id })).rejects.toThrow(
      /not-found: The network "Support" has no key: it was not kept at import, or it was deleted/,
    );
    workspace.close();
  });

  it('a wave without a node file takes the people of the last wave, matched by pseudonym', async () => {
    const { workspace, call, importBefore } = setUp();
    const network = await importBefore({ pseudonymize: true });
    const after = await call('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      wave: 'after',
    });
    expect(after.waves[1]?.people).toEqual(after.waves[0]?.people);
    expect(after.waves[1]?.ties.length).toBeGreaterThan(400);
    workspace.close();
  });

  it('keeps the key when asked: each real id and name with its pseudonym, extended by a later wave', async () => {
    const { workspace, call, importBefore } = setUp();
    const network = await importBefore({ pseudonymize: true, keepKey: true });
    expect(network.privacy?.keyKept).toBe(true);
    const key = await call('network.key', { id: network.id });
    expect(key.entries).toHaveLength(100);
    const maya = key.entries.find((entry) => entry.realId === 'p001');
    expect(maya).toMatchObject({ realName: 'Maya Okafor' });
    expect(network.waves[0]?.people[0]?.id).toBe(maya?.pseudonym);
    // The saved ties are the file's ties under the key's pseudonyms.
    const pseudonym = new Map(key.entries.map((entry) => [entry.realId, entry.pseudonym]));
    const fileTies = sampleFile('edges-before.csv')
      .text.trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(
        ([source = '', target = '', weight = '']) =>
          `${pseudonym.get(source)}>${pseudonym.get(target)}:${weight}`,
      );
    expect(network.waves[0]?.ties.map((tie) => `${tie.source}>${tie.target}:${tie.weight}`).sort()).toEqual(
      fileTies.sort(),
    );
    const after = await call('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'after',
    });
    expect(after.waves[1]?.people.find((person) => person.id === maya?.pseudonym)).toBeDefined();
    expect((await call('network.key', { id: network.id })).entries).toHaveLength(100);
    expect(onDisk(workspace, 'Maya Okafor')).toBe(true);
    workspace.close();
  });

  it('deleting the key removes it from the file and the older backups, and later waves are refused', async () => {
    const { workspace, call, refusal, importBefore } = setUp();
    const network = await importBefore({ pseudonymize: true, keepKey: true });
    const older = workspace.backup('manual');
    expect(fs.readFileSync(older.path).includes(Buffer.from('Maya Okafor'))).toBe(true);

    const deleted = await call('network.deleteKey', { id: network.id });
    expect(deleted.privacy).toMatchObject({ pseudonymized: true, keyKept: false, secretKept: false });
    for (const name of NAMES) expect(onDisk(workspace, name), name).toBe(false);
    expect((await refusal('network.key', { id: network.id })).code).toBe('not-found');
    const wave = await refusal('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'after',
    });
    expect(wave).toEqual({
      code: 'conflict',
      message: expect.stringMatching(
        /pseudonym key was deleted, so the people of a new wave can no longer be matched.*Import the wave as a new network instead/,
      ),
    });
    expect((await refusal('network.deleteKey', { id: network.id })).message).toMatch(/no key left to delete/);

    // The next backup carries the deletion to the older one (the purge ledger of migration 003).
    workspace.backup('manual');
    expect(fs.readFileSync(older.path).includes(Buffer.from('Maya Okafor'))).toBe(false);
    expect((await call('network.get', { id: network.id })).waves).toHaveLength(1);

    // Deleting a network deletes its key, recorded for the backups too.
    const other = await importBefore({ pseudonymize: true });
    await call('network.delete', { id: other.id });
    expect(
      workspace.db
        .prepare("SELECT count(*) FROM pending_purges WHERE table_name = 'network_pseudonym_keys'")
        .pluck()
        .get(),
    ).toBe(1);
    workspace.close();
  });

  it('without pseudonyms, names stay and there is no key; a wave must follow its network', async () => {
    const { workspace, call, refusal, importBefore } = setUp();
    const network = await importBefore();
    expect(network.privacy).toMatchObject({ pseudonymized: false, keyKept: false });
    expect(network.waves[0]?.people[0]?.attributes['name']).toBe('Maya Okafor');
    expect((await refusal('network.key', { id: network.id })).message).toMatch(/imported with real names/);
    expect((await refusal('network.deleteKey', { id: network.id })).code).toBe('not-found');
    const mixed = await refusal('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      wave: 'after',
      pseudonymize: true,
    });
    expect(mixed.message).toMatch(/holds real names: a pseudonymized wave could not be compared/);
    expect((await call('network.get', { id: network.id })).waves).toHaveLength(1);
    workspace.close();
  });
});

describe('privacy settings', () => {
  it('default to no individual views and groups of 5; a threshold under 3 is refused', async () => {
    const { workspace, call, refusal, importBefore } = setUp();
    const network = await importBefore({ pseudonymize: true });
    expect(await call('network.privacy', { id: network.id })).toMatchObject({
      individualConsent: false,
      minGroupSize: 5,
    });
    const error = await refusal('network.updatePrivacy', { id: network.id, minGroupSize: 2 });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/minimum group size is a whole number of at least 3 people/);
    expect(
      await call('network.updatePrivacy', { id: network.id, minGroupSize: 3, individualConsent: true }),
    ).toMatchObject({ individualConsent: true, minGroupSize: 3 });
    expect((await call('network.get', { id: network.id })).privacy).toMatchObject({ minGroupSize: 3 });
    expect(
      (
        await refusal('network.import', {
          projectId: network.projectId,
          name: 'Tiny groups',
          format: 'csv',
          edges: sampleFile('edges-before.csv'),
          minGroupSize: 2,
        })
      ).code,
    ).toBe('invalid-input');
    workspace.close();
  });

  it('the sample organization keeps its fictional names, allows individual views, and says why', async () => {
    const dataDir = tempDataDir();
    const workspace = openWorkspace({ dataDir, backupOnOpen: false });
    const project = workspace.projects.create({ name: 'Sample' });
    const network = seedSampleNetwork(workspace, project.id, resolve(SAMPLE, '..'));
    expect(network?.privacy).toEqual({
      pseudonymized: false,
      keyKept: false,
      secretKept: false,
      individualConsent: true,
      minGroupSize: 5,
      note: SAMPLE_NETWORK_PRIVACY_NOTE,
    });
    const handlers = createHandlers({ workspace, host: 'test' });
    if (network === undefined) throw new Error('the sample network expected');
    const result = await dispatch(handlers, 'network.export', { id: network.id, format: 'graphml' });
    if (!result.ok) throw new Error(result.error.message);
    const exported = result.value as OperationOutput<'network.export'>;
    expect(exported.realNames).toBe(true);
    expect(exported.files[0]?.text).toContain('realNames: true');
    expect(exported.files[0]?.text).toContain('fictional');
    workspace.close();
  });
});

describe('team figures and insights of a pseudonymized network', () => {
  // Finance cut to 4 people (the others moved to Operations): a team under the default threshold.
  let kept = 0;
  const nodes = sampleFile('nodes.csv');
  const smallFinance = {
    fileName: 'nodes.csv',
    text: nodes.text.replace(/,Finance,/g, (match) => (kept++ < 4 ? match : ',Operations,')),
  };

  it('hide a team under the minimum group size in the comparison, with the note', async () => {
    const { workspace, call } = setUp();
    const network = await call('network.import', {
      projectId: setUpProject(workspace),
      name: 'Small Finance',
      format: 'csv',
      edges: sampleFile('edges-before.csv'),
      nodes: smallFinance,
      wave: 'before',
      pseudonymize: true,
    });
    const withAfter = await call('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      wave: 'after',
    });
    const snapshots = await Promise.all(
      withAfter.waves.map(async (wave) => {
        const graph = graphOfTies({ ...wave, directed: withAfter.directed });
        return { wave: wave.wave, graph, metrics: await computeNetworkMetrics(graph) };
      }),
    );
    const [before, after] = snapshots;
    if (before === undefined || after === undefined) throw new Error('two waves expected');
    const comparison = compareWaves(before, after, {
      minimumGroupSize: withAfter.privacy?.minGroupSize ?? 0,
    });
    expect(comparison.teams.map((team) => team.team)).not.toContain('Finance');
    expect(comparison.hiddenTeams).toBe(1);
    expect(comparison.hiddenTeamsNote).toBe(
      '1 team with fewer than 5 people is hidden, so no one in it can be singled out.',
    );

    // Without consent (the default), insights name no one, use no judgement word and leave Finance out.
    const insights = networkInsights(after.graph, after.metrics, {
      individuals: withAfter.privacy?.individualConsent ?? false,
      minimumGroupSize: withAfter.privacy?.minGroupSize ?? 5,
    });
    expect(insights.length).toBeGreaterThan(3);
    for (const insight of insights) {
      expect(insight.nodes).toEqual([]);
      expect(insight.text).not.toMatch(/P-[0-9A-F]{10}/);
      expect(insight.teams).not.toContain('Finance');
      expect(judgementWordsIn(insight.text)).toEqual([]);
    }
    expect(insights.at(-1)?.text).toMatch(/^1 team with fewer than 5 people is hidden/);
    workspace.close();
  });
});

describe('exports', () => {
  it('say they hold pseudonyms, in the output and in every file, and read back as the same network', async () => {
    const { workspace, call, importBefore } = setUp();
    const network = await importBefore({ pseudonymize: true });
    for (const format of ['graphml', 'gexf'] as const) {
      const exported = await call('network.export', { id: network.id, format });
      expect(exported.realNames).toBe(false);
      expect(exported.files[0]?.text).toContain('realNames: false (pseudonyms)');
    }
    const csv = await call('network.export', { id: network.id, format: 'csv' });
    expect(csv.realNames).toBe(false);
    expect(csv.files.map((file) => file.fileName)).toEqual([
      'Support - before - edges (pseudonyms).csv',
      'Support - before - people (pseudonyms).csv',
    ]);
    for (const file of csv.files) for (const name of NAMES) expect(file.text).not.toContain(name);
    const [edges, people] = csv.files;
    if (edges === undefined || people === undefined) throw new Error('two files expected');
    const again = await call('network.import', {
      projectId: network.projectId,
      name: 'Read back',
      format: 'csv',
      edges: { fileName: edges.fileName, text: edges.text },
      nodes: { fileName: people.fileName, text: people.text },
    });
    expect(again.waves[0]?.people.map((person) => person.id)).toEqual(
      network.waves[0]?.people.map((person) => person.id),
    );

    const named = await call('network.export', { id: again.id, format: 'csv' });
    expect(named.realNames).toBe(true);
    expect(named.files[0]?.fileName).toBe('Read back - Wave 1 - edges.csv');
    workspace.close();
  });
});

function setUpProject(workspace: Workspace): OperationInput<'network.import'>['projectId'] {
  const [project] = workspace.projects.list();
  if (project === undefined) throw new Error('a project expected');
  return project.id;
}

describe('a pseudonymized network in a shared project file', () => {
  it('keeps its settings and leaves its key and secret behind', async () => {
    const { project, call, importBefore } = setUp();
    const network = await importBefore({ pseudonymize: true, keepKey: true });
    await call('network.updatePrivacy', { id: network.id, individualConsent: true, minGroupSize: 6 });
    const file = await call('projects.export', { id: project.id });
    for (const name of NAMES) expect(file.text).not.toContain(name);
    expect(file.text).not.toContain('"p001"');

    const target = setUp();
    const imported = await target.call('projects.import', { text: file.text, onConflict: 'rename' });
    const [summary] = await target.call('network.list', { projectId: imported.id });
    if (summary === undefined) throw new Error('the network was not imported');
    const copy = await target.call('network.get', { id: summary.id });
    expect(copy.privacy).toMatchObject({
      pseudonymized: true,
      keyKept: false,
      secretKept: false,
      individualConsent: true,
      minGroupSize: 6,
    });
    expect(copy.waves[0]?.people.map((person) => person.id)).toEqual(
      network.waves[0]?.people.map((person) => person.id),
    );
    // Without the secret, a later wave could not be matched: refused rather than given new pseudonyms.
    const refused = await target.refusal('network.addWave', {
      id: summary.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'after',
    });
    expect(refused.message).toMatch(/key was deleted|secret/);
  });
});
