/**
 * Organizational network analysis: import and validation of edge lists and node tables, every metric of
 * the workbench (computeNetworkMetrics), plain-words insights, and the shortest-path kernel that hosts run
 * in threads. See each file for its sources.
 */
export type { NetworkEdge, NetworkGraph, NetworkNode } from './graph';
export { nodeAttribute } from './graph';
export {
  DUPLICATE_RULES,
  describeProblem,
  importNetwork,
  type CsvTable,
  type DuplicateRule,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './import';
export { NetworkMetricsCancelled, type CancelSignal } from './cancel';
export {
  DEFAULT_LOUVAIN_SEED,
  NODE_METRIC_NAMES,
  computeNetworkMetrics,
  type GraphMetrics,
  type NetworkMetrics,
  type NetworkMetricsOptions,
  type NodeMetricName,
} from './metrics';
export { networkInsights, type Insight, type InsightKind, type InsightOptions } from './insights';
export {
  computePathSums,
  pathSumArrays,
  pathSumsFromArrays,
  type PathSums,
  type ShortestPathTask,
  type SourceRange,
} from './shortest-path-sums';
export {
  inProcessRunner,
  planSourceRanges,
  sumShortestPaths,
  type ShortestPathRunner,
} from './source-ranges';
export { buildAdjacency, type Adjacency } from './adjacency';
export { pathLengths, type PathDistance, type PathLengths } from './path-lengths';
export { normalizedBetweenness, shortestPathTask } from './betweenness';
