/**
 * Laws the metrics must obey on any graph (checked on seeded random graphs, directed and undirected):
 * PageRank sums to 1, eigenvector has unit L2 norm, clustering and reciprocity lie in [0, 1], modularity in
 * [-1/2, 1] (Brandes et al., "On modularity clustering", IEEE TKDE 20(2), 2008, lemma 3.1) and is 0 for the
 * one-community partition, and with all weights 1 the weighted paths are the unweighted ones.
 */
import { describe, expect, it } from 'vitest';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  buildAdjacency,
  computeNetworkMetrics,
  computePathSums,
  normalizedBetweenness,
  pathLengths,
  shortestPathTask,
  type NetworkGraph,
} from '../../../model/network';
import { closenessCentrality } from '../../../model/network/closeness';
import { louvainCommunities, modularity } from '../../../model/network/louvain';
import { randomGraph } from './random-graph';

const GRAPHS: readonly { label: string; graph: NetworkGraph }[] = [
  { label: 'directed 60/300', graph: randomGraph(60, 300, 7, true) },
  { label: 'undirected 60/150', graph: randomGraph(60, 150, 8, false) },
  { label: 'sparse directed 40/45 (isolates)', graph: randomGraph(40, 45, 9, true) },
];

const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);

describe.each(GRAPHS)('$label', ({ graph }) => {
  it('PageRank sums to 1, weighted or not', async () => {
    const metrics = await computeNetworkMetrics(graph);
    expect(sum(metrics.node.pagerank)).toBeCloseTo(1, 12);
    expect(sum(metrics.node.pagerankWeighted)).toBeCloseTo(1, 12);
  });

  it('eigenvector has unit norm when undirected, and is absent when directed', async () => {
    const metrics = await computeNetworkMetrics(graph);
    const squares = metrics.node.eigenvector.map((value) => value * value);
    if (graph.directed) expect(Array.from(metrics.node.eigenvector).every(Number.isNaN)).toBe(true);
    else expect(sum(squares)).toBeCloseTo(1, 10);
  });

  it('clustering, reciprocity and normalized betweenness lie in [0, 1]', async () => {
    const metrics = await computeNetworkMetrics(graph);
    for (const field of ['clustering', 'reciprocity', 'betweenness', 'betweennessWeighted'] as const)
      for (const value of metrics.node[field])
        if (!Number.isNaN(value)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
  });

  it('modularity lies in [-1/2, 1] for random partitions and is 0 for one community', () => {
    const generator = xoroshiro128plus(42);
    for (let trial = 0; trial < 20; trial++) {
      const parts = uniformInt(generator, 1, 8);
      const partition = graph.nodes.map(() => uniformInt(generator, 0, parts - 1));
      const q = modularity(graph, partition, { weighted: true });
      expect(q).toBeGreaterThanOrEqual(-0.5);
      expect(q).toBeLessThanOrEqual(1);
    }
    expect(modularity(graph, new Int32Array(graph.nodes.length), { weighted: true })).toBeCloseTo(0, 14);
  });

  it('Louvain is the same for the same seed and better than one community', () => {
    const first = louvainCommunities(graph, { seed: 3 });
    const again = louvainCommunities(graph, { seed: 3 });
    expect(Array.from(again.community)).toEqual(Array.from(first.community));
    expect(first.modularity).toBeGreaterThan(0);
    expect(first.modularity).toBeCloseTo(modularity(graph, first.community, { weighted: true }), 14);
  });

  it('a higher resolution gives at least as many communities', () => {
    const coarse = louvainCommunities(graph, { seed: 1, resolution: 0.5 });
    const fine = louvainCommunities(graph, { seed: 1, resolution: 2 });
    expect(fine.count).toBeGreaterThanOrEqual(coarse.count);
  });

  it('with every weight equal, the shared hop pass gives what the weighted kernel gives', async () => {
    const two = { ...graph, edges: graph.edges.map((edge) => ({ ...edge, weight: 2 })) };
    const metrics = await computeNetworkMetrics(two);
    const adjacency = buildAdjacency(two);
    const lengths = pathLengths(adjacency, 'inverse-weight');
    const sums = computePathSums(shortestPathTask(adjacency, lengths), { from: 0, to: adjacency.order });
    const betweenness = normalizedBetweenness(sums);
    metrics.node.betweennessWeighted.forEach((value, node) =>
      expect(value).toBeCloseTo(betweenness[node] ?? Number.NaN, 14),
    );
    const closeness = closenessCentrality(sums, lengths.unit);
    metrics.node.closenessWeighted.forEach((value, node) =>
      expect(value).toBeCloseTo(closeness[node] ?? Number.NaN, 14),
    );
  });

  it('with every weight 1, weighted paths are the hop paths', async () => {
    const unit = { ...graph, edges: graph.edges.map((edge) => ({ ...edge, weight: 1 })) };
    const metrics = await computeNetworkMetrics(unit);
    expect(Array.from(metrics.node.betweennessWeighted)).toEqual(Array.from(metrics.node.betweenness));
    expect(Array.from(metrics.node.closenessWeighted)).toEqual(Array.from(metrics.node.closeness));
  });
});
