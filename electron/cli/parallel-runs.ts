/**
 * A pool of Node worker threads for Monte Carlo sensitivity runs (and the batch runs of run-scenarios,
 * parallel-scenarios.ts), so a run uses every core (DESIGN.md: a
 * 10,000-run Monte Carlo of the empathy model in under 3 s on two). The shape of parallel-betweenness.ts:
 * each worker gets the job once (the model's XMILE text and the resolved spec; it compiles and plans it
 * itself), then ranges of run indices, two in flight per worker, so a worker that finishes early takes the next
 * range and no core waits for this thread between ranges.
 *
 * The ranges land in a collector whose per-variable arrays live in SharedArrayBuffers; once every run is in,
 * each worker computes the percentile bands of some of the variables straight from that shared memory, and this
 * thread adds the summary and the tornado. A run's numbers depend only on the seed and its index, so the
 * result is the same bit for bit on one thread or many.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IntegrationMethod } from '../../model/sd';
import {
  RANGE_SIZE,
  computeSwings,
  createCollector,
  createKernel,
  layoutOf,
  splitRange,
  type RunRange,
  type SensitivityPlan,
  type SensitivityResult,
} from '../../model/sd/sensitivity';
import type { RunsWorkerReply, RunsWorkerRequest } from './parallel-runs.worker';
import { listen } from './worker-listen';
import { dispatchScenarios, type ScenariosJob, type ScenariosResult } from './parallel-scenarios';

let bundled: Promise<URL> | undefined;

/**
 * The worker script. Built (a .js next to this file) it is loaded as it is. From the TypeScript sources (the
 * CLI runs under tsx) it is bundled once with esbuild into one module and loaded from a data: URL: a worker that
 * loads the sources through tsx transforms every file of the engine again, which took 2-3 s per thread on the
 * development machines, against about half a second to bundle once and 0.2 s to start. Without esbuild (not a
 * development checkout) it falls back to tsx.
 */
function workerScript(): Promise<URL> {
  const source = new URL(
    import.meta.url.endsWith('.ts') ? './parallel-runs.worker.ts' : './parallel-runs.worker.js',
    import.meta.url,
  );
  if (!source.pathname.endsWith('.ts')) return Promise.resolve(source);
  bundled ??= import('esbuild').then(
    async ({ build }) => {
      const output = await build({
        entryPoints: [fileURLToPath(source)],
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        write: false,
        logLevel: 'silent',
      });
      const code = output.outputFiles[0]?.text ?? '';
      return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
    },
    () => {
      const bootstrap = `import { tsImport } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
await tsImport(${JSON.stringify(source.href)}, ${JSON.stringify(import.meta.url)});`;
      return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
    },
  );
  return bundled;
}

/** Starts a worker and waits for it to say it has loaded. */
async function startWorker(script: URL): Promise<Worker> {
  const worker = new Worker(script);
  await new Promise<void>((resolve, reject) => {
    const onMessage = (reply: RunsWorkerReply) => {
      if (reply.kind !== 'ready') return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  return worker;
}

const RANGES_IN_FLIGHT = 2;

/** Threads to use by default: every core the machine offers. */
export const defaultThreadCount = (): number => availableParallelism();

export interface SensitivityJob {
  /** The model's XMILE text, as the main thread compiled it into `plan`. */
  readonly xmile: string;
  readonly fileName: string;
  readonly method: IntegrationMethod | undefined;
  /** This thread's plan of the same model and spec: its layout and the tornado's swings come from it. */
  readonly plan: SensitivityPlan;
  /** The runs to do: all of them, or a shard. */
  readonly range: RunRange;
}

export interface RunsPool {
  readonly threads: number;
  run(job: SensitivityJob, onProgress?: (done: number, total: number) => void): Promise<SensitivityResult>;
  /** Runs every row of a scenario grid (run-scenarios); see parallel-scenarios.ts. */
  runScenarios(
    job: ScenariosJob,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ScenariosResult>;
  /** Ends the workers; the pool cannot be used afterwards. */
  close(): Promise<void>;
}

/** Float64Arrays in shared memory, so every worker reads the collected values without a copy. */
const sharedFloat64 = (length: number): Float64Array =>
  new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

/** A pool of `threads` workers, resolved once every one has loaded; reused for every job until `close()`. */
export async function startRunsPool(threads: number): Promise<RunsPool> {
  const script = await workerScript();
  const workers = await Promise.all(Array.from({ length: Math.max(1, threads) }, () => startWorker(script)));
  let jobCount = 0;
  return {
    threads: workers.length,
    run(job, onProgress) {
      const jobId = ++jobCount;
      const { plan, range } = job;
      const collector = createCollector(layoutOf(plan, range), sharedFloat64);
      const ranges = splitRange(range, RANGE_SIZE);
      const total = range.to - range.from;
      const points = plan.bandTimes.length;
      const outputs = plan.outputs.length;
      const bands: Float64Array[] = [];
      return new Promise<SensitivityResult>((resolve, reject) => {
        let nextRange = 0;
        let nextOutput = 0;
        let bandsDone = 0;
        let settled = false;
        const detach: (() => void)[] = [];
        const finish = (error?: Error) => {
          if (settled) return;
          settled = true;
          for (const off of detach) off();
          if (error !== undefined) {
            reject(error);
            return;
          }
          try {
            resolve(collector.finish(computeSwings(createKernel(plan)), bands));
          } catch (failure) {
            reject(failure instanceof Error ? failure : new Error(String(failure)));
          }
        };
        const post = (worker: Worker, request: RunsWorkerRequest) => worker.postMessage(request);
        const dispatchBands = (worker: Worker) => {
          if (nextOutput >= outputs) return;
          const output = nextOutput++;
          post(worker, {
            kind: 'bands',
            jobId,
            output,
            values: collector.series[output] as Float64Array,
            points,
            runs: total,
            percents: plan.spec.percentiles,
          });
        };
        const dispatch = (worker: Worker) => {
          if (nextRange < ranges.length) {
            const piece = ranges[nextRange++] as RunRange;
            post(worker, { kind: 'range', jobId, from: piece.from, to: piece.to });
          } else if (collector.complete) dispatchBands(worker);
        };
        if (total === 0 || outputs === 0) {
          finish();
          return;
        }
        for (const worker of workers) {
          const onMessage = (reply: RunsWorkerReply) => {
            if (reply.kind === 'ready' || reply.jobId !== jobId || settled) return;
            if (reply.kind === 'error') return finish(new Error(`worker thread: ${reply.message}`));
            if (reply.kind === 'scenarios') return;
            if (reply.kind === 'bands') {
              bands[reply.output] = reply.bands;
              bandsDone++;
              if (bandsDone === outputs) return finish();
              dispatchBands(worker);
              return;
            }
            try {
              collector.add(reply.result);
            } catch (error) {
              return finish(error instanceof Error ? error : new Error(String(error)));
            }
            onProgress?.(collector.received, total);
            if (collector.complete) {
              // Every run is in: each worker (this one now, the others as their last range returns) takes
              // variables' bands until none is left.
              for (const any of workers) dispatchBands(any);
              return;
            }
            dispatch(worker);
          };
          detach.push(listen(worker, onMessage, (error: Error) => finish(error)));
          post(worker, {
            kind: 'job',
            jobId,
            xmile: job.xmile,
            fileName: job.fileName,
            method: job.method,
            spec: plan.spec,
          });
          for (let ahead = 0; ahead < RANGES_IN_FLIGHT; ahead++) dispatch(worker);
        }
      });
    },
    runScenarios(job, onProgress) {
      return dispatchScenarios(workers, ++jobCount, job, onProgress);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
