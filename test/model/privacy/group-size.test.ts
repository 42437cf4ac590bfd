/**
 * The minimum group size (issue 11, point 2): the floor of 3, the note, and the rule applied to network team
 * figures, survey subscale means and KPI breakdowns alike.
 */
import { describe, expect, it } from 'vitest';
import { computeNetworkMetrics } from '../../../model/network';
import { compareWaves, teamSummaries } from '../../../model/network/compare';
import {
  MIN_GROUP_SIZE_DEFAULT,
  MIN_GROUP_SIZE_FLOOR,
  checkMinGroupSize,
  hideSmallGroups,
} from '../../../model/privacy';
import { sampleWave } from './sample-organization';

describe('the threshold', () => {
  it('defaults to 5 and is never below 3', () => {
    expect(MIN_GROUP_SIZE_DEFAULT).toBe(5);
    expect(MIN_GROUP_SIZE_FLOOR).toBe(3);
    expect(checkMinGroupSize(3)).toBe(3);
    expect(() => checkMinGroupSize(2)).toThrow(/cannot be below 3 \(got 2\)/);
    expect(() => checkMinGroupSize(4.5)).toThrow(/whole number/);
  });
});

describe('hideSmallGroups', () => {
  it('keeps groups of at least the threshold and says how many were hidden and why', () => {
    const subscaleMeans = [
      { team: 'Care', respondents: 12, mean: 3.4 },
      { team: 'Finance', respondents: 4, mean: 2.9 },
    ];
    const result = hideSmallGroups(subscaleMeans, (group) => group.respondents, 5);
    expect(result.kept.map((group) => group.team)).toEqual(['Care']);
    expect(result.hidden).toBe(1);
    expect(result.note).toBe(
      '1 team with fewer than 5 people is hidden, so no one in it can be singled out.',
    );
  });

  it('counts in the plural and names other groups', () => {
    const kpi = [{ size: 1 }, { size: 2 }, { size: 9 }];
    expect(hideSmallGroups(kpi, (group) => group.size, 3, 'department').note).toBe(
      '2 departments with fewer than 3 people are hidden, so no one in them can be singled out.',
    );
    expect(hideSmallGroups(kpi, (group) => group.size, 1).note).toBeNull();
  });
});

describe('team figures of the sample organization', () => {
  // Finance has 10 people: cut to 4, it is a small team in the first wave.
  const before = sampleWave('before');
  let kept = 0;
  const small = {
    ...before,
    nodes: before.nodes.map((node) =>
      node.attributes['team'] === 'Finance' && kept++ >= 4
        ? { ...node, attributes: { ...node.attributes, team: 'Operations' } }
        : node,
    ),
  };

  it('hide a team under 5 people, with the note', () => {
    const summaries = teamSummaries(small, null, { minimumGroupSize: MIN_GROUP_SIZE_DEFAULT });
    expect(summaries.teams.map((team) => team.team)).not.toContain('Finance');
    expect(summaries.teams).toHaveLength(5);
    expect(summaries.hidden).toBe(1);
    expect(summaries.note).toBe(
      '1 team with fewer than 5 people is hidden, so no one in it can be singled out.',
    );
  });

  it('in the wave comparison too', async () => {
    const after = sampleWave('after');
    const comparison = compareWaves(
      { wave: 'before', graph: small, metrics: await computeNetworkMetrics(small) },
      { wave: 'after', graph: after, metrics: await computeNetworkMetrics(after) },
      { minimumGroupSize: MIN_GROUP_SIZE_DEFAULT },
    );
    expect(comparison.hiddenTeams).toBe(1);
    expect(comparison.hiddenTeamsNote).toMatch(/^1 team with fewer than 5 people is hidden/);
    // Finance has 10 people after, but shown alone it would read as a new team beside a hidden one.
    expect(comparison.teams.map((team) => team.team)).not.toContain('Finance');
    expect(comparison.teams).toHaveLength(5);
    expect(comparison.people).toHaveLength(100);
  });

  it('without consent, the comparison holds no person', async () => {
    const after = sampleWave('after');
    const snapshot = { wave: 'after', graph: after, metrics: await computeNetworkMetrics(after) };
    const comparison = compareWaves(snapshot, snapshot, { individuals: false });
    expect(comparison.people).toEqual([]);
    expect(comparison.teams).toHaveLength(6);
  });
});
