/**
 * Splitting the shortest-path loop into ranges of sources and adding their sums back together.
 *
 * The ranges depend only on the number of nodes, and their sums are added in range order whatever thread
 * finished first, so the result is the same bit for bit on one thread, two, or a Web Worker pool: floating
 * addition is not associative, and a figure that changed in its last digit with the thread count would make
 * outputs impossible to compare.
 */
import { NetworkMetricsCancelled, throwIfCancelled, type CancelSignal } from './cancel';
import {
  computePathSums,
  emptyPathSums,
  pathSumArrays,
  type PathSums,
  type ShortestPathTask,
  type SourceRange,
} from './shortest-path-sums';

/**
 * At most 128 ranges of at least 16 sources: enough to balance the threads and report progress often, few
 * enough that handing ranges out costs nothing next to computing them.
 */
export function planSourceRanges(order: number): SourceRange[] {
  const size = Math.max(16, Math.ceil(order / 128));
  const ranges: SourceRange[] = [];
  for (let from = 0; from < order; from += size) ranges.push({ from, to: Math.min(order, from + size) });
  return ranges;
}

/**
 * Runs the kernel on ranges of sources, wherever it likes, and hands each range's sums to `deliver`
 * (in any order, each range once). The in-process runner below is the default; the CLI has a
 * worker-thread pool, and the renderer can have a Web Worker one.
 */
export interface ShortestPathRunner {
  run(
    task: ShortestPathTask,
    ranges: readonly SourceRange[],
    deliver: (rangeIndex: number, sums: PathSums) => void,
    signal?: CancelSignal,
  ): Promise<void>;
}

/** Runs every range in this thread, one after the other. */
export const inProcessRunner: ShortestPathRunner = {
  run(task, ranges, deliver, signal) {
    try {
      ranges.forEach((range, index) => deliver(index, computePathSums(task, range, signal)));
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

function addInto(total: PathSums, part: PathSums): void {
  const totals = pathSumArrays(total);
  const parts = pathSumArrays(part);
  totals.forEach((array, which) => {
    const addend = parts[which];
    if (addend === undefined || addend.length !== array.length)
      throw new Error('path sums of a range do not match the task');
    for (let node = 0; node < array.length; node++)
      array[node] = (array[node] as number) + (addend[node] as number);
  });
}

/**
 * All sources' sums for `task`, through `runner`, reporting the fraction of sources done. The sums of
 * range i are added only after those of ranges 0..i-1 (see the top of this file).
 */
export async function sumShortestPaths(
  task: ShortestPathTask,
  runner: ShortestPathRunner,
  onProgress?: (fraction: number) => void,
  signal?: CancelSignal,
): Promise<PathSums> {
  throwIfCancelled(signal);
  const ranges = planSourceRanges(task.order);
  const total = emptyPathSums(task.order, task.team !== null);
  const waiting = new Map<number, PathSums>();
  let nextToAdd = 0;
  let sourcesDone = 0;
  await runner.run(
    task,
    ranges,
    (rangeIndex, sums) => {
      const range = ranges[rangeIndex];
      if (range === undefined || waiting.has(rangeIndex) || rangeIndex < nextToAdd)
        throw new Error(`range ${rangeIndex} delivered twice or out of plan`);
      waiting.set(rangeIndex, sums);
      for (let ready = waiting.get(nextToAdd); ready !== undefined; ready = waiting.get(nextToAdd)) {
        addInto(total, ready);
        waiting.delete(nextToAdd);
        nextToAdd++;
      }
      sourcesDone += range.to - range.from;
      onProgress?.(task.order === 0 ? 1 : sourcesDone / task.order);
    },
    signal,
  );
  if (signal?.aborted === true) throw new NetworkMetricsCancelled();
  if (nextToAdd !== ranges.length) throw new Error('the path runner finished without every range');
  return total;
}
