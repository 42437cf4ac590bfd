/**
 * A pool of Node worker threads that runs the shortest-path kernel (model/network/shortest-path-sums.ts)
 * on ranges of sources, so betweenness and closeness use every core. The model stays pure: it only sees
 * the ShortestPathRunner interface, and adds the ranges' sums in a fixed order, so the figures are the same
 * bit for bit on one thread or many.
 *
 * Each worker receives the task once (its typed arrays are copied into SharedArrayBuffers, so every worker
 * reads the same memory), then ranges of sources, two at a time: a worker that finishes early takes the
 * next range, which keeps both cores busy when some sources reach more of the graph than others.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  NetworkMetricsCancelled,
  pathSumsFromArrays,
  type ShortestPathRunner,
  type ShortestPathTask,
} from '../../model/network';
import type { WorkerReply, WorkerRequest } from './parallel-betweenness.worker';

/** The worker script next to this file; under tsx (a .ts source) it is loaded through tsx's own import. */
function startWorker(): Worker {
  const script = new URL(
    import.meta.url.endsWith('.ts') ? './parallel-betweenness.worker.ts' : './parallel-betweenness.worker.js',
    import.meta.url,
  );
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const bootstrap = `import { tsImport } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
await tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(import.meta.url)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

function shared<T extends Int32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(array.byteLength),
  );
  copy.set(array);
  return copy;
}

/** The task with its arrays in shared memory (copied once, read by every worker). */
function sharedTask(task: ShortestPathTask): ShortestPathTask {
  return {
    ...task,
    start: shared(task.start),
    neighbour: shared(task.neighbour),
    length: task.length === null ? null : shared(task.length),
    predecessorStart: shared(task.predecessorStart),
    team: task.team === null ? null : shared(task.team),
  };
}

const RANGES_IN_FLIGHT = 2;

/** Threads to use by default: every core the machine offers. */
export const defaultThreadCount = (): number => availableParallelism();

export interface WorkerThreadRunner extends ShortestPathRunner {
  /** Ends the workers; the runner cannot be used afterwards. */
  close(): Promise<void>;
}

/** A runner with `threads` workers, started now and reused for every task until `close()`. */
export function workerThreadRunner(threads: number): WorkerThreadRunner {
  const workers = Array.from({ length: Math.max(1, threads) }, startWorker);
  let taskCount = 0;
  return {
    run(task, ranges, deliver, signal) {
      const taskId = ++taskCount;
      const sharedCopy = sharedTask(task);
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        let failed = false;
        const detach: (() => void)[] = [];
        const finish = (error?: Error) => {
          if (failed) return;
          for (const off of detach) off();
          if (error === undefined) resolve();
          else {
            failed = true;
            reject(error);
          }
        };
        const dispatch = (worker: Worker) => {
          if (signal?.aborted === true) return finish(new NetworkMetricsCancelled());
          if (next >= ranges.length) return;
          const rangeIndex = next++;
          const range = ranges[rangeIndex];
          if (range === undefined) return;
          const request: WorkerRequest = {
            kind: 'range',
            taskId,
            rangeIndex,
            from: range.from,
            to: range.to,
          };
          worker.postMessage(request);
        };
        if (ranges.length === 0) return finish();
        for (const worker of workers) {
          const onMessage = (reply: WorkerReply) => {
            if (reply.taskId !== taskId || failed) return;
            if (reply.kind === 'error') return finish(new Error(`worker thread: ${reply.message}`));
            try {
              deliver(reply.rangeIndex, pathSumsFromArrays(reply.arrays));
            } catch (error) {
              return finish(error instanceof Error ? error : new Error(String(error)));
            }
            done++;
            if (done === ranges.length) return finish();
            dispatch(worker);
          };
          const onError = (error: Error) => finish(error);
          worker.on('message', onMessage);
          worker.on('error', onError);
          detach.push(() => {
            worker.off('message', onMessage);
            worker.off('error', onError);
          });
          const start: WorkerRequest = { kind: 'task', taskId, task: sharedCopy };
          worker.postMessage(start);
          // Two ranges in flight per worker: it starts the next one from its own queue while this thread
          // (which a busy machine may not schedule at once) handles the reply, so no core waits for it.
          for (let ahead = 0; ahead < RANGES_IN_FLIGHT; ahead++) dispatch(worker);
        }
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
