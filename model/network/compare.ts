/**
 * Two survey waves of one organization compared (issue 6, point 5: before and after a programme): the
 * graph-level figures of each wave and their change, each team's figures and their change, and each person's
 * metrics and their change. People are matched by id; someone present in one wave only is listed with the wave
 * they are in, never dropped, and so is a team.
 *
 * The graph-level figures are computed here from the graph alone (no shortest paths), synchronously, so the
 * Dynamics link (electron/services/network-figures.ts) and the view give the same numbers: density, reciprocity,
 * transitivity and average clustering as networkx 2.8.8 defines them (see graph-summary.ts, reciprocity.ts,
 * clustering.ts), the modularity of the seeded Louvain communities that computeNetworkMetrics finds
 * (louvain.ts, same seed, resolution and undirected view), and plain sums of tie strength.
 *
 * Team figures are aggregated in this one place (teamSummaries), so the minimum group size of issue 11
 * (model/privacy/group-size.ts: teams under the threshold hidden, with a note saying so) holds for every view
 * and export that takes its team figures from here.
 */
import { hiddenGroupsNote, hideSmallGroups } from '../privacy/group-size';
import { buildAdjacency } from './adjacency';
import { averageClustering, clusteringCoefficients, transitivity } from './clustering';
import { degrees } from './degree';
import { nodeAttribute, type NetworkGraph } from './graph';
import { flowSummary } from './graph-summary';
import { louvainCommunities } from './louvain';
import { DEFAULT_LOUVAIN_SEED, NODE_METRIC_NAMES, type NetworkMetrics, type NodeMetricName } from './metrics';
import { overallReciprocity } from './reciprocity';

/** The whole-graph figures of one wave. NaN where a figure does not apply (reciprocity of an undirected graph). */
export interface GraphFigures {
  readonly people: number;
  readonly ties: number;
  readonly density: number;
  readonly reciprocity: number;
  readonly transitivity: number;
  readonly averageClustering: number;
  /** Support received per person: total tie strength / people (each end of an undirected tie receives it). */
  readonly meanInStrength: number;
  /** Ties recorded in one direction only, as a share of all ties (directed only). */
  readonly oneWayShare: number;
  readonly modularity: number;
  readonly communities: number;
  /** Ties between people of different teams, as a share of the ties between people who both have a team. */
  readonly crossTeamShare: number;
  readonly isolates: number;
}

export type GraphFigureKey = Exclude<keyof GraphFigures, 'people' | 'ties' | 'communities' | 'isolates'>;

/** What each figure is called where a person reads it, and what it measures. */
export const GRAPH_FIGURES: readonly {
  readonly key: GraphFigureKey;
  readonly label: string;
  readonly meaning: string;
  readonly units: string;
}[] = [
  {
    key: 'density',
    label: 'Density',
    meaning: 'share of all possible ties that are recorded',
    units: 'share (0-1)',
  },
  {
    key: 'reciprocity',
    label: 'Reciprocity',
    meaning: 'share of ties that are returned',
    units: 'share (0-1)',
  },
  {
    key: 'transitivity',
    label: 'Transitivity',
    meaning: 'share of connected triples that close into triangles',
    units: 'share (0-1)',
  },
  {
    key: 'averageClustering',
    label: 'Average clustering',
    meaning: "how often a person's contacts also support each other, averaged over people",
    units: 'share (0-1)',
  },
  {
    key: 'meanInStrength',
    label: 'Mean support received',
    meaning: 'tie strength received per person (mean in-strength)',
    units: 'tie strength per person',
  },
  { key: 'oneWayShare', label: 'One-way ties', meaning: 'share of ties not returned', units: 'share (0-1)' },
  {
    key: 'modularity',
    label: 'Modularity',
    meaning: 'how strongly people group into communities (Louvain)',
    units: 'index (-0.5 to 1)',
  },
  {
    key: 'crossTeamShare',
    label: 'Cross-team ties',
    meaning: 'share of ties between people of different teams',
    units: 'share (0-1)',
  },
];

export interface FigureOptions {
  /** The node attribute naming teams (default `team`). */
  readonly teamAttribute?: string;
  /** Louvain seed (default DEFAULT_LOUVAIN_SEED, as computeNetworkMetrics). */
  readonly seed?: number;
  readonly resolution?: number;
}

const teamOf =
  (graph: NetworkGraph, attribute: string) =>
  (node: number): string =>
    nodeAttribute(graph.nodes[node] ?? { id: '', attributes: {} }, attribute)?.trim() ?? '';

/** The whole-graph figures of one wave, from the graph alone (see the top of this file). */
export function graphFigures(graph: NetworkGraph, options: FigureOptions = {}): GraphFigures {
  const n = graph.nodes.length;
  const adjacency = buildAdjacency(graph);
  const degree = degrees(adjacency);
  const flows = flowSummary(adjacency, degree);
  const communities = louvainCommunities(graph, {
    seed: options.seed ?? DEFAULT_LOUVAIN_SEED,
    resolution: options.resolution ?? 1,
    weighted: true,
  });
  const team = teamOf(graph, options.teamAttribute ?? 'team');
  let totalWeight = 0;
  let teamed = 0;
  let crossing = 0;
  for (const edge of graph.edges) {
    totalWeight += edge.weight;
    const from = team(edge.source);
    const to = team(edge.target);
    if (from === '' || to === '') continue;
    teamed++;
    if (from !== to) crossing++;
  }
  const ties = graph.edges.length;
  return {
    people: n,
    ties,
    density: flows.density,
    reciprocity: graph.directed ? overallReciprocity(adjacency) : Number.NaN,
    transitivity: transitivity(adjacency),
    averageClustering: averageClustering(clusteringCoefficients(adjacency)),
    meanInStrength: n === 0 ? Number.NaN : ((graph.directed ? 1 : 2) * totalWeight) / n,
    oneWayShare: graph.directed && ties > 0 ? flows.oneWayEdges / ties : Number.NaN,
    modularity: communities.modularity,
    communities: communities.count,
    crossTeamShare: teamed === 0 ? Number.NaN : crossing / teamed,
    isolates: flows.isolates.length,
  };
}

/** One team's figures in one wave. */
export interface TeamSummary {
  readonly team: string;
  readonly people: number;
  /** Ties with both ends in the team. */
  readonly tiesWithin: number;
  /** Ties from the team to people of other teams (each end of an undirected tie counts as both). */
  readonly tiesOut: number;
  readonly tiesIn: number;
  /** Share of the team's ties that reach outside it (out and in over all its ties); NaN without ties. */
  readonly outsideShare: number;
  /** Ties within the team as a share of the possible ones. */
  readonly densityWithin: number;
  /** Tie strength received per member. */
  readonly meanInStrength: number;
  /** Mean weighted betweenness of the members, when metrics are given (else NaN). */
  readonly meanBetweenness: number;
}

export interface TeamSummaryOptions {
  readonly teamAttribute?: string;
  /**
   * Teams with fewer people than this are left out of the list, counted in `hidden` and named in `note`
   * (default 1: every team shows, for the model's own tests). Views and exports pass the network's setting
   * (`NetworkDocument.privacy.minGroupSize`, default MIN_GROUP_SIZE_DEFAULT = 5, never below 3).
   */
  readonly minimumGroupSize?: number;
}

/** The teams shown, how many were hidden, and the sentence saying so (null when none was). */
export interface TeamSummaries {
  readonly teams: readonly TeamSummary[];
  readonly hidden: number;
  readonly note: string | null;
}

/** Every team's figures (people without a team are not a team), largest team first, then by name. */
export function teamSummaries(
  graph: NetworkGraph,
  metrics: NetworkMetrics | null,
  options: TeamSummaryOptions = {},
): TeamSummaries {
  const team = teamOf(graph, options.teamAttribute ?? 'team');
  interface Tally {
    people: number;
    within: number;
    out: number;
    into: number;
    received: number;
    betweenness: number;
  }
  const tallies = new Map<string, Tally>();
  const tally = (name: string): Tally => {
    let found = tallies.get(name);
    if (found === undefined) {
      found = { people: 0, within: 0, out: 0, into: 0, received: 0, betweenness: 0 };
      tallies.set(name, found);
    }
    return found;
  };
  graph.nodes.forEach((_node, index) => {
    const name = team(index);
    if (name === '') return;
    const entry = tally(name);
    entry.people++;
    entry.betweenness += metrics?.node.betweennessWeighted[index] ?? Number.NaN;
  });
  for (const edge of graph.edges) {
    const ends = graph.directed
      ? [[edge.source, edge.target]]
      : [
          [edge.source, edge.target],
          [edge.target, edge.source],
        ];
    for (const [from = 0, to = 0] of ends) {
      const giver = team(from);
      const receiver = team(to);
      if (receiver !== '') tally(receiver).received += edge.weight;
      if (giver !== '' && giver === receiver) {
        if (graph.directed || from < to) tally(giver).within++;
      } else {
        if (giver !== '') tally(giver).out++;
        if (receiver !== '') tally(receiver).into++;
      }
    }
  }
  const shown = hideSmallGroups(tallies, ([, entry]) => entry.people, options.minimumGroupSize ?? 1);
  const teams = shown.kept.map(([name, entry]): TeamSummary => {
    const pairs = (entry.people * (entry.people - 1)) / (graph.directed ? 1 : 2);
    // An undirected tie across teams was counted once out and once in: it is one tie of the team.
    const outside = graph.directed ? entry.out + entry.into : entry.out;
    const all = entry.within + outside;
    return {
      team: name,
      people: entry.people,
      tiesWithin: entry.within,
      tiesOut: entry.out,
      tiesIn: entry.into,
      outsideShare: all === 0 ? Number.NaN : outside / all,
      densityWithin: pairs === 0 ? Number.NaN : entry.within / pairs,
      meanInStrength: entry.received / entry.people,
      meanBetweenness: metrics === null ? Number.NaN : entry.betweenness / entry.people,
    };
  });
  teams.sort((a, b) => b.people - a.people || a.team.localeCompare(b.team));
  return { teams, hidden: shown.hidden, note: shown.note };
}

/** One wave as the comparison needs it. */
export interface WaveSnapshot {
  readonly wave: string;
  readonly graph: NetworkGraph;
  readonly metrics: NetworkMetrics;
}

export interface FigureChange {
  readonly key: GraphFigureKey | 'people' | 'ties' | 'communities' | 'isolates';
  readonly before: number;
  readonly after: number;
  /** after - before (NaN when either is). */
  readonly change: number;
}

export type Presence = 'both' | 'before only' | 'after only';

export interface TeamChange {
  readonly team: string;
  readonly presence: Presence;
  readonly before: TeamSummary | null;
  readonly after: TeamSummary | null;
}

export type PersonMetrics = Readonly<Record<NodeMetricName, number>>;

export interface PersonChange {
  readonly id: string;
  /** The team in the later wave, else in the earlier one ('' for none). */
  readonly team: string;
  readonly presence: Presence;
  readonly before: PersonMetrics | null;
  readonly after: PersonMetrics | null;
}

export interface WaveComparison {
  readonly before: string;
  readonly after: string;
  readonly graph: readonly FigureChange[];
  readonly teams: readonly TeamChange[];
  /** Teams hidden by the minimum group size in either wave (left out of `teams` for both). */
  readonly hiddenTeams: number;
  /** The sentence saying teams were hidden and why (null when none was), for the view and exports. */
  readonly hiddenTeamsNote: string | null;
  /** Each person's change; empty when `individuals` is false (no consent to individual views). */
  readonly people: readonly PersonChange[];
}

export interface ComparisonOptions extends FigureOptions, TeamSummaryOptions {
  /**
   * Whether per-person changes are computed (default true). Pass the network's `privacy.individualConsent`:
   * without consent, the comparison speaks of the whole network and its teams only (issue 11, point 3).
   */
  readonly individuals?: boolean;
}

function personMetrics(metrics: NetworkMetrics, node: number): PersonMetrics {
  const values = {} as Record<NodeMetricName, number>;
  for (const name of NODE_METRIC_NAMES) values[name] = metrics.node[name][node] ?? Number.NaN;
  return values;
}

const presence = (before: boolean, after: boolean): Presence =>
  before && after ? 'both' : before ? 'before only' : 'after only';

/** The comparison of two waves (see the top of this file). */
export function compareWaves(
  before: WaveSnapshot,
  after: WaveSnapshot,
  options: ComparisonOptions = {},
): WaveComparison {
  const figuresBefore = graphFigures(before.graph, options);
  const figuresAfter = graphFigures(after.graph, options);
  const keys = [
    'people',
    'ties',
    ...GRAPH_FIGURES.map((figure) => figure.key),
    'communities',
    'isolates',
  ] as const;
  const graph = keys.map((key): FigureChange => ({
    key,
    before: figuresBefore[key],
    after: figuresAfter[key],
    change: figuresAfter[key] - figuresBefore[key],
  }));

  const teamsBefore = teamSummaries(before.graph, before.metrics, options);
  const teamsAfter = teamSummaries(after.graph, after.metrics, options);
  // A team hidden in either wave is left out of both: shown in one wave only, it would read as a team that
  // appeared or vanished, and its figures beside the hidden ones would tell how its few members changed.
  const namesIn = (wave: WaveSnapshot) =>
    new Set(
      wave.graph.nodes.map((_node, index) => teamOf(wave.graph, options.teamAttribute ?? 'team')(index)),
    );
  const shownBefore = new Set(teamsBefore.teams.map((summary) => summary.team));
  const shownAfter = new Set(teamsAfter.teams.map((summary) => summary.team));
  const hiddenNames = new Set(
    [
      ...[...namesIn(before)].filter((team) => !shownBefore.has(team)),
      ...[...namesIn(after)].filter((team) => !shownAfter.has(team)),
    ].filter((team) => team !== ''),
  );
  const teamNames = [
    ...new Set([...teamsAfter.teams, ...teamsBefore.teams].map((summary) => summary.team)),
  ].filter((team) => !hiddenNames.has(team));
  const teams = teamNames.map((team): TeamChange => {
    const earlier = teamsBefore.teams.find((summary) => summary.team === team) ?? null;
    const later = teamsAfter.teams.find((summary) => summary.team === team) ?? null;
    return { team, presence: presence(earlier !== null, later !== null), before: earlier, after: later };
  });

  const attribute = options.teamAttribute ?? 'team';
  const indexBefore = new Map(before.graph.nodes.map((node, index) => [node.id, index]));
  const indexAfter = new Map(after.graph.nodes.map((node, index) => [node.id, index]));
  const ids = [...new Set([...indexAfter.keys(), ...indexBefore.keys()])];
  const people = (options.individuals === false ? [] : ids).map((id): PersonChange => {
    const earlier = indexBefore.get(id);
    const later = indexAfter.get(id);
    const team =
      (later === undefined ? '' : teamOf(after.graph, attribute)(later)) ||
      (earlier === undefined ? '' : teamOf(before.graph, attribute)(earlier));
    return {
      id,
      team,
      presence: presence(earlier !== undefined, later !== undefined),
      before: earlier === undefined ? null : personMetrics(before.metrics, earlier),
      after: later === undefined ? null : personMetrics(after.metrics, later),
    };
  });
  return {
    before: before.wave,
    after: after.wave,
    graph,
    teams,
    hiddenTeams: hiddenNames.size,
    hiddenTeamsNote: hiddenGroupsNote(hiddenNames.size, options.minimumGroupSize ?? 1),
    people,
  };
}
