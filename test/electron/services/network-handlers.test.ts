/**
 * The Network operations through dispatch, as the renderer and the web host call them: imports in every format
 * (saved whole, or refused with file, row and column and nothing saved), waves added and compared, renames,
 * deletes, and exports that read back as the same network.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationOutput } from '../../../electron/api/contract';
import { setUpHandlers } from './handlers-support';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/network');
const sampleFile = (name: string) => ({ fileName: name, text: readFileSync(join(SAMPLE, name), 'utf8') });
const FORMATS = resolve(import.meta.dirname, '../../model/network/formats/fixtures');
const formatFile = (path: string) => ({
  fileName: path.split('/').at(-1) ?? path,
  text: readFileSync(join(FORMATS, path), 'utf8'),
});

const setUp = () => setUpHandlers({ projectName: 'Care' });

const ids = (network: OperationOutput<'network.get'>, wave = 0) =>
  (network.waves[wave]?.ties ?? []).map((tie) => `${tie.source}>${tie.target}:${tie.weight}`).sort();

describe('network.import', () => {
  it('imports the sample edge list and node table as one wave, people named by their attributes', async () => {
    const { workspace, project, call } = setUp();
    const network = await call('network.import', {
      projectId: project.id,
      name: 'Support',
      format: 'csv',
      edges: sampleFile('edges-before.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'before',
    });
    expect(network).toMatchObject({ name: 'Support', directed: true });
    expect(
      network.waves.map((wave) => [wave.wave, wave.people.length, wave.ties.length, wave.weighted]),
    ).toEqual([['before', 100, 434, true]]);
    expect(network.waves[0]?.people[0]).toEqual({
      id: 'p001',
      attributes: { name: 'Maya Okafor', team: 'Customer Care', role: 'Care lead', tenure: '9.5' },
    });
    expect(network.waves[0]?.provenance).toEqual({
      format: 'csv',
      files: ['edges-before.csv', 'nodes.csv'],
      mergeRule: 'error',
      notes: [],
    });
    expect(await call('network.list', { projectId: project.id })).toMatchObject([
      { id: network.id, waves: [{ wave: 'before', people: 100, ties: 434 }] },
    ]);
    workspace.close();
  });

  it('a negative weight is refused naming the file, row and column, and nothing is saved', async () => {
    const { workspace, project, call, refusal } = setUp();
    const error = await refusal('network.import', {
      projectId: project.id,
      name: 'Bad',
      format: 'csv',
      edges: { fileName: 'edges.csv', text: 'source,target,weight\na,b,2\nb,c,-1\nc,c,1\n' },
    });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(
      'Nothing was imported: the files have 2 problems.\n' +
        'edges.csv row 3, column weight: -1 is negative: a weight is the strength of a tie (> 0)\n' +
        'edges.csv row 4, column target: "c" -> "c" is a self-loop (a tie needs two people)',
    );
    expect(await call('network.list', { projectId: project.id })).toEqual([]);
    workspace.close();
  });

  it('duplicates are refused by default and merged by the chosen rule, which the wave records', async () => {
    const { workspace, project, call, refusal } = setUp();
    const edges = { fileName: 'e.csv', text: 'source,target,weight\na,b,1\na,b,3\n' };
    expect(
      (await refusal('network.import', { projectId: project.id, name: 'D', format: 'csv', edges })).message,
    ).toMatch(/e\.csv row 3: duplicate edge "a" -> "b" \(first at row 2\); choose a merge rule/);
    const merged = await call('network.import', {
      projectId: project.id,
      name: 'D',
      format: 'csv',
      edges,
      mergeRule: 'mean',
    });
    expect(ids(merged)).toEqual(['a>b:2']);
    expect(merged.waves[0]?.provenance).toMatchObject({
      mergeRule: 'mean',
      notes: ['1 duplicate edge row merged by mean (row 3)'],
    });
    workspace.close();
  });

  it('a CSV with a wave column becomes one wave per value, in file order; or only the wave asked for', async () => {
    const { workspace, project, call } = setUp();
    const edges = { fileName: 'waves.csv', text: 'source,target,wave\na,b,T1\nb,a,T2\nb,c,T1\n' };
    const all = await call('network.import', { projectId: project.id, name: 'W', format: 'csv', edges });
    expect(all.waves.map((wave) => [wave.wave, wave.ties.length])).toEqual([
      ['T1', 2],
      ['T2', 1],
    ]);
    const one = await call('network.import', {
      projectId: project.id,
      name: 'W',
      format: 'csv',
      edges,
      wave: 'T2',
    });
    expect(one).toMatchObject({ name: 'W (2)' });
    expect(one.waves.map((wave) => wave.wave)).toEqual(['T2']);
    workspace.close();
  });

  it('reads a survey matrix, GraphML and GEXF; XML files carry their own people and direction', async () => {
    const { workspace, project, call, refusal } = setUp();
    const matrix = await call('network.import', {
      projectId: project.id,
      name: 'Matrix',
      format: 'matrix',
      edges: formatFile('hand/survey-matrix.csv'),
      nodes: formatFile('hand/survey-people.csv'),
    });
    expect(ids(matrix)).toEqual(['ana>ben:2', 'ana>cai:0.5', 'ben>ana:3', 'cai>ana:1']);
    expect(matrix.waves[0]?.wave).toBe('Wave 1');
    for (const [format, path] of [
      ['graphml', 'hand/care-team.graphml'],
      ['gexf', 'hand/care-team.gexf'],
    ] as const) {
      const network = await call('network.import', {
        projectId: project.id,
        name: format,
        format,
        edges: formatFile(path),
        directed: false,
      });
      expect(network.directed).toBe(true);
      expect(ids(network)).toEqual(['ana>ben:2.5', 'ana>cai:0.5', 'ben>ana:3', 'cai>ana:1']);
    }
    const karate = await call('network.import', {
      projectId: project.id,
      name: 'Karate',
      format: 'graphml',
      edges: formatFile('networkx/karate.graphml'),
    });
    expect(karate).toMatchObject({ directed: false });
    expect(
      (
        await refusal('network.import', {
          projectId: project.id,
          name: 'x',
          format: 'graphml',
          edges: formatFile('networkx/karate.graphml'),
          nodes: formatFile('hand/survey-people.csv'),
        })
      ).message,
    ).toMatch(/carries its own people/);
    const broken = await refusal('network.import', {
      projectId: project.id,
      name: 'x',
      format: 'gexf',
      edges: {
        fileName: 'x.gexf',
        text: '<gexf><graph defaultedgetype="directed"><nodes><node id="a"/></nodes>\n<edges><edge id="0" source="a" target="b"/></edges></graph></gexf>',
      },
    });
    expect(broken.message).toMatch(
      /^Nothing was imported: the files have a problem\.\nx\.gexf line 2, attribute target: "b" is not in x\.gexf's nodes$/,
    );
    workspace.close();
  });

  it('refuses a project that does not exist before reading the files', async () => {
    const { workspace, refusal } = setUp();
    const error = await refusal('network.import', {
      projectId: '00000000-0000-4000-8000-000000000000',
      name: 'x',
      format: 'csv',
      edges: { fileName: 'e.csv', text: '' },
    });
    expect(error.code).toBe('not-found');
    workspace.close();
  });
});

describe('waves, names and exports', () => {
  async function sample() {
    const context = setUp();
    const network = await context.call('network.import', {
      projectId: context.project.id,
      name: 'Support',
      format: 'csv',
      edges: sampleFile('edges-before.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'before',
    });
    return { ...context, network };
  }

  it('adds a wave with the people of the last one when no node file is given, and names who is unknown', async () => {
    const { workspace, network, call, refusal } = await sample();
    const grown = await call('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      wave: 'after',
    });
    expect(grown.waves.map((wave) => [wave.wave, wave.people.length, wave.ties.length])).toEqual([
      ['before', 100, 434],
      ['after', 100, 588],
    ]);
    expect(grown.waves[1]?.people[0]?.attributes['name']).toBe('Maya Okafor');
    const unknown = await refusal('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: { fileName: 'later.csv', text: 'source,target\np001,p999\n' },
      wave: 'later',
    });
    expect(unknown.message).toContain('give a node file to add people');
    expect(unknown.message).toContain(
      'later.csv row 2, column target: "p999" is not in the people of wave "after"',
    );
    expect(
      (
        await refusal('network.addWave', {
          id: network.id,
          format: 'csv',
          edges: sampleFile('edges-after.csv'),
          wave: 'After',
        })
      ).code,
    ).toBe('conflict');
    const undirected = await refusal('network.addWave', {
      id: network.id,
      format: 'graphml',
      edges: formatFile('networkx/karate.graphml'),
    });
    expect(undirected.message).toMatch(/declares its ties undirected, but this network's are directed/);
    expect((await call('network.get', { id: network.id })).waves).toHaveLength(2);
    workspace.close();
  });

  it('renames a network and a wave, deletes a wave (not the last) and the network', async () => {
    const { workspace, project, network, call, refusal } = await sample();
    expect((await call('network.rename', { id: network.id, name: 'Ties' })).name).toBe('Ties');
    const before = network.waves[0];
    if (before === undefined) throw new Error('no wave');
    expect((await call('network.renameWave', { id: before.id, wave: 'T0' })).waves[0]?.wave).toBe('T0');
    expect((await refusal('network.deleteWave', { id: before.id })).code).toBe('conflict');
    const grown = await call('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      wave: 'after',
    });
    expect((await call('network.deleteWave', { id: before.id })).waves.map((wave) => wave.wave)).toEqual([
      'after',
    ]);
    expect(grown.waves).toHaveLength(2);
    expect(await call('network.delete', { id: network.id })).toEqual({ id: network.id });
    expect(await call('network.list', { projectId: project.id })).toEqual([]);
    expect((await refusal('network.get', { id: network.id })).code).toBe('not-found');
    workspace.close();
  });

  it.each(['csv', 'graphml', 'gexf'] as const)(
    'exports a wave as %s that imports back as the same wave',
    async (format) => {
      const { workspace, project, network, call } = await sample();
      const { files } = await call('network.export', { id: network.id, format });
      expect(files.map((file) => file.fileName)).toEqual(
        format === 'csv'
          ? ['Support - before - edges.csv', 'Support - before - people.csv']
          : [`Support - before.${format}`],
      );
      const [edges, nodes] = files;
      if (edges === undefined) throw new Error('no file');
      const back = await call('network.import', {
        projectId: project.id,
        name: 'Back',
        format,
        edges: { fileName: edges.fileName, text: edges.text },
        ...(nodes === undefined ? {} : { nodes: { fileName: nodes.fileName, text: nodes.text } }),
        wave: 'before',
      });
      expect(back.waves[0]?.people).toEqual(network.waves[0]?.people);
      expect(back.waves[0]?.ties).toEqual(network.waves[0]?.ties);
      workspace.close();
    },
  );
});
