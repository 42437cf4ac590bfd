/**
 * Wave comparison: the whole-graph figures against networkx's reference values (test/fixtures/network), the
 * modularity the metrics run finds, team figures worked by hand and by law, and people or teams present in one
 * wave only listed rather than dropped.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWaves, graphFigures, teamSummaries, type WaveSnapshot } from '../../../model/network/compare';
import { computeNetworkMetrics, type NetworkGraph } from '../../../model/network';
import { FIXTURES, referenceGraph } from './reference-fixtures';

interface ExpectedGraph {
  readonly density: number;
  readonly reciprocity: number | null;
  readonly transitivity: number;
  readonly average_clustering: number;
  readonly one_way_edges?: number;
  readonly n_edges: number;
  readonly isolates: readonly string[];
}
const expectedGraph = (name: string): ExpectedGraph =>
  JSON.parse(readFileSync(resolve(FIXTURES, name, 'expected_graph.json'), 'utf8')) as ExpectedGraph;

const person = (id: string, team: string) => ({ id, attributes: { team } });

async function snapshot(wave: string, graph: NetworkGraph): Promise<WaveSnapshot> {
  return { wave, graph, metrics: await computeNetworkMetrics(graph) };
}

describe('graph figures', () => {
  it.each([
    ['empathy_toy_directed', true],
    ['karate', false],
    ['florentine', false],
  ] as const)(
    '%s: density, reciprocity, transitivity and clustering as networkx 2.8.8',
    async (name, directed) => {
      const graph = referenceGraph(name, directed);
      const expected = expectedGraph(name);
      const figures = graphFigures(graph);
      expect(figures.density).toBeCloseTo(expected.density, 12);
      expect(figures.transitivity).toBeCloseTo(expected.transitivity, 12);
      expect(figures.averageClustering).toBeCloseTo(expected.average_clustering, 12);
      if (expected.reciprocity === null) expect(figures.reciprocity).toBeNaN();
      else expect(figures.reciprocity).toBeCloseTo(expected.reciprocity, 12);
      if (expected.one_way_edges !== undefined)
        expect(figures.oneWayShare).toBeCloseTo(expected.one_way_edges / expected.n_edges, 12);
      expect(figures.isolates).toBe(expected.isolates.length);
      // The same seeded Louvain run as the metrics, so the view and the Dynamics link agree.
      const metrics = await computeNetworkMetrics(graph);
      expect(figures.modularity).toBe(metrics.graph.modularity);
      expect(figures.communities).toBe(metrics.graph.communities);
    },
  );

  it('mean support received and the share of cross-team ties, by hand', () => {
    const graph: NetworkGraph = {
      directed: true,
      weighted: true,
      nodes: [person('a', 'X'), person('b', 'X'), person('c', 'Y'), { id: 'd', attributes: {} }],
      edges: [
        { source: 0, target: 1, weight: 2 },
        { source: 1, target: 2, weight: 3 },
        { source: 2, target: 3, weight: 5 },
      ],
    };
    const figures = graphFigures(graph);
    expect(figures.meanInStrength).toBe(10 / 4);
    // c -> d does not count: d has no team.
    expect(figures.crossTeamShare).toBe(1 / 2);
    expect(figures.oneWayShare).toBe(1);
    const undirected = graphFigures({ ...graph, directed: false });
    expect(undirected.meanInStrength).toBe(20 / 4);
    expect(undirected.oneWayShare).toBeNaN();
  });
});

describe('team summaries', () => {
  const graph: NetworkGraph = {
    directed: true,
    weighted: true,
    nodes: [person('a', 'X'), person('b', 'X'), person('c', 'X'), person('d', 'Y'), person('e', '')],
    edges: [
      { source: 0, target: 1, weight: 1 },
      { source: 1, target: 0, weight: 2 },
      { source: 2, target: 3, weight: 4 },
      { source: 3, target: 4, weight: 1 },
    ],
  };

  it('ties within, out and in, density within, support received per member, by hand', () => {
    const { teams, hidden } = teamSummaries(graph, null);
    expect(hidden).toBe(0);
    expect(teams.map((team) => team.team)).toEqual(['X', 'Y']);
    expect(teams[0]).toMatchObject({
      team: 'X',
      people: 3,
      tiesWithin: 2,
      tiesOut: 1,
      tiesIn: 0,
      outsideShare: 1 / 3,
      densityWithin: 2 / 6,
      meanInStrength: 3 / 3,
    });
    expect(teams[1]).toMatchObject({
      team: 'Y',
      people: 1,
      tiesWithin: 0,
      tiesOut: 1,
      tiesIn: 1,
      outsideShare: 1,
    });
    expect(teams[1]?.densityWithin).toBeNaN();
  });

  it('an undirected tie across teams is one tie of each team', () => {
    const { teams } = teamSummaries({ ...graph, directed: false, edges: graph.edges.slice(1) }, null);
    expect(teams[0]).toMatchObject({ team: 'X', tiesWithin: 1, tiesOut: 1, tiesIn: 1, outsideShare: 1 / 2 });
  });

  it('teams under the minimum group size are hidden and counted', () => {
    const { teams, hidden } = teamSummaries(graph, null, { minimumGroupSize: 2 });
    expect(teams.map((team) => team.team)).toEqual(['X']);
    expect(hidden).toBe(1);
  });

  it('law: every tie between two people with a team is within one team or across two', () => {
    const toy = referenceGraph('empathy_toy_directed', true);
    const { teams } = teamSummaries(toy, null);
    const within = teams.reduce((sum, team) => sum + team.tiesWithin, 0);
    const out = teams.reduce((sum, team) => sum + team.tiesOut, 0);
    const into = teams.reduce((sum, team) => sum + team.tiesIn, 0);
    expect(out).toBe(into);
    expect(within + out).toBe(toy.edges.length);
    expect(teams.reduce((sum, team) => sum + team.people, 0)).toBe(toy.nodes.length);
  });
});

describe('compareWaves', () => {
  const before: NetworkGraph = {
    directed: true,
    weighted: true,
    nodes: [person('a', 'X'), person('b', 'X'), person('c', 'Y'), person('gone', 'Old')],
    edges: [
      { source: 0, target: 1, weight: 1 },
      { source: 1, target: 2, weight: 1 },
      { source: 3, target: 0, weight: 1 },
    ],
  };
  const after: NetworkGraph = {
    directed: true,
    weighted: true,
    nodes: [person('a', 'X'), person('b', 'X'), person('c', 'X'), person('new', 'Y')],
    edges: [
      { source: 0, target: 1, weight: 1 },
      { source: 1, target: 0, weight: 1 },
      { source: 2, target: 3, weight: 2 },
      { source: 3, target: 2, weight: 2 },
    ],
  };

  it('lists people and teams of one wave only, with the wave they are in', async () => {
    const comparison = compareWaves(await snapshot('before', before), await snapshot('after', after));
    expect(comparison).toMatchObject({ before: 'before', after: 'after', hiddenTeams: 0 });
    const presence = Object.fromEntries(comparison.people.map((change) => [change.id, change.presence]));
    expect(presence).toEqual({ a: 'both', b: 'both', c: 'both', new: 'after only', gone: 'before only' });
    const gone = comparison.people.find((change) => change.id === 'gone');
    expect(gone?.after).toBeNull();
    expect(gone?.before?.outDegree).toBe(1);
    // A person's team is the later wave's.
    expect(comparison.people.find((change) => change.id === 'c')?.team).toBe('X');
    const teams = Object.fromEntries(comparison.teams.map((change) => [change.team, change.presence]));
    expect(teams).toEqual({ X: 'both', Y: 'both', Old: 'before only' });
  });

  it('graph-level change is after minus before, for every figure', async () => {
    const comparison = compareWaves(await snapshot('before', before), await snapshot('after', after));
    const figure = (key: string) => comparison.graph.find((change) => change.key === key);
    expect(figure('reciprocity')).toMatchObject({ before: 0, after: 1, change: 1 });
    expect(figure('ties')).toMatchObject({ before: 3, after: 4, change: 1 });
    expect(figure('meanInStrength')).toMatchObject({ before: 3 / 4, after: 6 / 4, change: 3 / 4 });
    for (const change of comparison.graph)
      if (Number.isFinite(change.before) && Number.isFinite(change.after))
        expect(change.change).toBe(change.after - change.before);
  });

  it('per-person metrics are the metrics of each wave', async () => {
    const earlier = await snapshot('before', before);
    const later = await snapshot('after', after);
    const a = compareWaves(earlier, later).people.find((change) => change.id === 'a');
    expect(a?.before?.inStrength).toBe(earlier.metrics.node.inStrength[0]);
    expect(a?.after?.reciprocity).toBe(later.metrics.node.reciprocity[0]);
  });
});
