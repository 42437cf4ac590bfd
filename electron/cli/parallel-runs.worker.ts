/**
 * The worker thread of parallel-runs.ts. Two kinds of job, each compiled once per thread:
 * - a sensitivity job: runs the ranges of run indices it is sent through the sensitivity kernel and hands each
 *   range's arrays back without copying them (transferred); at the end it computes the percentile bands of the
 *   variables it is given, reading their values from shared memory;
 * - a scenarios job (run-scenarios): runs the grid rows it is sent, each with its own parameter vector, and
 *   hands back the chosen variables' series (parallel-scenarios.ts).
 */
import { parentPort } from 'node:worker_threads';
import { compileModel, readXmile, type IntegrationMethod } from '../../model/sd';
import {
  createKernel,
  planSensitivity,
  variableBands,
  type RangeResult,
  type ResolvedSensitivitySpec,
  type SensitivityKernel,
} from '../../model/sd/sensitivity';
import { runGridRows, type ScenarioRunner } from './parallel-scenarios';

export type RunsWorkerRequest =
  | {
      readonly kind: 'job';
      readonly jobId: number;
      readonly xmile: string;
      readonly fileName: string;
      readonly method: IntegrationMethod | undefined;
      readonly spec: ResolvedSensitivitySpec;
    }
  | { readonly kind: 'range'; readonly jobId: number; readonly from: number; readonly to: number }
  | {
      readonly kind: 'scenarios-job';
      readonly jobId: number;
      readonly xmile: string;
      readonly fileName: string;
      readonly method: IntegrationMethod | undefined;
      /** The variables to report, by name. */
      readonly variables: readonly string[];
      readonly seed: number;
    }
  | {
      readonly kind: 'scenarios';
      readonly jobId: number;
      /** The first grid row (0-based) of this batch. */
      readonly from: number;
      /** Row-major: one full parameter vector per row of the batch. */
      readonly parameters: Float64Array;
    }
  | {
      readonly kind: 'bands';
      readonly jobId: number;
      readonly output: number;
      /** Time-major values of one output (band time, then run), in a SharedArrayBuffer. */
      readonly values: Float64Array;
      readonly points: number;
      readonly runs: number;
      readonly percents: readonly number[];
    };

export type RunsWorkerReply =
  /** Posted once when the worker has loaded, so a pool can wait for its threads before work is timed. */
  | { readonly kind: 'ready' }
  | { readonly kind: 'range'; readonly jobId: number; readonly result: RangeResult }
  | { readonly kind: 'bands'; readonly jobId: number; readonly output: number; readonly bands: Float64Array }
  | {
      readonly kind: 'scenarios';
      readonly jobId: number;
      readonly from: number;
      /** The saved times (the same for every row). */
      readonly time: Float64Array;
      /** Per row of the batch, per variable, per saved time. */
      readonly values: Float64Array;
    }
  | { readonly kind: 'error'; readonly jobId: number; readonly message: string };

type ModelRequest = Pick<Extract<RunsWorkerRequest, { kind: 'job' }>, 'xmile' | 'fileName' | 'method'>;

/** Reads and compiles a job's model, or says why not (the main thread checked the same, so this is rare). */
function compile(request: ModelRequest) {
  const read = readXmile(request.xmile, request.fileName);
  if (!read.ok) throw new Error(read.errors[0]?.message ?? `cannot read ${request.fileName}`);
  const compiled = compileModel(read.value, request.method === undefined ? {} : { method: request.method });
  if (!compiled.ok) throw new Error(compiled.errors[0]?.message ?? `cannot compile ${request.fileName}`);
  return compiled.value;
}

function prepare(request: Extract<RunsWorkerRequest, { kind: 'job' }>): SensitivityKernel {
  const planned = planSensitivity(compile(request), request.spec, request.fileName);
  if (!planned.ok) throw new Error(planned.errors.join('; '));
  return createKernel(planned.value);
}

function prepareScenarios(request: Extract<RunsWorkerRequest, { kind: 'scenarios-job' }>): ScenarioRunner {
  const model = compile(request);
  return {
    runner: model.createRunner({ variables: request.variables }),
    parameterCount: model.parameters.length,
    seed: request.seed,
  };
}

const port = parentPort;
if (port !== null) {
  let current: { readonly id: number; readonly kernel: SensitivityKernel } | undefined;
  let scenarios: { readonly id: number; readonly runner: ScenarioRunner } | undefined;
  port.on('message', (request: RunsWorkerRequest) => {
    try {
      if (request.kind === 'job') {
        current = { id: request.jobId, kernel: prepare(request) };
        return;
      }
      if (request.kind === 'scenarios-job') {
        scenarios = { id: request.jobId, runner: prepareScenarios(request) };
        return;
      }
      if (request.kind === 'scenarios') {
        if (scenarios?.id !== request.jobId) throw new Error(`rows for job ${request.jobId} before its job`);
        const { time, values } = runGridRows(scenarios.runner, request.parameters);
        const reply: RunsWorkerReply = {
          kind: 'scenarios',
          jobId: request.jobId,
          from: request.from,
          time,
          values,
        };
        port.postMessage(reply, [time.buffer as ArrayBuffer, values.buffer as ArrayBuffer]);
        return;
      }
      if (request.kind === 'bands') {
        const bands = variableBands(request.values, request.points, request.runs, request.percents);
        const reply: RunsWorkerReply = { kind: 'bands', jobId: request.jobId, output: request.output, bands };
        port.postMessage(reply, [bands.buffer as ArrayBuffer]);
        return;
      }
      if (current?.id !== request.jobId) throw new Error(`range for job ${request.jobId} before its job`);
      const result = current.kernel.runRange({ from: request.from, to: request.to });
      const reply: RunsWorkerReply = { kind: 'range', jobId: request.jobId, result };
      port.postMessage(reply, [
        result.samples.buffer as ArrayBuffer,
        result.kpi.buffer as ArrayBuffer,
        result.cells.buffer as ArrayBuffer,
      ]);
    } catch (error) {
      const reply: RunsWorkerReply = {
        kind: 'error',
        jobId: request.jobId,
        message: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    }
  });
  const ready: RunsWorkerReply = { kind: 'ready' };
  port.postMessage(ready);
}
