/**
 * The worker thread of parallel-runs.ts: compiles the job's model once, then runs the ranges of run indices it
 * is sent through the sensitivity kernel and hands each range's arrays back without copying them (transferred);
 * at the end it computes the percentile bands of the variables it is given, reading their values from shared
 * memory.
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
  | { readonly kind: 'error'; readonly jobId: number; readonly message: string };

/** Compiles and plans a job, or says why not (the main thread checked the same, so this is rare). */
function prepare(request: Extract<RunsWorkerRequest, { kind: 'job' }>): SensitivityKernel {
  const read = readXmile(request.xmile, request.fileName);
  if (!read.ok) throw new Error(read.errors[0]?.message ?? `cannot read ${request.fileName}`);
  const compiled = compileModel(read.value, request.method === undefined ? {} : { method: request.method });
  if (!compiled.ok) throw new Error(compiled.errors[0]?.message ?? `cannot compile ${request.fileName}`);
  const planned = planSensitivity(compiled.value, request.spec, request.fileName);
  if (!planned.ok) throw new Error(planned.errors.join('; '));
  return createKernel(planned.value);
}

const port = parentPort;
if (port !== null) {
  let current: { readonly id: number; readonly kernel: SensitivityKernel } | undefined;
  port.on('message', (request: RunsWorkerRequest) => {
    try {
      if (request.kind === 'job') {
        current = { id: request.jobId, kernel: prepare(request) };
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
