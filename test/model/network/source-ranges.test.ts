/**
 * Splitting the shortest-path loop: every source in exactly one range, the same sums whatever order the
 * ranges come back in (so one thread and many agree bit for bit), progress up to 1, and cancellation.
 */
import { describe, expect, it } from 'vitest';
import {
  NetworkMetricsCancelled,
  buildAdjacency,
  computeNetworkMetrics,
  computePathSums,
  pathLengths,
  pathSumArrays,
  planSourceRanges,
  shortestPathTask,
  sumShortestPaths,
  type ShortestPathRunner,
} from '../../../model/network';
import { referenceGraph } from './reference-fixtures';

const graph = referenceGraph('empathy_toy_directed', true);
const adjacency = buildAdjacency(graph);
const task = shortestPathTask(
  adjacency,
  pathLengths(adjacency, 'inverse-weight'),
  new Int32Array(27).fill(0),
);

/** A runner that delivers the ranges last first, as a slow first thread would. */
const reversedRunner: ShortestPathRunner = {
  run(current, ranges, deliver, signal) {
    const results = ranges.map((range) => computePathSums(current, range, signal));
    results.reverse().forEach((sums, reversedIndex) => deliver(ranges.length - 1 - reversedIndex, sums));
    return Promise.resolve();
  },
};

describe('planSourceRanges', () => {
  it.each([0, 1, 7, 27, 2000, 10_000])('covers 0..%i once, in order', (order) => {
    const ranges = planSourceRanges(order);
    let next = 0;
    for (const range of ranges) {
      expect(range.from).toBe(next);
      expect(range.to).toBeGreaterThan(range.from);
      next = range.to;
    }
    expect(next).toBe(order);
    expect(ranges.length).toBeLessThanOrEqual(128);
  });
});

describe('sumShortestPaths', () => {
  it('adds ranges in plan order whatever order they arrive in: identical bits', async () => {
    const inOrder = await sumShortestPaths(task, {
      run: (current, ranges, deliver) => {
        ranges.forEach((range, index) => deliver(index, computePathSums(current, range)));
        return Promise.resolve();
      },
    });
    const reversed = await sumShortestPaths(task, reversedRunner);
    expect(pathSumArrays(reversed).map((array) => Array.from(array))).toEqual(
      pathSumArrays(inOrder).map((array) => Array.from(array)),
    );
  });

  it('equals one pass over every source', async () => {
    const whole = computePathSums(task, { from: 0, to: task.order });
    const summed = await sumShortestPaths(task, reversedRunner);
    pathSumArrays(whole).forEach((array, which) => {
      const other = pathSumArrays(summed)[which] ?? new Float64Array();
      array.forEach((value, node) => expect(other[node]).toBeCloseTo(value, 12));
    });
  });

  it('reports growing progress ending at 1', async () => {
    const seen: number[] = [];
    await sumShortestPaths(task, reversedRunner, (fraction) => seen.push(fraction));
    expect(seen.length).toBe(planSourceRanges(task.order).length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});

describe('cancelling', () => {
  it('stops the kernel between sources', () => {
    expect(() => computePathSums(task, { from: 0, to: task.order }, { aborted: true })).toThrow(
      NetworkMetricsCancelled,
    );
  });

  it('rejects computeNetworkMetrics once the flag is raised during the run', async () => {
    const signal = { aborted: false };
    const run = computeNetworkMetrics(graph, { signal }, (fraction) => {
      if (fraction > 0.1) signal.aborted = true;
    });
    await expect(run).rejects.toBeInstanceOf(NetworkMetricsCancelled);
  });

  it('reports progress from 0 to 1 on a run that finishes', async () => {
    const seen: number[] = [];
    await computeNetworkMetrics(graph, {}, (fraction) => seen.push(fraction));
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
