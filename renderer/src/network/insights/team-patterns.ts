/**
 * Patterns of teams the model's insights (model/network/insights.ts) leave to the view: the team whose ties
 * stay inside it far more than the others' (a silo). Said as a pattern of ties, never as a judgement of the
 * team's people. Team figures come from teamSummaries, the one place they are aggregated.
 */
import { teamSummaries } from '../../../../model/network/compare';
import type { NetworkGraph, NetworkMetrics } from '../../../../model/network';

export interface TeamPattern {
  readonly kind: 'silo';
  readonly team: string;
  readonly text: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The silo: the team with the smallest share of ties reaching other teams, when that share is under half the
 * median share of the other teams (and there are at least three teams to compare with). Teams smaller than
 * `minimumGroupSize` are not compared.
 */
export function teamPatterns(
  graph: NetworkGraph,
  metrics: NetworkMetrics,
  minimumGroupSize = 1,
): TeamPattern[] {
  // Teams under the network's minimum group size are left out, as from every team figure (issue 11).
  const teams = teamSummaries(graph, metrics, { minimumGroupSize }).teams.filter((team) =>
    Number.isFinite(team.outsideShare),
  );
  if (teams.length < 3) return [];
  const sorted = [...teams].sort((a, b) => a.outsideShare - b.outsideShare);
  const [inward, ...others] = sorted;
  if (inward === undefined || others.length === 0) return [];
  const middle = others.length >> 1;
  const median =
    others.length % 2 === 1
      ? (others[middle]?.outsideShare ?? 0)
      : ((others[middle - 1]?.outsideShare ?? 0) + (others[middle]?.outsideShare ?? 0)) / 2;
  if (!(inward.outsideShare < median / 2)) return [];
  const low = others[0]?.outsideShare ?? 0;
  const high = others[others.length - 1]?.outsideShare ?? 0;
  return [
    {
      kind: 'silo',
      team: inward.team,
      text:
        `${inward.team} works as a silo: ${percent(inward.outsideShare)} of its ties reach another team, ` +
        `against ${percent(low)} to ${percent(high)} for the other teams. Inside, ${percent(inward.densityWithin)} ` +
        'of the possible ties between its members are recorded.',
    },
  ];
}
