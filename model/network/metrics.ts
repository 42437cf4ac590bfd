/**
 * Every network metric of the workbench in one call, with progress (fraction done) and cancellation, so a
 * Web Worker can run it behind a progress bar. Each metric lives in its own file with its source; this file
 * only orders them, shares the two shortest-path passes (hops, and distance = 1/weight) between
 * betweenness, closeness and harmonic centrality, and names the results as the CLI's JSON does.
 * A figure that does not apply (eigenvector on a directed graph, in/out on an undirected one, reciprocity
 * of a person with no tie) is NaN here and null in JSON.
 */
import { buildAdjacency, mutualTies } from './adjacency';
import { crossTeamShare, normalizedBetweenness, shortestPathTask } from './betweenness';
import { throwIfCancelled, type CancelSignal } from './cancel';
import { closenessCentrality, harmonicCentrality } from './closeness';
import { averageClustering, clusteringCoefficients, transitivity } from './clustering';
import { burtConstraint, effectiveSize } from './constraint';
import { degrees } from './degree';
import { eigenvector } from './eigenvector';
import { nodeAttribute, type NetworkGraph } from './graph';
import { flowSummary } from './graph-summary';
import { toGraphology, undirectedView } from './graphology-view';
import { louvainCommunities } from './louvain';
import { pageRank } from './pagerank';
import { pathLengths } from './path-lengths';
import { nodeReciprocity, overallReciprocity } from './reciprocity';
import { inProcessRunner, sumShortestPaths, type ShortestPathRunner } from './source-ranges';

/** The per-node figures, named as in the CLI's JSON, in its order. */
export const NODE_METRIC_NAMES = [
  'inDegree',
  'outDegree',
  'inStrength',
  'outStrength',
  'degree',
  'strength',
  'betweenness',
  'betweennessWeighted',
  'closeness',
  'closenessWeighted',
  'harmonic',
  'eigenvector',
  'eigenvectorWeighted',
  'pagerank',
  'pagerankWeighted',
  'clustering',
  'reciprocity',
  'constraint',
  'constraintWeighted',
  'effectiveSize',
] as const;
export type NodeMetricName = (typeof NODE_METRIC_NAMES)[number];

export const DEFAULT_LOUVAIN_SEED = 1;

export interface NetworkMetricsOptions {
  /** Seed of the Louvain run (default 1). */
  readonly seed?: number;
  /** Louvain resolution (default 1). */
  readonly resolution?: number;
  /** The node attribute naming a person's team (default `team`), for cross-team paths and insights. */
  readonly teamAttribute?: string;
  /** Where the shortest-path ranges run (default: this thread). */
  readonly runner?: ShortestPathRunner;
  readonly signal?: CancelSignal;
}

export interface GraphMetrics {
  readonly density: number;
  /** NaN when undirected. */
  readonly reciprocity: number;
  readonly transitivity: number;
  readonly averageClustering: number;
  /** Modularity of the Louvain communities (weighted, undirected view). */
  readonly modularity: number;
  readonly communities: number;
  readonly isolates: readonly string[];
  /** Empty when undirected (the JSON says null). */
  readonly onlyGives: readonly string[];
  readonly onlyReceives: readonly string[];
  /** NaN when undirected. */
  readonly oneWayEdges: number;
}

export interface NetworkMetrics {
  readonly directed: boolean;
  readonly ids: readonly string[];
  readonly node: Readonly<Record<NodeMetricName, Float64Array>>;
  readonly community: Int32Array;
  readonly graph: GraphMetrics;
  /** Team index per node (-1 none) and the team names, when the team attribute is present. */
  readonly teams: { readonly index: Int32Array; readonly names: readonly string[] } | null;
  /** Per node, the share of shortest support paths between people of different teams through it. */
  readonly crossTeamShare: Float64Array | null;
  /** True when weighted path lengths were compared exactly (path-lengths.ts), false for the float fallback. */
  readonly exactWeightedPaths: boolean;
}

function teamIndex(graph: NetworkGraph, attribute: string): NetworkMetrics['teams'] {
  const names: string[] = [];
  const lookup = new Map<string, number>();
  const index = Int32Array.from(graph.nodes, (node) => {
    const team = nodeAttribute(node, attribute)?.trim() ?? '';
    if (team === '') return -1;
    let found = lookup.get(team);
    if (found === undefined) {
      found = names.length;
      names.push(team);
      lookup.set(team, found);
    }
    return found;
  });
  return names.length === 0 ? null : { index, names };
}

/** The weight all edges share, or undefined when they differ. */
function commonWeight(graph: NetworkGraph): number | undefined {
  const first = graph.edges[0]?.weight;
  return graph.edges.every((edge) => edge.weight === first) ? first : undefined;
}

const notApplicable = (n: number): Float64Array => new Float64Array(n).fill(Number.NaN);

/**
 * Computes every metric. `onProgress` receives the fraction done (0..1), at least once per range of
 * sources in the shortest-path passes, which take most of the time on large graphs.
 */
export async function computeNetworkMetrics(
  graph: NetworkGraph,
  options: NetworkMetricsOptions = {},
  onProgress?: (fraction: number) => void,
): Promise<NetworkMetrics> {
  const { signal } = options;
  const runner = options.runner ?? inProcessRunner;
  const n = graph.nodes.length;
  const adjacency = buildAdjacency(graph);
  const teams = teamIndex(graph, options.teamAttribute ?? 'team');
  // Progress never goes back (phase shares are added in floating point: 0.4 + 0.45 > 0.85).
  let reported = 0;
  const report = (fraction: number) => {
    reported = Math.max(reported, Math.min(1, fraction));
    onProgress?.(reported);
  };

  // Two path passes take ~85% of the time; when every weight is equal the hop pass serves both.
  const uniform = commonWeight(graph);
  const hopTask = shortestPathTask(
    adjacency,
    pathLengths(adjacency, 'hops'),
    uniform === undefined ? null : (teams?.index ?? null),
  );
  const hopShare = uniform === undefined ? 0.4 : 0.85;
  const hops = await sumShortestPaths(hopTask, runner, (done) => report(done * hopShare), signal);
  const inverse = pathLengths(adjacency, 'inverse-weight');
  const weighted =
    uniform === undefined
      ? await sumShortestPaths(
          shortestPathTask(adjacency, inverse, teams?.index ?? null),
          runner,
          (done) => report(0.4 + done * 0.45),
          signal,
        )
      : hops;
  const weightedUnit = uniform === undefined ? inverse.unit : 1 / uniform;
  report(0.85);

  throwIfCancelled(signal);
  const degree = degrees(adjacency);
  const clustering = clusteringCoefficients(adjacency);
  const constraint = burtConstraint(adjacency, mutualTies(adjacency, true));
  const constraintWeighted = burtConstraint(adjacency, mutualTies(adjacency, false));
  const effective = effectiveSize(adjacency, mutualTies(adjacency, true), !graph.directed);
  report(0.9);
  throwIfCancelled(signal);
  // One graphology graph for PageRank and eigenvector, one undirected view (the same when undirected) for Louvain.
  const view = toGraphology(graph);
  const pagerank = pageRank(graph, false, view);
  const pagerankWeighted = pageRank(graph, true, view);
  const eigen = eigenvector(graph, false, view);
  const eigenWeighted = eigenvector(graph, true, view);
  report(0.95);
  throwIfCancelled(signal);
  const communities = louvainCommunities(graph, {
    seed: options.seed ?? DEFAULT_LOUVAIN_SEED,
    resolution: options.resolution ?? 1,
    weighted: true,
    view: graph.directed ? undirectedView(graph) : view,
  });
  const flows = flowSummary(adjacency, degree);
  const ids = graph.nodes.map((node) => node.id);
  const names = (indices: readonly number[]) => indices.map((index) => ids[index] ?? '');
  const directedOnly = (values: Float64Array) => (graph.directed ? values : notApplicable(n));

  const node: Record<NodeMetricName, Float64Array> = {
    inDegree: directedOnly(degree.inDegree),
    outDegree: directedOnly(degree.outDegree),
    inStrength: directedOnly(degree.inStrength),
    outStrength: directedOnly(degree.outStrength),
    degree: degree.degree,
    strength: degree.strength,
    betweenness: normalizedBetweenness(hops),
    betweennessWeighted: normalizedBetweenness(weighted),
    closeness: closenessCentrality(hops, 1),
    closenessWeighted: closenessCentrality(weighted, weightedUnit),
    harmonic: harmonicCentrality(hops, 1),
    eigenvector: eigen,
    eigenvectorWeighted: eigenWeighted,
    pagerank,
    pagerankWeighted,
    clustering,
    reciprocity: directedOnly(nodeReciprocity(adjacency)),
    constraint,
    constraintWeighted,
    effectiveSize: effective,
  };
  report(1);
  return {
    directed: graph.directed,
    ids,
    node,
    community: communities.community,
    graph: {
      density: flows.density,
      reciprocity: graph.directed ? overallReciprocity(adjacency) : Number.NaN,
      transitivity: transitivity(adjacency),
      averageClustering: averageClustering(clustering),
      modularity: communities.modularity,
      communities: communities.count,
      isolates: names(flows.isolates),
      onlyGives: names(flows.onlyGives),
      onlyReceives: names(flows.onlyReceives),
      oneWayEdges: graph.directed ? flows.oneWayEdges : Number.NaN,
    },
    teams,
    crossTeamShare: crossTeamShare(weighted),
    exactWeightedPaths: uniform !== undefined || inverse.tieTolerance === 0,
  };
}
