/**
 * Insights in plain words on the reference toy organization (3 teams, an isolate, someone who only gives,
 * someone who only receives): each pattern is found, named with the people and teams it concerns, and
 * worded about positions and recorded ties, never as a judgement of a person.
 */
import { describe, expect, it } from 'vitest';
import { computeNetworkMetrics, networkInsights, type Insight } from '../../../model/network';
import { referenceGraph } from './reference-fixtures';

const graph = referenceGraph('empathy_toy_directed', true);
const metrics = await computeNetworkMetrics(graph);
const insights = networkInsights(graph, metrics);
const ofKind = (kind: Insight['kind']) => insights.filter((insight) => insight.kind === kind);

describe('insights on the toy organization', () => {
  it('names brokers: high weighted betweenness, constraint below the median, bridging teams', () => {
    const brokers = ofKind('broker');
    expect(brokers.length).toBeGreaterThan(0);
    expect(brokers.length).toBeLessThanOrEqual(3);
    const constraints = Array.from(metrics.node.constraintWeighted)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const median = ((constraints[12] ?? 0) + (constraints[13] ?? 0)) / 2;
    for (const broker of brokers) {
      const node = metrics.ids.indexOf(broker.nodes[0] ?? '');
      expect(metrics.node.constraintWeighted[node]).toBeLessThan(median);
      expect(broker.teams.length).toBeGreaterThanOrEqual(2);
      expect(broker.text).toMatch(/^p\d\d connects the .+ teams: \d+% of the shortest support paths/);
    }
    // The brokers are the top of the weighted betweenness ranking among low-constraint people.
    const top = metrics.ids.indexOf(brokers[0]?.nodes[0] ?? '');
    expect(metrics.node.betweennessWeighted[top]).toBe(
      Math.max(
        ...brokers.map(
          (broker) => metrics.node.betweennessWeighted[metrics.ids.indexOf(broker.nodes[0] ?? '')] ?? 0,
        ),
      ),
    );
  });

  it('names the isolated person, who only gives and who only receives', () => {
    expect(ofKind('isolated')).toEqual([
      {
        kind: 'isolated',
        text: 'p24 has no recorded support tie, given or received.',
        nodes: ['p24'],
        teams: [],
      },
    ]);
    expect(ofKind('only-gives').map((insight) => insight.text)).toEqual([
      'p25 gives support to 3 people, and no support to p25 is recorded.',
    ]);
    expect(ofKind('only-receives').map((insight) => insight.nodes)).toEqual([['p26']]);
  });

  it('counts one-way relationships as the reference does (70 of 116)', () => {
    const [oneWay] = ofKind('one-way');
    expect(oneWay?.text).toMatch(
      /^70 of 116 ties are recorded in one direction only \(60%\); the strongest: /,
    );
  });

  it('finds the teams that give more support across team lines than they receive', () => {
    const given = new Map<string, number>();
    const received = new Map<string, number>();
    for (const edge of graph.edges) {
      const from = graph.nodes[edge.source]?.attributes['team'] ?? '';
      const to = graph.nodes[edge.target]?.attributes['team'] ?? '';
      if (from === to) continue;
      given.set(from, (given.get(from) ?? 0) + edge.weight);
      received.set(to, (received.get(to) ?? 0) + edge.weight);
    }
    const expected = [...given.keys()].filter((team) => (given.get(team) ?? 0) > (received.get(team) ?? 0));
    expect(
      ofKind('team-balance')
        .flatMap((insight) => insight.teams)
        .sort(),
    ).toEqual(expected.sort());
  });

  it('lists the ties bridging each pair of teams', () => {
    const bridges = ofKind('team-bridge');
    expect(bridges.map((insight) => insight.teams)).toEqual([
      ['Sales', 'Eng'],
      ['Sales', 'Support'],
      ['Eng', 'Support'],
    ]);
    expect(bridges[0]?.text).toMatch(/^12 ties bridge Sales and Eng: .+ and 7 more\.$/);
  });

  it('says when two teams have no tie at all, and names a single bridge', () => {
    const cut = {
      ...graph,
      edges: graph.edges.filter((edge) => {
        const teams = [edge.source, edge.target].map((node) => graph.nodes[node]?.attributes['team']).sort();
        return (
          !(teams[0] === 'Eng' && teams[1] === 'Support') &&
          !(teams[0] === 'Sales' && teams[1] === 'Support' && !(edge.source === 3 && edge.target === 17))
        );
      }),
    };
    const found = networkInsights(cut, metrics);
    expect(
      found.filter((insight) => insight.kind === 'teams-unlinked').map((insight) => insight.text),
    ).toEqual(['No support tie is recorded between Eng and Support.']);
    expect(
      found.find((insight) => insight.kind === 'team-bridge' && insight.teams.includes('Support'))?.text,
    ).toMatch(/^The only tie between Sales and Support is p03 -> p17\.$/);
  });

  it('never words a finding as a judgement of a person', () => {
    for (const insight of insights)
      expect(insight.text).not.toMatch(/empath|\blow\b|poor|bad|lazy|selfish|fail|weak|uncaring|cold/i);
  });
});
