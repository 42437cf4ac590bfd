/**
 * Plain-words findings from the metrics: brokers, isolated people, one-way relationships, people who only
 * give or only receive, teams that give more support than they receive, and the ties that bridge teams.
 *
 * Every sentence describes a position or a pattern in the recorded ties, never a trait of a person: the
 * data say who reported support to whom, not how empathetic anyone is (a later issue forbids labels such
 * as "low empathy"). "No tie recorded" is said rather than "gives no support".
 *
 * Brokers follow Burt's structural holes (Structural Holes, 1992, ch. 1): someone many shortest support
 * paths pass through (high betweenness, distance = 1/weight) whose contacts are not tied to each other
 * (low constraint). Thresholds: betweenness in the top tenth and above zero, constraint below the median.
 *
 * Issue 11, point 3: people are named only when the analysis is one whose participants agreed to individual
 * views (`individuals: true`, the network's `privacy.individualConsent`). Without it every finding speaks of
 * roles and patterns ("2 people broker between teams"), names no one and lists no one in `nodes`; team
 * findings about teams under the minimum group size are left out. No sentence uses a word of
 * model/privacy/judgement-words.ts (tested on the sample organization).
 */
import { hiddenGroupsNote } from '../privacy/group-size';
import type { NetworkGraph } from './graph';
import type { NetworkMetrics } from './metrics';

export type InsightKind =
  | 'broker'
  | 'isolated'
  | 'one-way'
  | 'only-gives'
  | 'only-receives'
  | 'team-balance'
  | 'team-bridge'
  | 'teams-unlinked'
  /** Team findings were left out for teams under the minimum group size (issue 11). */
  | 'small-teams-hidden';

export interface Insight {
  readonly kind: InsightKind;
  /** One or two sentences for the report and the UI. */
  readonly text: string;
  /** The people the finding is about (ids). */
  readonly nodes: readonly string[];
  /** The teams it is about. */
  readonly teams: readonly string[];
}

export interface InsightOptions {
  /** At most this many brokers are named (default 3). */
  readonly maxBrokers?: number;
  /** At most this many examples in a list (default 5). */
  readonly maxExamples?: number;
  /**
   * Whether findings may name people (default true, for the model's own use). Pass the network's
   * `privacy.individualConsent`: false gives counts of roles and patterns, with empty `nodes`.
   */
  readonly individuals?: boolean;
  /**
   * Team findings about teams with fewer people than this are left out (default 1: none). Pass the network's
   * `privacy.minGroupSize`.
   */
  readonly minimumGroupSize?: number;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const amount = (value: number): string => String(Number(value.toPrecision(3)));

/** "a", "a and b", "a, b and c". */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

function examples(ids: readonly string[], max: number): string {
  return ids.length <= max ? listWords(ids) : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

function median(values: readonly number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function brokers(graph: NetworkGraph, metrics: NetworkMetrics, max: number, individuals: boolean): Insight[] {
  const betweenness = metrics.node.betweennessWeighted;
  const constraint = metrics.node.constraintWeighted;
  const n = metrics.ids.length;
  const topTenth = Math.max(1, Math.ceil(n / 10));
  const ranked = Array.from({ length: n }, (_, node) => node)
    .filter((node) => (betweenness[node] as number) > 0)
    .sort((a, b) => (betweenness[b] as number) - (betweenness[a] as number))
    .slice(0, topTenth);
  const typicalConstraint = median(Array.from(constraint));
  const neighbourTeams = (node: number): Set<number> => {
    const found = new Set<number>();
    const team = metrics.teams?.index;
    if (team === undefined) return found;
    const own = team[node] as number;
    if (own >= 0) found.add(own);
    for (const edge of graph.edges) {
      const other = edge.source === node ? edge.target : edge.target === node ? edge.source : -1;
      if (other >= 0 && (team[other] as number) >= 0) found.add(team[other] as number);
    }
    return found;
  };
  const found = ranked.filter((node) => (constraint[node] as number) < typicalConstraint).slice(0, max);
  if (!individuals) {
    if (found.length === 0) return [];
    const who = found.length === 1 ? '1 person brokers' : `${found.length} people broker`;
    const teams = [...new Set(found.flatMap((node) => [...neighbourTeams(node)]))].map(
      (team) => metrics.teams?.names[team] ?? '',
    );
    const between = teams.length >= 2 ? ' between teams' : '';
    const them = found.length === 1 ? 'this person, whose' : 'them, whose';
    return [
      {
        kind: 'broker',
        text: `${who}${between}: many of the shortest support paths between other people pass through ${them} contacts are seldom tied to each other. Such a position carries a lot of the support that flows across the organization.`,
        nodes: [],
        teams: [],
      },
    ];
  }
  return found.map((node) => {
    const id = metrics.ids[node] ?? '';
    const teams = [...neighbourTeams(node)].map((team) => metrics.teams?.names[team] ?? '');
    const share = metrics.crossTeamShare?.[node];
    const contacts = `${id}'s contacts are seldom tied to each other (constraint ${amount(constraint[node] as number)})`;
    const text =
      teams.length >= 2 && share !== undefined && share > 0
        ? `${id} connects the ${listWords(teams)} teams: ${percent(share)} of the shortest support paths between people of different teams pass through ${id}, and ${contacts}.`
        : `${percent(betweenness[node] as number)} of the shortest support paths between other people pass through ${id}, and ${contacts}.`;
    return { kind: 'broker', text, nodes: [id], teams };
  });
}

function isolated(metrics: NetworkMetrics, max: number, individuals: boolean): Insight[] {
  const ids = metrics.graph.isolates;
  if (ids.length === 0) return [];
  if (!individuals)
    return [
      {
        kind: 'isolated',
        text: `${ids.length === 1 ? '1 person has' : `${ids.length} people have`} no recorded support tie, given or received.`,
        nodes: [],
        teams: [],
      },
    ];
  const text =
    ids.length === 1
      ? `${ids[0] ?? ''} has no recorded support tie, given or received.`
      : `${ids.length} people have no recorded support tie, given or received: ${examples(ids, max)}.`;
  return [{ kind: 'isolated', text, nodes: ids, teams: [] }];
}

function oneSided(metrics: NetworkMetrics, graph: NetworkGraph, individuals: boolean): Insight[] {
  if (!graph.directed) return [];
  const found: Insight[] = [];
  if (!individuals) {
    const gives = metrics.graph.onlyGives.length;
    const receives = metrics.graph.onlyReceives.length;
    if (gives > 0)
      found.push({
        kind: 'only-gives',
        text: `${gives === 1 ? '1 person gives' : `${gives} people give`} support to others with no support to them recorded.`,
        nodes: [],
        teams: [],
      });
    if (receives > 0)
      found.push({
        kind: 'only-receives',
        text: `${receives === 1 ? '1 person receives' : `${receives} people receive`} support with no support from them recorded.`,
        nodes: [],
        teams: [],
      });
    return found;
  }
  const index = new Map(metrics.ids.map((id, node) => [id, node]));
  for (const id of metrics.graph.onlyGives) {
    const count = metrics.node.outDegree[index.get(id) ?? -1] ?? 0;
    found.push({
      kind: 'only-gives',
      text: `${id} gives support to ${count} ${count === 1 ? 'person' : 'people'}, and no support to ${id} is recorded.`,
      nodes: [id],
      teams: [],
    });
  }
  for (const id of metrics.graph.onlyReceives) {
    const count = metrics.node.inDegree[index.get(id) ?? -1] ?? 0;
    found.push({
      kind: 'only-receives',
      text: `${id} receives support from ${count} ${count === 1 ? 'person' : 'people'}, and no support from ${id} is recorded.`,
      nodes: [id],
      teams: [],
    });
  }
  return found;
}

function oneWay(graph: NetworkGraph, metrics: NetworkMetrics, max: number, individuals: boolean): Insight[] {
  if (!graph.directed || graph.edges.length === 0) return [];
  const present = new Set(graph.edges.map((edge) => `${edge.source} ${edge.target}`));
  const single = graph.edges
    .filter((edge) => !present.has(`${edge.target} ${edge.source}`))
    .sort((a, b) => b.weight - a.weight);
  if (single.length === 0) return [];
  const counted = `${single.length} of ${graph.edges.length} ${single.length === 1 ? 'tie is' : 'ties are'} recorded in one direction only (${percent(single.length / graph.edges.length)})`;
  if (!individuals) return [{ kind: 'one-way', text: `${counted}.`, nodes: [], teams: [] }];
  const name = (node: number) => metrics.ids[node] ?? '';
  const shown = single.slice(0, max).map((edge) => `${name(edge.source)} -> ${name(edge.target)}`);
  return [
    {
      kind: 'one-way',
      text: `${counted}; the strongest: ${listWords(shown)}.`,
      nodes: [...new Set(single.slice(0, max).flatMap((edge) => [name(edge.source), name(edge.target)]))],
      teams: [],
    },
  ];
}

/** Support given to and received from other teams, per team, and the ties between each pair of teams. */
function teamFlows(
  graph: NetworkGraph,
  metrics: NetworkMetrics,
  max: number,
  individuals: boolean,
  minimumGroupSize: number,
): Insight[] {
  const teams = metrics.teams;
  if (teams === null) return [];
  const count = teams.names.length;
  const members = new Array<number>(count).fill(0);
  for (const team of teams.index) if (team >= 0) members[team] = (members[team] ?? 0) + 1;
  const shown = (team: number) => (members[team] ?? 0) >= minimumGroupSize;
  const given = new Float64Array(count);
  const received = new Float64Array(count);
  const between = new Map<string, { a: number; b: number; edges: number[] }>();
  graph.edges.forEach((edge, index) => {
    const from = teams.index[edge.source] as number;
    const to = teams.index[edge.target] as number;
    if (from < 0 || to < 0 || from === to) return;
    given[from] = (given[from] as number) + edge.weight;
    received[to] = (received[to] as number) + edge.weight;
    const key = `${Math.min(from, to)} ${Math.max(from, to)}`;
    const pair = between.get(key) ?? { a: Math.min(from, to), b: Math.max(from, to), edges: [] };
    pair.edges.push(index);
    between.set(key, pair);
  });
  const found: Insight[] = [];
  const teamName = (team: number) => teams.names[team] ?? '';
  if (graph.directed)
    for (let team = 0; team < count; team++) {
      const out = given[team] as number;
      const into = received[team] as number;
      if (out > into && shown(team))
        found.push({
          kind: 'team-balance',
          text: `${teamName(team)} gives more support to other teams than it receives from them (tie strength ${amount(out)} given, ${amount(into)} received).`,
          nodes: [],
          teams: [teamName(team)],
        });
    }
  const arrow = graph.directed ? '->' : '--';
  const person = (node: number) => metrics.ids[node] ?? '';
  for (let a = 0; a < count; a++)
    for (let b = a + 1; b < count; b++) {
      if (!shown(a) || !shown(b)) continue;
      const pair = between.get(`${a} ${b}`);
      const names = [teamName(a), teamName(b)];
      if (pair === undefined) {
        found.push({
          kind: 'teams-unlinked',
          text: `No support tie is recorded between ${names[0] ?? ''} and ${names[1] ?? ''}.`,
          nodes: [],
          teams: names,
        });
        continue;
      }
      const ties = pair.edges.map((index) => graph.edges[index]).filter((edge) => edge !== undefined);
      if (!individuals) {
        found.push({
          kind: 'team-bridge',
          text:
            ties.length === 1
              ? `One tie links ${names[0] ?? ''} and ${names[1] ?? ''}.`
              : `${ties.length} ties bridge ${names[0] ?? ''} and ${names[1] ?? ''}.`,
          nodes: [],
          teams: names,
        });
        continue;
      }
      const listed = ties.map((edge) => `${person(edge.source)} ${arrow} ${person(edge.target)}`);
      const text =
        ties.length === 1
          ? `The only tie between ${names[0] ?? ''} and ${names[1] ?? ''} is ${listed[0] ?? ''}.`
          : `${ties.length} ties bridge ${names[0] ?? ''} and ${names[1] ?? ''}: ${examples(listed, max)}.`;
      found.push({
        kind: 'team-bridge',
        text,
        nodes: [...new Set(ties.flatMap((edge) => [person(edge.source), person(edge.target)]))],
        teams: names,
      });
    }
  return found;
}

/** The findings, brokers first, then isolated people, one-sided and one-way ties, and team patterns. */
export function networkInsights(
  graph: NetworkGraph,
  metrics: NetworkMetrics,
  options: InsightOptions = {},
): Insight[] {
  const max = options.maxExamples ?? 5;
  const individuals = options.individuals ?? true;
  return [
    ...brokers(graph, metrics, options.maxBrokers ?? 3, individuals),
    ...isolated(metrics, max, individuals),
    ...oneSided(metrics, graph, individuals),
    ...oneWay(graph, metrics, max, individuals),
    ...teamFlows(graph, metrics, max, individuals, options.minimumGroupSize ?? 1),
    ...smallTeams(metrics, options.minimumGroupSize ?? 1),
  ];
}

/** The note that team findings about small teams were left out, as a finding of its own so every view shows it. */
function smallTeams(metrics: NetworkMetrics, minimumGroupSize: number): Insight[] {
  const teams = metrics.teams;
  if (teams === null) return [];
  const members = new Map<number, number>();
  for (const team of teams.index) if (team >= 0) members.set(team, (members.get(team) ?? 0) + 1);
  const hidden = [...members.values()].filter((size) => size < minimumGroupSize).length;
  const note = hiddenGroupsNote(hidden, minimumGroupSize);
  return note === null ? [] : [{ kind: 'small-teams-hidden', text: note, nodes: [], teams: [] }];
}
