/**
 * System-dynamics engine speed: median milliseconds per run (simulation only, after a JIT warm-up) of
 * teacup (240 steps), logistic growth (100 steps), an SIR model (3,200 steps) and the empathy reference
 * model when sample-data has it; and SDEverywhere's generated JavaScript on the same teacup and SIR models,
 * run through @sdeverywhere/runtime in this process and timed the same way, with the ratio ours/theirs.
 * Each figure is wall-clock and this thread's CPU time (the machine is shared: the CPU figure is the one
 * that load does not inflate). Then the empathy model's Monte Carlo: 10,000 runs with sampled constants
 * on two worker threads, from starting the threads to the last result, as a user would wait for it.
 * DESIGN.md's budgets: no slower than SDEverywhere (about 0.013-0.017 ms for teacup here); the empathy
 * model well under 1 ms a run, its 10,000-run Monte Carlo under 3 s on both cores.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { generateCode, parseModel } from '@sdeverywhere/compile';
import { createSynchronousModelRunner, type JsModel } from '@sdeverywhere/runtime';
import { medianMsPerRun } from '../../electron/cli/commands/bench';
import { compileModel, readXmile } from '../../model/sd';
import type { Benchmark } from './main';

const ROOT = resolve(import.meta.dirname, '../..');
const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup';
const MODELS = [
  { label: 'teacup', xmile: `${TEACUP}/teacup.xmile`, mdl: `${TEACUP}/teacup.mdl`, runs: 5000 },
  {
    label: 'logistic growth',
    xmile: 'test/fixtures/sd-test-models/ltm-reference/logistic_growth_ltm/logistic_growth.stmx',
    runs: 5000,
  },
  { label: 'SIR', xmile: 'test/fixtures/bench/sir.xmile', mdl: 'test/fixtures/bench/sir.mdl', runs: 500 },
];

interface Measured {
  readonly steps: number;
  readonly msPerRun: number;
  /** This thread's CPU time per run (median of batches), when measured. */
  readonly cpuMsPerRun?: number;
  /** What ran our steps (Runner.backend). */
  readonly engine?: string;
}

/** Median over batches of this thread's CPU milliseconds per run (call after medianMsPerRun's warm-up). */
function medianCpuMsPerRun(run: () => unknown, runs: number): number {
  const batch = Math.max(1, Math.round(runs / 10));
  const means: number[] = [];
  for (let index = 0; index < 11; index++) {
    const start = process.cpuUsage();
    for (let inner = 0; inner < batch; inner++) run();
    const used = process.cpuUsage(start);
    means.push((used.user + used.system) / 1000 / batch);
  }
  return means.sort((a, b) => a - b)[5] as number;
}

function timeOurs(path: string, runs: number): Measured {
  const read = readXmile(readFileSync(resolve(ROOT, path), 'utf8'), basename(path));
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('; '));
  const compiled = compileModel(read.value);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('; '));
  const runner = compiled.value.createRunner();
  const run = (): unknown => runner.run();
  const msPerRun = medianMsPerRun(run, runs).msPerRun;
  return {
    steps: compiled.value.specs.steps,
    msPerRun,
    cpuMsPerRun: medianCpuMsPerRun(run, runs),
    engine: runner.backend,
  };
}

/** Compiles a Vensim model with SDEverywhere to JavaScript, loads it, and times runs through its runtime. */
async function timeSdeverywhere(path: string, runs: number, scratch: string): Promise<Measured> {
  const modelDir = dirname(resolve(ROOT, path));
  const parsed = parseModel(readFileSync(resolve(ROOT, path), 'utf8'), 'vensim', modelDir);
  const outputVarNames = [
    ...readFileSync(resolve(ROOT, path), 'utf8').matchAll(/^([A-Za-z][\w ]*?)\s*=(?!=)/gm),
  ]
    .map((match) => (match[1] ?? '').trim())
    .filter((name) => !['FINAL TIME', 'INITIAL TIME', 'TIME STEP', 'SAVEPER'].includes(name));
  const code = String(
    generateCode(parsed, {
      spec: { inputVarNames: [], outputVarNames },
      operations: ['generateJS'],
      extData: new Map(),
      directData: new Map(),
      modelDirname: modelDir,
    }),
  );
  const file = join(scratch, `${basename(path, '.mdl')}.js`);
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { default: () => Promise<JsModel> };
  const model = await module.default();
  const runner = createSynchronousModelRunner(model);
  const outputs = runner.createOutputs();
  const run = runner.runModelSync;
  if (run === undefined) throw new Error('the SDEverywhere runner has no synchronous run');
  const steps = Math.round((model.getFinalTime() - model.getInitialTime()) / model.getTimeStep());
  const once = (): unknown => run.call(runner, [], outputs);
  const msPerRun = medianMsPerRun(once, runs).msPerRun;
  return { steps, msPerRun, cpuMsPerRun: medianCpuMsPerRun(once, runs) };
}

const ms = (value: number): string => `${value.toPrecision(3)} ms/run`;
const timing = (measured: Measured): string =>
  `${ms(measured.msPerRun)} (${(measured.cpuMsPerRun ?? measured.msPerRun).toPrecision(3)} CPU)`;

const MONTE_CARLO_RUNS = 10_000;
const MONTE_CARLO_THREADS = 2;

interface MonteCarloShare {
  readonly path: string;
  readonly runs: number;
  readonly seed: number;
  /** Every variable, or only the stocks (what a sensitivity chart of a few results would keep). */
  readonly report: 'every variable' | 'the stocks';
}

function runMonteCarloShare({ path, runs, seed, report }: MonteCarloShare): {
  checksum: number;
  runMs: number;
} {
  const read = readXmile(readFileSync(path, 'utf8'), basename(path));
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('; '));
  const compiled = compileModel(read.value);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('; '));
  const stocks = compiled.value.variables.filter((variable) => variable.kind === 'stock');
  const runner = compiled.value.createRunner(
    report === 'the stocks' ? { variables: stocks.map((variable) => variable.name) } : {},
  );
  const defaults = compiled.value.defaultParameters();
  const vector = defaults.slice();
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  let checksum = 0;
  const start = performance.now();
  for (let run = 0; run < runs; run++) {
    for (let index = 0; index < vector.length; index++)
      vector[index] = (defaults[index] as number) * (0.8 + 0.4 * uniform());
    const result = runner.run({ parameters: vector, seed: run });
    for (const series of result.series) checksum += series[series.length - 1] as number;
  }
  return { checksum, runMs: performance.now() - start };
}

/** This module as a worker thread; under tsx (a .ts source) it is loaded through tsx's own import. */
function startWorker(share: MonteCarloShare): Worker {
  const script = new URL(import.meta.url);
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData: share });
  const bootstrap = `import { tsImport } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
await tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(import.meta.url)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: share });
}

/**
 * Wall seconds from the go signal (every thread started and its code loaded, which tsx makes slow here and
 * a built app does not) to the last result, compiling included; and milliseconds per run in a thread.
 */
async function timeMonteCarlo(
  path: string,
  report: MonteCarloShare['report'],
): Promise<{ seconds: number; msPerRun: number }> {
  const perThread = MONTE_CARLO_RUNS / MONTE_CARLO_THREADS;
  const workers = Array.from({ length: MONTE_CARLO_THREADS }, (_, index) =>
    startWorker({ path, runs: perThread, seed: index + 1, report }),
  );
  const next = (worker: Worker): Promise<{ runMs: number }> =>
    new Promise((resolvePromise, reject) => {
      worker.once('message', resolvePromise);
      worker.once('error', reject);
    });
  await Promise.all(workers.map(next));
  const start = performance.now();
  const results = await Promise.all(
    workers.map((worker) => {
      const result = next(worker);
      worker.postMessage('go');
      return result;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return {
    seconds,
    msPerRun: results.reduce((total, result) => total + result.runMs, 0) / results.length / perThread,
  };
}

const share = workerData as MonteCarloShare | undefined;
if (!isMainThread && share?.path !== undefined) {
  parentPort?.once('message', () => parentPort?.postMessage(runMonteCarloShare(share)));
  parentPort?.postMessage('ready');
}

export const systemDynamicsBenchmark: Benchmark = {
  name: 'system dynamics (model/sd): median ms per run, simulation only',
  async run(print) {
    const scratch = mkdtempSync(join(tmpdir(), 'sde-bench-'));
    for (const model of MODELS) {
      const ours = timeOurs(model.xmile, model.runs);
      let line = `${`${model.label} (${ours.steps} steps)`.padEnd(26)} ours ${timing(ours).padEnd(30)}`;
      if (model.mdl !== undefined) {
        const theirs = await timeSdeverywhere(model.mdl, model.runs, scratch);
        const ratio = (ours.cpuMsPerRun ?? ours.msPerRun) / (theirs.cpuMsPerRun ?? theirs.msPerRun);
        line += ` SDEverywhere JS ${timing(theirs).padEnd(30)} ours/theirs ${ratio.toFixed(2)} (CPU)`;
      }
      line += ` [${ours.engine ?? ''}]`;
      print(line);
    }
    const sampleData = resolve(ROOT, 'sample-data');
    const references = existsSync(sampleData)
      ? readdirSync(sampleData).filter((file) => /empathy/i.test(file) && /\.(xmile|stmx)$/.test(file))
      : [];
    if (references.length === 0) print('empathy reference model      not in sample-data yet');
    for (const file of references) {
      const ours = timeOurs(join('sample-data', file), 500);
      print(`${`${file} (${ours.steps} steps)`.padEnd(26)} ours ${timing(ours)} [${ours.engine ?? ''}]`);
      for (const report of ['every variable', 'the stocks'] as const) {
        const monteCarlo = await timeMonteCarlo(resolve(sampleData, file), report);
        print(
          `${file} Monte Carlo reporting ${report}: ${MONTE_CARLO_RUNS.toLocaleString('en')} runs on ${MONTE_CARLO_THREADS} threads in ${monteCarlo.seconds.toFixed(2)} s, ${ms(monteCarlo.msPerRun)} in each thread (budget 3 s; load ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores)`,
        );
      }
    }
  },
};
