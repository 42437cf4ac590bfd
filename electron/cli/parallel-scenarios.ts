/**
 * Batch runs of one model over a grid of scenarios (run-scenarios) on the worker threads of parallel-runs.ts:
 * each worker compiles the model once, then takes batches of grid rows, two in flight per worker as the
 * sensitivity ranges are, so a worker that finishes early takes the next batch. A batch carries its rows'
 * full parameter vectors; the reply carries the chosen variables' series of each row, transferred, not copied.
 * A row's numbers depend only on its parameters and the seed, so the result is the same on one thread or many.
 */
import type { Worker } from 'node:worker_threads';
import type { IntegrationMethod, Runner } from '../../model/sd';
import type { RunsWorkerReply, RunsWorkerRequest } from './parallel-runs.worker';
import { listen } from './worker-listen';

export interface ScenariosJob {
  readonly xmile: string;
  readonly fileName: string;
  readonly method: IntegrationMethod | undefined;
  /** The variables to report, by name, in output order. */
  readonly variables: readonly string[];
  readonly seed: number;
  /** Row-major: one full parameter vector (CompiledModel.parameters order) per grid row. */
  readonly parameters: Float64Array;
  readonly parameterCount: number;
}

export interface ScenariosResult {
  /** The saved times, the same for every row. */
  readonly time: Float64Array;
  /** Per row: the variables' series one after the other (variable k at time i is [k * time.length + i]). */
  readonly rows: readonly Float64Array[];
}

/** A compiled model's runner with what a grid row needs: how long a parameter vector is, and the seed. */
export interface ScenarioRunner {
  readonly runner: Runner;
  readonly parameterCount: number;
  readonly seed: number;
}

/**
 * Runs grid rows one after another on one runner (in a worker, or on this thread for a small grid). The runner's
 * result is overwritten by each run, so each row's series are copied out.
 */
export function runGridRows(
  { runner, parameterCount, seed }: ScenarioRunner,
  parameters: Float64Array,
): { time: Float64Array; values: Float64Array } {
  const rows = parameterCount === 0 ? 0 : parameters.length / parameterCount;
  let time: Float64Array = new Float64Array(0);
  let values: Float64Array = new Float64Array(0);
  for (let row = 0; row < rows; row++) {
    const result = runner.run({
      parameters: parameters.subarray(row * parameterCount, (row + 1) * parameterCount),
      seed,
    });
    const points = result.time.length;
    const perRow = result.series.length * points;
    if (row === 0) {
      time = result.time.slice();
      values = new Float64Array(rows * perRow);
    }
    result.series.forEach((series, variable) => values.set(series, row * perRow + variable * points));
  }
  return { time, values };
}

/**
 * Rows per batch: small enough that two threads share a grid of a few dozen rows evenly, large enough that a
 * message costs little against the runs (an empathy-model run takes about a millisecond).
 */
const ROWS_PER_BATCH = 4;
const BATCHES_IN_FLIGHT = 2;

export function dispatchScenarios(
  workers: readonly Worker[],
  jobId: number,
  job: ScenariosJob,
  onProgress?: (done: number, total: number) => void,
): Promise<ScenariosResult> {
  const width = job.parameterCount;
  const total = width === 0 ? 0 : job.parameters.length / width;
  const rows: Float64Array[] = [];
  let time: Float64Array = new Float64Array(0);
  let done = 0;
  let nextRow = 0;
  return new Promise<ScenariosResult>((resolve, reject) => {
    let settled = false;
    const detach: (() => void)[] = [];
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const off of detach) off();
      if (error === undefined) resolve({ time, rows });
      else reject(error);
    };
    const post = (worker: Worker, request: RunsWorkerRequest) => worker.postMessage(request);
    const dispatch = (worker: Worker) => {
      if (nextRow >= total) return;
      const from = nextRow;
      const to = Math.min(total, from + ROWS_PER_BATCH);
      nextRow = to;
      post(worker, {
        kind: 'scenarios',
        jobId,
        from,
        parameters: job.parameters.slice(from * width, to * width),
      });
    };
    if (total === 0) {
      finish();
      return;
    }
    for (const worker of workers) {
      const onMessage = (reply: RunsWorkerReply) => {
        if (reply.kind === 'ready' || reply.jobId !== jobId || settled) return;
        if (reply.kind === 'error') return finish(new Error(`worker thread: ${reply.message}`));
        if (reply.kind !== 'scenarios') return;
        time = reply.time;
        // Batches are cut at fixed sizes, so a batch's row count follows from where it starts.
        const count = Math.min(ROWS_PER_BATCH, total - reply.from);
        const perRow = reply.values.length / count;
        for (let index = 0; index < count; index++)
          rows[reply.from + index] = reply.values.subarray(index * perRow, (index + 1) * perRow);
        done += count;
        onProgress?.(done, total);
        if (done === total) return finish();
        dispatch(worker);
      };
      detach.push(listen(worker, onMessage, (error: Error) => finish(error)));
      post(worker, {
        kind: 'scenarios-job',
        jobId,
        xmile: job.xmile,
        fileName: job.fileName,
        method: job.method,
        variables: job.variables,
        seed: job.seed,
      });
      for (let ahead = 0; ahead < BATCHES_IN_FLIGHT; ahead++) dispatch(worker);
    }
  });
}
