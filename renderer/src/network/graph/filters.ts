/**
 * Which people and ties the graph shows: the teams chosen, ties at least as strong as a threshold, people
 * whose figure on one metric lies in a range. A tie shows only when both its people do. Pure, so the view and
 * a test agree on what a filter hides.
 */
import type { NetworkGraph, NetworkMetrics, NodeMetricName } from '../../../../model/network';

export interface GraphFilter {
  /** The teams shown; null shows everyone, with or without a team. */
  readonly teams: ReadonlySet<string> | null;
  /** Ties weaker than this are hidden. */
  readonly minWeight: number;
  /** People whose figure on `metric` is outside [low, high] are hidden (none when null). */
  readonly metricRange: {
    readonly metric: NodeMetricName;
    readonly low: number;
    readonly high: number;
  } | null;
}

export const NO_FILTER: GraphFilter = { teams: null, minWeight: 0, metricRange: null };

export interface Visible {
  /** 1 when shown, per person. */
  readonly nodes: Uint8Array;
  /** 1 when shown, per tie. */
  readonly edges: Uint8Array;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

export function visibleElements(graph: NetworkGraph, metrics: NetworkMetrics, filter: GraphFilter): Visible {
  const nodes = new Uint8Array(graph.nodes.length);
  const teamNames = metrics.teams?.names ?? [];
  const teamIndex = metrics.teams?.index;
  const range = filter.metricRange;
  const values = range === null ? null : metrics.node[range.metric];
  let nodeCount = 0;
  for (let node = 0; node < nodes.length; node++) {
    if (filter.teams !== null) {
      const team = teamNames[teamIndex?.[node] ?? -1];
      if (team === undefined || !filter.teams.has(team)) continue;
    }
    if (range !== null && values !== null) {
      const value = values[node] as number;
      // A figure that does not apply (NaN) cannot be in a range.
      if (!(value >= range.low && value <= range.high)) continue;
    }
    nodes[node] = 1;
    nodeCount++;
  }
  const edges = new Uint8Array(graph.edges.length);
  let edgeCount = 0;
  graph.edges.forEach((edge, index) => {
    if (nodes[edge.source] === 1 && nodes[edge.target] === 1 && edge.weight >= filter.minWeight) {
      edges[index] = 1;
      edgeCount++;
    }
  });
  return { nodes, edges, nodeCount, edgeCount };
}
