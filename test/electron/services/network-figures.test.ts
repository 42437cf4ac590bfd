/**
 * What a network offers to the Dynamics model through links.figures: every wave's whole-graph figures with
 * plain labels, the latest wave's under `latest.` (following a new wave), and the values of
 * model/network/compare.ts's graphFigures, which the view shows too.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkableFigure } from '../../../electron/api/contract';
import { seedSampleNetwork, SAMPLE_NETWORK_NAME } from '../../../electron/services/network-samples';
import { graphFigures } from '../../../model/network/compare';
import { graphOfTies } from '../../../model/network/formats';
import { setUpHandlers } from './handlers-support';

const SAMPLE_DATA = resolve(import.meta.dirname, '../../../sample-data');
const sampleFile = (name: string) => ({
  fileName: name,
  text: readFileSync(join(SAMPLE_DATA, 'network', name), 'utf8'),
});

const setUp = () => setUpHandlers({ projectName: 'Care' });

const byFigure = (figures: readonly LinkableFigure[]) =>
  new Map(
    figures.filter((figure) => figure.instrument === 'network').map((figure) => [figure.figure, figure]),
  );

describe('network figures for the Dynamics model', () => {
  it('offers each wave and the latest, labelled plainly, with the values the view computes', async () => {
    const { workspace, project, call } = setUp();
    const network = seedSampleNetwork(workspace, project.id, SAMPLE_DATA);
    if (network === undefined) throw new Error('the sample network is missing');
    expect(network.name).toBe(SAMPLE_NETWORK_NAME);
    const figures = byFigure(await call('links.figures', { projectId: project.id }));
    const keys = [
      'density',
      'reciprocity',
      'transitivity',
      'averageClustering',
      'meanInStrength',
      'oneWayShare',
      'modularity',
      'crossTeamShare',
    ];
    expect([...figures.keys()]).toEqual(
      ['before', 'after', 'latest'].flatMap((wave) => keys.map((key) => `${wave}.${key}`)),
    );
    const reciprocity = figures.get('after.reciprocity');
    expect(reciprocity).toMatchObject({
      documentId: network.id,
      documentName: SAMPLE_NETWORK_NAME,
      label: 'Reciprocity: share of ties that are returned (wave after)',
      units: 'share (0-1)',
    });
    expect(figures.get('latest.reciprocity')?.label).toBe(
      'Reciprocity: share of ties that are returned (latest wave, now after)',
    );
    for (const [index, wave] of network.waves.entries()) {
      const expected = graphFigures(graphOfTies({ ...wave, directed: true }));
      for (const key of keys) {
        expect(figures.get(`${wave.wave}.${key}`)?.value, `${wave.wave}.${key}`).toBe(
          expected[key as keyof typeof expected],
        );
        if (index === network.waves.length - 1)
          expect(figures.get(`latest.${key}`)?.value).toBe(expected[key as keyof typeof expected]);
      }
    }
    workspace.close();
  });

  it('the latest figures follow a new wave, so a scenario bound to them re-runs with it', async () => {
    const { workspace, project, call } = setUp();
    const network = await call('network.import', {
      projectId: project.id,
      name: 'Support',
      format: 'csv',
      edges: sampleFile('edges-before.csv'),
      nodes: sampleFile('nodes.csv'),
      wave: 'before',
    });
    const first = byFigure(await call('links.figures', { projectId: project.id })).get(
      'latest.reciprocity',
    )?.value;
    await call('network.addWave', {
      id: network.id,
      format: 'csv',
      edges: sampleFile('edges-after.csv'),
      wave: 'after',
    });
    const second = byFigure(await call('links.figures', { projectId: project.id })).get(
      'latest.reciprocity',
    )?.value;
    expect(first).toBeCloseTo(0.553, 3);
    expect(second).toBeCloseTo(0.867, 3);
    workspace.close();
  });

  it('leaves out what cannot apply to undirected ties, and gives null for what the data leave undefined', async () => {
    const { workspace, project, call } = setUp();
    await call('network.import', {
      projectId: project.id,
      name: 'Pairs',
      format: 'csv',
      directed: false,
      edges: { fileName: 'e.csv', text: 'source,target\na,b\nb,c\n' },
      wave: 'only',
    });
    const figures = byFigure(await call('links.figures', { projectId: project.id }));
    expect(figures.has('only.reciprocity')).toBe(false);
    expect(figures.has('only.oneWayShare')).toBe(false);
    expect(figures.get('only.density')?.value).toBeCloseTo(2 / 3, 12);
    // No team attribute: the share of cross-team ties is undefined.
    expect(figures.get('only.crossTeamShare')?.value).toBeNull();
    workspace.close();
  });
});
