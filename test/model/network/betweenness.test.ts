/**
 * The shortest-path kernel on random_directed_2000 (20,000 edges, weights used as distances) against
 * python-igraph's betweenness (cross-checked with networkx), weighted and not, at 1e-9; and the three ways
 * the kernel can order a weighted search (Dial's buckets, the exact heap, the tolerant heap) agree.
 */
import { describe, expect, it } from 'vitest';
import {
  buildAdjacency,
  computePathSums,
  normalizedBetweenness,
  pathLengths,
  shortestPathTask,
  type PathLengths,
} from '../../../model/network';
import { FLOAT_TIE_TOLERANCE } from '../../../model/network/path-lengths';
import { MAX_BUCKETS } from '../../../model/network/shortest-path-sums';
import { expectedColumns, expectedIds, maxAbsoluteError, referenceGraph } from './reference-fixtures';

const graph = referenceGraph('random_directed_2000', true);
const adjacency = buildAdjacency(graph);
const expected = expectedColumns('random_directed_2000', 'expected_betweenness.csv');

describe('betweenness on random_directed_2000 (igraph reference)', () => {
  it('keeps the reference node order', () => {
    expect(graph.nodes.map((node) => node.id)).toEqual(
      expectedIds('random_directed_2000', 'expected_betweenness.csv'),
    );
  });

  it('matches with weights as distances within 1e-9', () => {
    const lengths = pathLengths(adjacency, 'weight');
    expect(lengths.tieTolerance).toBe(0);
    const sums = computePathSums(shortestPathTask(adjacency, lengths), { from: 0, to: adjacency.order });
    expect(
      maxAbsoluteError(expected.get('betweenness_weighted') ?? [], normalizedBetweenness(sums)),
    ).toBeLessThanOrEqual(1e-9);
  });

  it('matches unweighted (hops) within 1e-9', () => {
    const sums = computePathSums(shortestPathTask(adjacency, pathLengths(adjacency, 'hops')), {
      from: 0,
      to: adjacency.order,
    });
    expect(
      maxAbsoluteError(expected.get('betweenness_unweighted') ?? [], normalizedBetweenness(sums)),
    ).toBeLessThanOrEqual(1e-9);
  });
});

describe('weighted search variants agree', () => {
  const range = { from: 0, to: 150 };
  const exact = pathLengths(adjacency, 'inverse-weight');
  const run = (lengths: PathLengths) => computePathSums(shortestPathTask(adjacency, lengths), range);
  const buckets = run(exact);

  it('uses exact integer lengths for 1/weight with weights 1..10', () => {
    expect(exact.tieTolerance).toBe(0);
    expect(exact.unit).toBeCloseTo(1 / 2520, 15);
    expect(Math.max(...(exact.length ?? []))).toBeLessThan(MAX_BUCKETS);
  });

  it('the exact binary heap (lengths too long for buckets) gives the same sums as the buckets', () => {
    const long = {
      ...exact,
      length: (exact.length ?? new Float64Array()).map((value) => value * MAX_BUCKETS),
    };
    const heap = run(long);
    // Nodes at equal distance may settle in another order, so sums can differ in the last bits only.
    expect(maxAbsoluteError(Array.from(buckets.betweenness), heap.betweenness)).toBeLessThanOrEqual(1e-9);
    expect(Array.from(heap.reachedBy)).toEqual(Array.from(buckets.reachedBy));
    expect(
      maxAbsoluteError(
        Array.from(buckets.distanceSum),
        heap.distanceSum.map((value) => value / MAX_BUCKETS),
      ),
    ).toBe(0);
  });

  it('the tolerant heap on float 1/weight lengths finds the same ties', () => {
    const float: PathLengths = {
      length: adjacency.out.weight.map((weight) => 1 / weight),
      unit: 1,
      tieTolerance: FLOAT_TIE_TOLERANCE,
    };
    const heap = run(float);
    expect(maxAbsoluteError(Array.from(buckets.betweenness), heap.betweenness)).toBeLessThanOrEqual(1e-9);
    const distances = Array.from(buckets.distanceSum, (value) => value * exact.unit);
    for (let node = 0; node < distances.length; node++)
      expect(heap.distanceSum[node]).toBeCloseTo(distances[node] ?? Number.NaN, 9);
  });
});
