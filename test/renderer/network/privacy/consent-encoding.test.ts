/**
 * What the Graph tab and a story's network page draw under the network's people-data settings (issue 11), on a
 * hand-made graph: with consent the colour and size asked for and names; without, team or community colours, one
 * size for all, small teams pooled and team labels only for teams of at least the minimum group size.
 */
import { describe, expect, it } from 'vitest';
import type { ColorBy } from '../../../../renderer/src/network/graph/encoding';
import { computeNetworkMetrics, type NetworkGraph } from '../../../../model/network';
import {
  consentedEncoding,
  consentedLabels,
  poolGroupsBelow,
} from '../../../../renderer/src/network/privacy/consent-encoding';
import { fourPeople } from '../four-people';

/** a -> b (3), b -> a (1), b -> c (5), d alone; teams X (a, b), Y (c), none (d). */
const teams = fourPeople;
const noTeams: NetworkGraph = {
  ...teams,
  nodes: teams.nodes.map(({ id }) => ({ id, attributes: {} })),
};
const metrics = await computeNetworkMetrics(teams);
const metricsWithoutTeams = await computeNetworkMetrics(noTeams);

/** What a story's network page asks for: its colour, sized by brokerage. */
const page = (colorBy: ColorBy) => ({ colorBy, sizeBy: 'betweennessWeighted' as const });

describe('consentedEncoding', () => {
  it('with consent, colours by the figure asked for and sizes by brokerage', () => {
    expect(consentedEncoding(metrics, page('betweenness'), true)).toEqual({
      colorBy: 'betweenness',
      sizeBy: 'betweennessWeighted',
    });
  });

  it('without consent, falls back to teams and one size for everyone', () => {
    expect(consentedEncoding(metrics, page('betweenness'), false)).toEqual({
      colorBy: 'team',
      sizeBy: 'uniform',
    });
    expect(consentedEncoding(metrics, page('community'), false)).toEqual({
      colorBy: 'community',
      sizeBy: 'uniform',
    });
  });

  it('colours by community where the people have no teams', () => {
    expect(consentedEncoding(metricsWithoutTeams, page('team'), true).colorBy).toBe('community');
    expect(consentedEncoding(metricsWithoutTeams, page('pagerank'), false).colorBy).toBe('community');
  });

  it('draws one size and the colour asked for until the figures are in', () => {
    expect(consentedEncoding(null, page('community'), true)).toEqual({
      colorBy: 'community',
      sizeBy: 'uniform',
    });
  });

  it("keeps the Graph tab's choice of one size, or of a figure with consent", () => {
    expect(consentedEncoding(metrics, { colorBy: 'team', sizeBy: 'uniform' }, true)).toEqual({
      colorBy: 'team',
      sizeBy: 'uniform',
    });
    expect(consentedEncoding(metrics, { colorBy: 'pagerank', sizeBy: 'inDegree' }, true)).toEqual({
      colorBy: 'pagerank',
      sizeBy: 'inDegree',
    });
    expect(consentedEncoding(metrics, { colorBy: 'pagerank', sizeBy: 'inDegree' }, false)).toEqual({
      colorBy: 'team',
      sizeBy: 'uniform',
    });
  });
});

describe('poolGroupsBelow', () => {
  it('pools small teams only without consent', () => {
    expect(poolGroupsBelow({ individualConsent: true, minGroupSize: 3 })).toBeUndefined();
    expect(poolGroupsBelow({ individualConsent: false, minGroupSize: 3 })).toBe(3);
  });
});

describe('consentedLabels', () => {
  it('names people only with consent', () => {
    expect(consentedLabels(teams, { individualConsent: true, minGroupSize: 3 })).toEqual([
      'Ana',
      'Bo',
      'Cy',
      'Di',
    ]);
  });

  it('without consent, labels by a team of at least the minimum group size, else nothing', () => {
    expect(consentedLabels(teams, { individualConsent: false, minGroupSize: 2 })).toEqual(['X', 'X', '', '']);
    expect(consentedLabels(teams, { individualConsent: false, minGroupSize: 3 })).toEqual(['', '', '', '']);
  });
});
