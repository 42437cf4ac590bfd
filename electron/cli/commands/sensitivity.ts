/**
 * `sensitivity MODEL.xmile --spec SPEC.json --runs N --seed S [--format csv|json]`: a Monte Carlo sensitivity
 * run (issue 5, point 1). The spec (model/sd/sensitivity/spec.ts) names the varied constants with their
 * distributions, the sampling, the recorded outputs and the KPI; `--runs` and `--seed` win over the spec's.
 *
 * CSV (default): one row per run, `run,<parameter>...,<KPI>`, under `#` stamp lines; `--series` writes the
 * recorded outputs at the band times instead (`run,time,<output>...`). JSON: the stamp, the spec, the KPI
 * summary, the tornado, the percentile bands and every run's draws and KPI.
 *
 * `--shard i/n` runs the i-th of n stretches of the run indices (DESIGN.md, "Beyond one machine"): every run
 * draws from (seed, run index) alone, so the shards' CSV files concatenated are the whole run's file, byte for
 * byte; each shard's JSON summarises its own runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  MAX_RUNS,
  MAX_SEED,
  RANGE_SIZE,
  parseSensitivitySpec,
  parseShard,
  planSensitivity,
  resolveSpec,
  runSensitivity,
  sensitivityCsv,
  sensitivityDocument,
  shardRange,
  type SensitivityResult,
  type SensitivitySpec,
  type Shard,
} from '../../../model/sd/sensitivity';
import { APP_VERSION } from '../../app-info';
import {
  InputError,
  UsageError,
  onlyFile,
  parseCommandArgs,
  parseFormat,
  parseNumberFlag,
  parsePositiveIntFlag,
  type CliCommand,
  type CliIO,
} from '../command';
import { writeResult } from '../output';
import { exportedAt } from '../stamp';
import { defaultThreadCount, startRunsPool } from '../parallel-runs';
import { loadModel, parseMethod } from './simulate';

/** Below this many runs, starting worker threads costs more than it saves. */
const PARALLEL_FROM_RUNS = 4 * RANGE_SIZE;

/** "first problem (and 2 more problems)". */
export function firstProblem(problems: readonly string[]): string {
  const [first, ...rest] = problems;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return `${first ?? 'unknown problem'}${more}`;
}

/** Reads a JSON file, naming the file when it cannot be read or parsed. */
export function readJsonFile(path: string, what: string, io: CliIO): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(
      `${what} ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function readSpec(path: string, io: CliIO): SensitivitySpec {
  const parsed = parseSensitivitySpec(readJsonFile(path, 'spec', io));
  if (!parsed.ok) throw new InputError(`spec ${basename(path)}: ${firstProblem(parsed.errors)}`);
  return parsed.value;
}

/** A percentage on one terminal line (only when stderr is a terminal), at most once a percent. */
function progressLine(io: CliIO): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let shown = -1;
  return (done, total) => {
    const percent = Math.floor((done / Math.max(1, total)) * 100);
    if (percent === shown) return;
    shown = percent;
    io.stderr(`\rsensitivity: ${done} of ${total} runs (${percent}%)`);
  };
}

const USAGE = `sensitivity MODEL.xmile --spec SPEC.json --runs N --seed S [--format csv|json] [--series] [--shard i/n] [--threads N] [--method euler|rk2|rk4] [--out FILE]

Monte Carlo sensitivity: runs the model N times with the spec's constants drawn from their distributions.
  --spec      JSON: { "parameters": [{ "name": "Training budget", "distribution": { "type": "uniform",
              "min": 0, "max": 0.05 } }, ...], "sampling": "latin-hypercube" | "random",
              "kpi": { "variable": "Cumulative profit", "statistic": "final" | "mean" | "sum" },
              "outputs": [...], "percentiles": [5, 25, 50, 75, 95], "bandPoints": 61 }
              distributions: uniform(min, max), normal(mean, sd[, min, max]) (truncated when bounded),
              triangular(min, mode, max), lognormal(meanlog, sdlog) or lognormal(mean, sd) of the value
  --runs      number of runs (1 to ${MAX_RUNS}; wins over the spec's "runs")
  --seed      0 to ${MAX_SEED} (wins over the spec's "seed"); the same seed gives the same numbers
  --format    csv (default): run,<parameters>,<KPI>, one row per run, under # stamp lines;
              json: stamp, spec, KPI summary, tornado, percentile bands and every run
  --series    (csv) the recorded outputs at the band times instead: run,time,<outputs>
  --shard     run only the i-th of n equal stretches of the runs (1-based); the CSV files of shards 1..n
              concatenated are the whole run's (only shard 1 writes the stamp and the header)
  --threads   worker threads (default: every core from ${PARALLEL_FROM_RUNS} runs on)
  --method    integration method instead of the one in the file
  --out       write to FILE instead of standard output
Tornado: the KPI with each parameter at its 5th and 95th percentile, the others at their medians, and
Spearman's rank correlation over the runs. Percentiles are R's type 7.`;

export const sensitivityCommand: CliCommand = {
  name: 'sensitivity',
  summary: 'Monte Carlo sensitivity of a model: percentile bands, tornado and every run as CSV or JSON',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      spec: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string' },
      series: { type: 'boolean' },
      shard: { type: 'string' },
      threads: { type: 'string' },
      method: { type: 'string' },
      out: { type: 'string' },
    });
    const modelPath = onlyFile(positionals, 'model');
    if (values.spec === undefined) throw new UsageError('give the spec with --spec SPEC.json');
    const format = parseFormat(values.format, ['csv', 'json'] as const, 'csv');
    if (values.series === true && format !== 'csv') throw new UsageError('--series goes with --format csv');
    const method = parseMethod(values.method);
    const runs = values.runs === undefined ? undefined : parsePositiveIntFlag('--runs', values.runs);
    if (runs !== undefined && runs > MAX_RUNS)
      throw new UsageError(`--runs must be at most ${MAX_RUNS} (got ${runs})`);
    const seed = values.seed === undefined ? undefined : parseNumberFlag('--seed', values.seed);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED))
      throw new UsageError(`--seed must be a whole number from 0 to ${MAX_SEED} (got "${values.seed}")`);
    let shard: Shard | undefined;
    if (values.shard !== undefined) {
      const parsed = parseShard(values.shard);
      if (!parsed.ok) throw new UsageError(`--shard: ${parsed.error}`);
      shard = parsed.shard;
    }
    const threads =
      values.threads === undefined ? undefined : parsePositiveIntFlag('--threads', values.threads);

    const { model, text, fileName } = loadModel(modelPath, io, { method });
    const spec = resolveSpec(readSpec(values.spec, io), { runs, seed });
    if (!spec.ok) throw new InputError(`spec ${basename(values.spec)}: ${firstProblem(spec.errors)}`);
    const planned = planSensitivity(model, spec.value, fileName);
    if (!planned.ok) throw new InputError(`spec ${basename(values.spec)}: ${firstProblem(planned.errors)}`);
    const range = shard === undefined ? { from: 0, to: spec.value.runs } : shardRange(spec.value.runs, shard);

    const count = range.to - range.from;
    const threadCount = threads ?? (count >= PARALLEL_FROM_RUNS ? defaultThreadCount() : 1);
    const progress = progressLine(io);
    let result: SensitivityResult;
    try {
      if (threadCount > 1) {
        const pool = await startRunsPool(threadCount);
        try {
          result = await pool.run(
            { xmile: text.toString('utf8'), fileName, method, plan: planned.value, range },
            progress,
          );
        } finally {
          await pool.close();
        }
      } else {
        const single = runSensitivity(model, spec.value, {
          range,
          fileName,
          ...(progress === undefined ? {} : { onProgress: progress }),
        });
        if (!single.ok) throw new InputError(`spec ${basename(values.spec)}: ${firstProblem(single.errors)}`);
        result = single.value;
      }
    } finally {
      if (process.stderr.isTTY) io.stderr('\r\x1b[K');
    }

    const stamp = {
      model: fileName,
      modelHash: createHash('sha256').update(text).digest('hex'),
      appVersion: APP_VERSION,
      exportedAt: exportedAt(io),
    };
    const output =
      format === 'csv'
        ? sensitivityCsv(stamp, result, { shard, series: values.series === true })
        : JSON.stringify(sensitivityDocument(stamp, result, shard));
    // A CSV shard past the first may have no rows at all (more shards than runs): it writes nothing, not even
    // a line break, so the concatenation stays exact.
    if (output !== '') writeResult(io, output, values.out);
    else if (values.out !== undefined) writeFileSync(resolve(io.cwd, values.out), '');
  },
};
