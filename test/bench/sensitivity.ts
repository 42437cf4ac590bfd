/**
 * Monte Carlo sensitivity speed (issue 5, point 4; DESIGN.md budget: a 10,000-run Monte Carlo of the empathy
 * model in under 3 s on the 2-core machine): the CLI's worker pool (electron/cli/parallel-runs.ts) running the
 * sensitivity kernel on 2 threads and on 1, with a spec a workshop would run: five policy levers on Latin
 * hypercube draws, cumulative profit at the horizon as the KPI, and the six headline variables recorded (the
 * charted ones, as DESIGN.md asks: a run that copies fewer series is faster).
 *
 * The time is from the pool being ready (its threads started and their code loaded, which a development
 * checkout makes slower than a built app: the CLI bundles the worker once with esbuild) to the result: compiling
 * the model on this thread and in every worker, planning, the runs, the percentile bands, the summary and the
 * tornado. Wall time, and the CPU time of all the process's threads; the machine is shared, so the load is
 * printed too.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { startRunsPool } from '../../electron/cli/parallel-runs';
import { compileModel, readXmile } from '../../model/sd';
import { parseSensitivitySpec, planSensitivity, resolveSpec } from '../../model/sd/sensitivity';
import type { Benchmark } from './main';

const ROOT = resolve(import.meta.dirname, '../..');
const MODEL = 'sample-data/empathy-smb.xmile';
const RUNS = 10_000;
const BUDGET_SECONDS = 3;

export const BENCH_SPEC = {
  parameters: [
    { name: 'Training budget', distribution: { type: 'uniform', min: 0, max: 0.05 } },
    { name: 'Leadership commitment', distribution: { type: 'triangular', min: 0.2, mode: 0.5, max: 0.9 } },
    { name: 'Hiring delay', distribution: { type: 'lognormal', mean: 2, sd: 0.5 } },
    { name: 'Overtime policy', distribution: { type: 'uniform', min: 0, max: 1 } },
    { name: 'Automation level', distribution: { type: 'normal', mean: 0.2, sd: 0.1, min: 0, max: 0.9 } },
  ],
  sampling: 'latin-hypercube',
  kpi: { variable: 'Cumulative profit', statistic: 'final' },
  outputs: ['Employee retention', 'Customers', 'Innovations', 'Revenue', 'Cumulative profit', 'Cash'],
} as const;

interface Timed {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly median: number;
}

async function timeMonteCarlo(threads: number, text: string): Promise<Timed> {
  const pool = await startRunsPool(threads);
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const read = readXmile(text, 'empathy-smb.xmile');
    if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('; '));
    const compiled = compileModel(read.value);
    if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('; '));
    const parsed = parseSensitivitySpec(BENCH_SPEC);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const spec = resolveSpec(parsed.value, { runs: RUNS, seed: 1 });
    if (!spec.ok) throw new Error(spec.errors.join('; '));
    const plan = planSensitivity(compiled.value, spec.value);
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    const result = await pool.run({
      xmile: text,
      fileName: 'empathy-smb.xmile',
      method: undefined,
      plan: plan.value,
      range: { from: 0, to: RUNS },
    });
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      median: result.summary.percentiles.find((entry) => entry.percent === 50)?.value ?? Number.NaN,
    };
  } finally {
    await pool.close();
  }
}

export const sensitivityBenchmark: Benchmark = {
  name: 'Monte Carlo sensitivity (model/sd/sensitivity through the CLI worker pool)',
  async run(print) {
    const text = readFileSync(resolve(ROOT, MODEL), 'utf8');
    const load = (): string => `load ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`;
    for (const threads of [2, 1]) {
      const timed = await timeMonteCarlo(threads, text);
      const verdict =
        threads === 2
          ? ` (budget ${BUDGET_SECONDS} s: ${timed.seconds <= BUDGET_SECONDS ? 'within' : 'over'})`
          : '';
      print(
        `empathy-smb.xmile sensitivity, ${RUNS.toLocaleString('en')} runs (5 parameters, Latin hypercube, 6 outputs, bands and tornado) on ${threads} thread${threads === 1 ? '' : 's'}: ${timed.seconds.toFixed(2)} s${verdict}; CPU ${timed.cpuSeconds.toFixed(2)} s over all threads; median KPI ${timed.median.toFixed(0)} (${load()})`,
      );
    }
  },
};
