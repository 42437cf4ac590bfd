/**
 * The worker thread of parallel-betweenness.ts: holds the current shortest-path task and computes the sums
 * of each range of sources it is sent, handing the arrays back without copying them (transferred).
 */
import { parentPort } from 'node:worker_threads';
import {
  computePathSums,
  pathSumArrays,
  type ShortestPathTask,
} from '../../model/network/shortest-path-sums';

export type WorkerRequest =
  | { readonly kind: 'task'; readonly taskId: number; readonly task: ShortestPathTask }
  | {
      readonly kind: 'range';
      readonly taskId: number;
      readonly rangeIndex: number;
      readonly from: number;
      readonly to: number;
    };

export type WorkerReply =
  | {
      readonly kind: 'sums';
      readonly taskId: number;
      readonly rangeIndex: number;
      readonly arrays: Float64Array[];
    }
  | { readonly kind: 'error'; readonly taskId: number; readonly message: string };

const port = parentPort;
if (port !== null) {
  let current: { readonly id: number; readonly task: ShortestPathTask } | undefined;
  port.on('message', (request: WorkerRequest) => {
    if (request.kind === 'task') {
      current = { id: request.taskId, task: request.task };
      return;
    }
    try {
      if (current?.id !== request.taskId) throw new Error(`range for task ${request.taskId} before its task`);
      const arrays = pathSumArrays(computePathSums(current.task, { from: request.from, to: request.to }));
      const reply: WorkerReply = {
        kind: 'sums',
        taskId: request.taskId,
        rangeIndex: request.rangeIndex,
        arrays,
      };
      port.postMessage(
        reply,
        arrays.map((array) => array.buffer as ArrayBuffer),
      );
    } catch (error) {
      const reply: WorkerReply = {
        kind: 'error',
        taskId: request.taskId,
        message: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    }
  });
}
