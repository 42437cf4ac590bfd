/**
 * The network repository: networks with their waves saved whole or not at all, waves in the order given,
 * labels and names that clash refused, the last wave kept, and a damaged row refused with its table, row and
 * field named, left as it was.
 */
import { describe, expect, it } from 'vitest';
import { StoredDocumentError } from '../../../electron/store/stored-document';
import { createNetworkRepository, type WaveInput } from '../../../electron/store/networks';
import type { NetworkId, WaveProvenance } from '../../../electron/store/network-document';
import { openWorkspace } from '../../../electron/store/workspace';
import { OperationError } from '../../../electron/api/result';
import { tempDataDir, testClock } from './support';

const provenance: WaveProvenance = { format: 'csv', files: ['edges.csv'], mergeRule: 'error', notes: [] };
const people = [
  { id: 'a', attributes: { name: 'Ana', team: 'Care' } },
  { id: 'b', attributes: { name: 'Bo', team: 'Care' } },
  { id: 'c', attributes: { name: 'Cy', team: 'Sales' } },
];
const wave = (
  label: string,
  ties: WaveInput['ties'] = [{ source: 'a', target: 'b', weight: 2 }],
): WaveInput => ({
  wave: label,
  weighted: true,
  people,
  ties,
  provenance,
});

function setUp() {
  const clock = testClock();
  const workspace = openWorkspace({ dataDir: tempDataDir(), now: clock.now });
  const networks = createNetworkRepository(workspace.db, clock.now);
  const project = workspace.projects.create({ name: 'Care' });
  return { workspace, networks, project, clock };
}

const codeOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    if (error instanceof OperationError) return error.code;
    throw error;
  }
  throw new Error('expected an OperationError');
};

describe('networks and their waves', () => {
  it('saves a network with its waves in order, lists them with their sizes, and reads them back', () => {
    const { workspace, networks, project } = setUp();
    const created = networks.create({
      projectId: project.id,
      name: 'Support ties',
      directed: true,
      waves: [
        wave('before'),
        wave('after', [
          { source: 'b', target: 'c', weight: 1, type: 'advice' },
          { source: 'c', target: 'a', weight: 3 },
        ]),
      ],
    });
    expect(created.waves.map((saved) => [saved.wave, saved.position, saved.ties.length])).toEqual([
      ['before', 0, 1],
      ['after', 1, 2],
    ]);
    expect(created.waves[1]?.ties[0]).toEqual({ source: 'b', target: 'c', weight: 1, type: 'advice' });
    const [summary] = networks.list(project.id);
    expect(summary).toMatchObject({ name: 'Support ties', directed: true });
    expect(summary?.waves.map((saved) => [saved.wave, saved.people, saved.ties])).toEqual([
      ['before', 3, 1],
      ['after', 3, 2],
    ]);
    expect(networks.get(created.id)).toEqual(created);
    workspace.close();
  });

  it('gives a clashing name a free one on create, and refuses it on rename', () => {
    const { workspace, networks, project } = setUp();
    const first = networks.create({
      projectId: project.id,
      name: 'Ties',
      directed: true,
      waves: [wave('w')],
    });
    const second = networks.create({
      projectId: project.id,
      name: 'ties',
      directed: true,
      waves: [wave('w')],
    });
    expect(second.name).toBe('ties (2)');
    expect(codeOf(() => networks.rename(second.id, 'TIES'))).toBe('conflict');
    expect(networks.rename(first.id, 'Support').name).toBe('Support');
    workspace.close();
  });

  it('an import is saved whole or not at all: a bad second wave leaves nothing behind', () => {
    const { workspace, networks, project } = setUp();
    expect(
      codeOf(() =>
        networks.create({
          projectId: project.id,
          name: 'Ties',
          directed: true,
          waves: [wave('w'), wave('W')],
        }),
      ),
    ).toBe('conflict');
    expect(
      codeOf(() =>
        networks.create({
          projectId: project.id,
          name: 'Ties',
          directed: true,
          waves: [wave('ok'), wave('bad', [{ source: 'a', target: 'zed', weight: 1 }])],
        }),
      ),
    ).toBe('invalid-input');
    expect(networks.list(project.id)).toEqual([]);
    expect(workspace.db.prepare('SELECT count(*) AS n FROM network_snapshots').get()).toEqual({ n: 0 });
    workspace.close();
  });

  it('adds waves after the last, renames one, refuses a taken label and deleting the only wave', () => {
    const { workspace, networks, project } = setUp();
    const network = networks.create({
      projectId: project.id,
      name: 'Ties',
      directed: false,
      waves: [wave('before')],
    });
    const only = network.waves[0];
    if (only === undefined) throw new Error('no wave');
    expect(codeOf(() => networks.deleteWave(only.id))).toBe('conflict');
    const grown = networks.addWaves(network.id, [wave('after')]);
    expect(grown.waves.map((saved) => [saved.wave, saved.position, saved.directed])).toEqual([
      ['before', 0, false],
      ['after', 1, false],
    ]);
    expect(codeOf(() => networks.addWaves(network.id, [wave('AFTER')]))).toBe('conflict');
    const after = grown.waves[1];
    if (after === undefined) throw new Error('no wave');
    expect(codeOf(() => networks.renameWave(after.id, 'Before'))).toBe('conflict');
    expect(networks.renameWave(after.id, '2026 Q2').waves.map((saved) => saved.wave)).toEqual([
      'before',
      '2026 Q2',
    ]);
    expect(networks.deleteWave(only.id).waves.map((saved) => saved.wave)).toEqual(['2026 Q2']);
    // A wave added after a deletion still goes last.
    expect(networks.addWaves(network.id, [wave('later')]).waves.map((saved) => saved.wave)).toEqual([
      '2026 Q2',
      'later',
    ]);
    workspace.close();
  });

  it('refuses ties that do not make sense as a saved wave', () => {
    const { workspace, networks, project } = setUp();
    const create =
      (ties: WaveInput['ties'], directed = true) =>
      () =>
        networks.create({ projectId: project.id, name: 'x', directed, waves: [wave('w', ties)] });
    expect(() => create([{ source: 'a', target: 'a', weight: 1 }])()).toThrow(/A tie needs two people/);
    expect(() => create([{ source: 'a', target: 'b', weight: -1 }])()).toThrow(/A tie weight is > 0/);
    expect(() =>
      create(
        [
          { source: 'a', target: 'b', weight: 1 },
          { source: 'b', target: 'a', weight: 1 },
        ],
        false,
      )(),
    ).toThrow(/The same tie is listed twice/);
    workspace.close();
  });

  it('deletes a network with its waves, and answers not-found after', () => {
    const { workspace, networks, project } = setUp();
    const network = networks.create({
      projectId: project.id,
      name: 'Ties',
      directed: true,
      waves: [wave('w')],
    });
    networks.delete(network.id);
    expect(codeOf(() => networks.get(network.id))).toBe('not-found');
    expect(codeOf(() => networks.delete(network.id))).toBe('not-found');
    expect(codeOf(() => networks.list('00000000-0000-4000-8000-000000000000' as typeof project.id))).toBe(
      'not-found',
    );
    expect(workspace.db.prepare('SELECT count(*) AS n FROM network_snapshots').get()).toEqual({ n: 0 });
    workspace.close();
  });

  it('a damaged wave row is refused naming its table, row and field, and left unchanged', () => {
    const { workspace, networks, project } = setUp();
    const network = networks.create({
      projectId: project.id,
      name: 'Ties',
      directed: true,
      waves: [wave('w')],
    });
    const id = network.waves[0]?.id ?? '';
    const damaged = JSON.stringify({
      directed: true,
      weighted: true,
      position: 0,
      ties: [{ source: 'a', target: 'b', weight: 'heavy' }],
      provenance,
    });
    workspace.db.prepare('UPDATE network_snapshots SET edges = ? WHERE id = ?').run(damaged, id);
    let caught: unknown;
    try {
      networks.get(network.id as NetworkId);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoredDocumentError);
    expect(caught).toMatchObject({ table: 'network_snapshots', rowId: id, field: 'ties.0.weight' });
    expect(workspace.db.prepare('SELECT edges FROM network_snapshots WHERE id = ?').pluck().get(id)).toBe(
      damaged,
    );
    workspace.close();
  });
});
