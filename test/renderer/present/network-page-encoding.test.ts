/**
 * A network page under the network's people-data settings (issue 11), on a hand-made graph: with consent the
 * page's own colour, size by brokerage and names; without, team or community colours, one size for all and
 * team labels only for teams of at least the minimum group size.
 */
import { describe, expect, it } from 'vitest';
import { computeNetworkMetrics, type NetworkGraph } from '../../../model/network';
import { networkPageEncoding, networkPageLabels } from '../../../renderer/src/present/network-page-encoding';

/** a -> b (3), b -> a (1), b -> c (5), d alone; teams X (a, b), Y (c), none (d). */
const teams: NetworkGraph = {
  directed: true,
  weighted: true,
  nodes: [
    { id: 'a', attributes: { name: 'Ana', team: 'X' } },
    { id: 'b', attributes: { name: 'Bo', team: 'X' } },
    { id: 'c', attributes: { name: 'Cy', team: 'Y' } },
    { id: 'd', attributes: { name: 'Di' } },
  ],
  edges: [
    { source: 0, target: 1, weight: 3 },
    { source: 1, target: 0, weight: 1 },
    { source: 1, target: 2, weight: 5 },
  ],
};
const noTeams: NetworkGraph = {
  ...teams,
  nodes: teams.nodes.map(({ id }) => ({ id, attributes: {} })),
};
const metrics = await computeNetworkMetrics(teams);
const metricsWithoutTeams = await computeNetworkMetrics(noTeams);

describe('networkPageEncoding', () => {
  it('with consent, colours by the figure asked for and sizes by brokerage', () => {
    expect(networkPageEncoding(metrics, 'betweenness', true)).toEqual({
      colorBy: 'betweenness',
      sizeBy: 'betweennessWeighted',
    });
  });

  it('without consent, falls back to teams and one size for everyone', () => {
    expect(networkPageEncoding(metrics, 'betweenness', false)).toEqual({
      colorBy: 'team',
      sizeBy: 'uniform',
    });
    expect(networkPageEncoding(metrics, 'community', false)).toEqual({
      colorBy: 'community',
      sizeBy: 'uniform',
    });
  });

  it('colours by community where the people have no teams', () => {
    expect(networkPageEncoding(metricsWithoutTeams, 'team', true).colorBy).toBe('community');
    expect(networkPageEncoding(metricsWithoutTeams, 'pagerank', false).colorBy).toBe('community');
  });

  it('draws one size and the colour asked for until the figures are in', () => {
    expect(networkPageEncoding(null, 'community', true)).toEqual({ colorBy: 'community', sizeBy: 'uniform' });
  });
});

describe('networkPageLabels', () => {
  it('names people only with consent', () => {
    expect(networkPageLabels(teams, { individualConsent: true, minGroupSize: 3 })).toEqual([
      'Ana',
      'Bo',
      'Cy',
      'Di',
    ]);
  });

  it('without consent, labels by a team of at least the minimum group size, else nothing', () => {
    expect(networkPageLabels(teams, { individualConsent: false, minGroupSize: 2 })).toEqual([
      'X',
      'X',
      '',
      '',
    ]);
    expect(networkPageLabels(teams, { individualConsent: false, minGroupSize: 3 })).toEqual(['', '', '', '']);
  });
});
