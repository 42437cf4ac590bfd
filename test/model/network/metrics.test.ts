/**
 * computeNetworkMetrics against the peer-tool reference (networkx 2.8.8, cross-checked with igraph; see
 * test/fixtures/network/SOURCE.md): every per-node column and whole-graph figure the reference has, on every
 * reference graph, at the tolerances its README lists (1e-9 betweenness, closeness, clustering, constraint;
 * 1e-8 PageRank; 1e-6 eigenvector; counts exactly).
 */
import { describe, expect, it } from 'vitest';
import { computeNetworkMetrics, type NetworkMetrics, type NodeMetricName } from '../../../model/network';
import { modularity, louvainCommunities } from '../../../model/network/louvain';
import {
  REFERENCE_GRAPHS,
  expectedColumns,
  expectedGraph,
  expectedIds,
  maxAbsoluteError,
  referenceGraph,
} from './reference-fixtures';

/** Reference column -> our field and the tolerance the reference README gives it. */
const COLUMNS: readonly { column: string; field: NodeMetricName; tolerance: number }[] = [
  { column: 'in_degree', field: 'inDegree', tolerance: 0 },
  { column: 'out_degree', field: 'outDegree', tolerance: 0 },
  { column: 'in_strength', field: 'inStrength', tolerance: 0 },
  { column: 'out_strength', field: 'outStrength', tolerance: 0 },
  { column: 'degree', field: 'degree', tolerance: 0 },
  { column: 'strength', field: 'strength', tolerance: 0 },
  { column: 'reciprocity', field: 'reciprocity', tolerance: 1e-9 },
  { column: 'betweenness', field: 'betweenness', tolerance: 1e-9 },
  { column: 'betweenness_w_inv', field: 'betweennessWeighted', tolerance: 1e-9 },
  { column: 'closeness', field: 'closeness', tolerance: 1e-9 },
  { column: 'closeness_w_inv', field: 'closenessWeighted', tolerance: 1e-9 },
  { column: 'harmonic', field: 'harmonic', tolerance: 1e-9 },
  { column: 'eigenvector', field: 'eigenvector', tolerance: 1e-6 },
  { column: 'eigenvector_w', field: 'eigenvectorWeighted', tolerance: 1e-6 },
  { column: 'pagerank', field: 'pagerank', tolerance: 1e-8 },
  { column: 'pagerank_w', field: 'pagerankWeighted', tolerance: 1e-8 },
  { column: 'clustering', field: 'clustering', tolerance: 1e-9 },
  { column: 'constraint', field: 'constraint', tolerance: 1e-9 },
  { column: 'constraint_w', field: 'constraintWeighted', tolerance: 1e-9 },
  { column: 'effective_size', field: 'effectiveSize', tolerance: 1e-9 },
];

const computed = new Map<string, Promise<NetworkMetrics>>();
function metricsOf(name: (typeof REFERENCE_GRAPHS)[number]['name'], directed: boolean) {
  const key = `${name} ${directed}`;
  let promise = computed.get(key);
  if (promise === undefined) {
    promise = computeNetworkMetrics(referenceGraph(name, directed));
    computed.set(key, promise);
  }
  return promise;
}

describe.each(REFERENCE_GRAPHS)('$name against networkx', ({ name, directed }) => {
  const expected = expectedColumns(name);
  const rows = COLUMNS.filter(({ column }) => expected.has(column));

  it('lists the people in the node table order', async () => {
    expect((await metricsOf(name, directed)).ids).toEqual(expectedIds(name));
  });

  it.each(rows)('$field matches $column within $tolerance', async ({ column, field, tolerance }) => {
    const metrics = await metricsOf(name, directed);
    expect(maxAbsoluteError(expected.get(column) ?? [], metrics.node[field])).toBeLessThanOrEqual(tolerance);
  });

  it('leaves out what does not apply: eigenvector when directed, in/out and reciprocity when undirected', async () => {
    const metrics = await metricsOf(name, directed);
    const absent: NodeMetricName[] = directed
      ? ['eigenvector', 'eigenvectorWeighted']
      : ['inDegree', 'outDegree', 'inStrength', 'outStrength', 'reciprocity'];
    for (const field of absent) expect(Array.from(metrics.node[field]).every(Number.isNaN)).toBe(true);
  });

  it('matches the whole-graph figures', async () => {
    const metrics = await metricsOf(name, directed);
    const reference = expectedGraph(name);
    expect(metrics.graph.density).toBeCloseTo(reference.density, 12);
    expect(metrics.graph.transitivity).toBeCloseTo(reference.transitivity, 12);
    expect(metrics.graph.averageClustering).toBeCloseTo(reference.average_clustering, 12);
    expect(metrics.graph.isolates).toEqual(reference.isolates);
    if (directed) {
      expect(metrics.graph.reciprocity).toBeCloseTo(reference.reciprocity ?? Number.NaN, 12);
      expect(metrics.graph.onlyGives).toEqual(reference.only_gives);
      expect(metrics.graph.onlyReceives).toEqual(reference.only_receives);
      expect(metrics.graph.oneWayEdges).toBe(reference.one_way_edges);
    } else {
      expect(reference.reciprocity).toBeNull();
      expect(metrics.graph.reciprocity).toBeNaN();
    }
  });

  it('gives the modularity of the reference partition exactly (modularity_check)', () => {
    const graph = referenceGraph(name, directed);
    const partition = expected.get('louvain_unweighted') ?? [];
    const check = expectedGraph(name).modularity_check;
    expect(modularity(graph, partition, { weighted: false })).toBeCloseTo(check.value, 14);
    expect(modularity(graph, partition, { weighted: true })).toBeCloseTo(
      check.value_weighted_same_partition,
      14,
    );
  });

  it('finds communities within 1% of the reference Louvain modularity, weighted and not', async () => {
    const graph = referenceGraph(name, directed);
    const reference = expectedGraph(name);
    const weighted = (await metricsOf(name, directed)).graph.modularity;
    expect(weighted).toBeGreaterThanOrEqual(reference.louvain_weighted.modularity * 0.99);
    const unweighted = louvainCommunities(graph, { seed: 1, weighted: false }).modularity;
    expect(unweighted).toBeGreaterThanOrEqual(reference.louvain_unweighted.modularity * 0.99);
  });
});

describe('weighted paths', () => {
  it('count tied 1/weight paths as ties: karate matches the exact column, not the float one', async () => {
    const metrics = await metricsOf('karate', false);
    const expected = expectedColumns('karate');
    const exact = expected.get('betweenness_w_inv') ?? [];
    const float = expected.get('betweenness_w_inv_float') ?? [];
    expect(maxAbsoluteError(exact, metrics.node.betweennessWeighted)).toBeLessThanOrEqual(1e-9);
    expect(maxAbsoluteError(float, metrics.node.betweennessWeighted)).toBeGreaterThan(1e-4);
    expect(metrics.exactWeightedPaths).toBe(true);
  });

  it('still match with weights no decimal scaling makes whole (the relative-tolerance fallback)', async () => {
    // Scaling every weight by pi scales every distance by 1/pi: same shortest paths, closeness times pi.
    const graph = referenceGraph('karate', false);
    const scaled = {
      ...graph,
      edges: graph.edges.map((edge) => ({ ...edge, weight: edge.weight * Math.PI })),
    };
    const metrics = await computeNetworkMetrics(scaled);
    const expected = expectedColumns('karate');
    expect(metrics.exactWeightedPaths).toBe(false);
    expect(
      maxAbsoluteError(expected.get('betweenness_w_inv') ?? [], metrics.node.betweennessWeighted),
    ).toBeLessThanOrEqual(1e-9);
    const closeness = (expected.get('closeness_w_inv') ?? []).map((value) => value * Math.PI);
    expect(maxAbsoluteError(closeness, metrics.node.closenessWeighted)).toBeLessThanOrEqual(1e-9);
  });
});
