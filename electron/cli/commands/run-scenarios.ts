/**
 * `run-scenarios MODEL.xmile --grid GRID.csv [--out FILE] [--format csv|json]` (issue 9, point 2): every row
 * of the grid is a scenario (run-scenarios-grid.ts), every run goes into one long-format output
 * (run-scenarios-output.ts), the runs share the CLI's worker pool (parallel-runs.ts) so a big grid uses every
 * core, and a progress line goes to stderr.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_SEED, canonicalName, type CompiledModel } from '../../../model/sd';
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
import { runGridRows, type ScenariosResult } from '../parallel-scenarios';
import { readScenarioGrid, type ScenarioGrid } from './run-scenarios-grid';
import { scenarioRunsCsv, scenarioRunsJson, type ScenarioRunsStamp } from './run-scenarios-output';
import { loadModel, parseMethod } from './simulate';
import { parseList, readCsvTable } from './stats-regress';

/**
 * Below this many rows one thread does the runs: starting the workers (about half a second to bundle and load
 * them from a development checkout) costs more than a few dozen runs of a model like the empathy model.
 */
const PARALLEL_FROM_ROWS = 32;

/** The variables to report: those named by --vars (checked), else the model's stocks. */
function reportedVariables(model: CompiledModel, fileName: string, names: readonly string[]): string[] {
  if (names.length === 0)
    return model.variables.filter((variable) => variable.kind === 'stock').map((variable) => variable.name);
  const byId = new Map(model.variables.map((variable) => [variable.id, variable.name]));
  const unknown = names.filter((name) => !byId.has(canonicalName(name)));
  if (unknown.length > 0)
    throw new InputError(
      `--vars: ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is not a variable' : 'are not variables'} of ${fileName}`,
    );
  return names.map((name) => byId.get(canonicalName(name)) as string);
}

/**
 * "run k/N" on stderr: rewritten in place on a terminal; to a file or pipe (a job's log) one line at each
 * tenth of the grid and at the end, so the log shows progress without a line per run.
 */
function progressLine(io: CliIO, tty: boolean): (done: number, total: number) => void {
  let shownTenth = -1;
  return (done, total) => {
    if (tty) {
      io.stderr(`\rrun-scenarios: run ${done}/${total}`);
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth === shownTenth && done !== total) return;
    shownTenth = tenth;
    io.stderr(`run-scenarios: run ${done}/${total}\n`);
  };
}

const USAGE = `run-scenarios MODEL.xmile --grid GRID.csv [--out FILE] [--format csv|json] [--vars a,b] [--threads N] [--seed N] [--method euler|rk2|rk4]

Runs the model once per row of a scenario grid and writes every run into one output.
  --grid      CSV with a header; each row is a scenario. The first column may be "scenario" (the rows'
              names; otherwise row1, row2, ...); every other column names a model constant (or a stock
              whose initial value is a number), matched ignoring case, spaces and underscores. An empty
              cell keeps the model's own value.
  --format    csv (default): long format, header scenario,time,variable,value, one row per scenario,
              saved time and variable, under # stamp lines (model and grid SHA-256, seed, app version,
              date); json: the stamp and runs: [{ scenario, overrides, time, variables: { name: [...] } }]
  --vars      comma-separated variables to report (default: the model's stocks, the state every other
              variable follows from)
  --threads   worker threads (default: every core from ${PARALLEL_FROM_ROWS} rows on, else 1)
  --seed      seed for random functions that have none of their own (default ${DEFAULT_SEED})
  --method    integration method instead of the one in the file
  --out       write to FILE instead of standard output (written whole or not at all)
Progress ("run k/N") goes to standard error.`;

export const runScenariosCommand: CliCommand = {
  name: 'run-scenarios',
  summary: 'run a model over a grid of scenarios (CSV rows) into one long-format CSV or JSON',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      grid: { type: 'string' },
      format: { type: 'string' },
      vars: { type: 'string' },
      threads: { type: 'string' },
      seed: { type: 'string' },
      method: { type: 'string' },
      out: { type: 'string' },
    });
    const modelPath = onlyFile(positionals, 'model');
    if (values.grid === undefined) throw new UsageError('give the scenario grid with --grid GRID.csv');
    const format = parseFormat(values.format, ['csv', 'json'] as const, 'csv');
    const method = parseMethod(values.method);
    const threads =
      values.threads === undefined ? undefined : parsePositiveIntFlag('--threads', values.threads);
    const seed = values.seed === undefined ? DEFAULT_SEED : parseNumberFlag('--seed', values.seed);
    const requested = parseList('--vars', values.vars);

    const { model, text, fileName } = loadModel(modelPath, io, { method });
    const variables = reportedVariables(model, fileName, requested);
    const gridName = basename(values.grid);
    const grid: ScenarioGrid = readScenarioGrid(readCsvTable(values.grid, io), model, gridName);
    const rows = grid.names.length;

    const threadCount = threads ?? (rows >= PARALLEL_FROM_ROWS ? defaultThreadCount() : 1);
    const tty = process.stderr.isTTY;
    const progress = progressLine(io, tty);
    let result: ScenariosResult;
    try {
      const job = { parameters: grid.parameters, parameterCount: model.parameters.length, seed };
      if (threadCount > 1) {
        const pool = await startRunsPool(Math.min(threadCount, rows));
        try {
          result = await pool.runScenarios(
            { ...job, xmile: text.toString('utf8'), fileName, method, variables },
            progress,
          );
        } finally {
          await pool.close();
        }
      } else {
        const runner = {
          runner: model.createRunner({ variables }),
          parameterCount: job.parameterCount,
          seed,
        };
        const width = job.parameterCount;
        let time: Float64Array = new Float64Array(0);
        const series = grid.names.map((_, row) => {
          const one = runGridRows(runner, grid.parameters.subarray(row * width, (row + 1) * width));
          time = one.time;
          progress(row + 1, rows);
          return one.values;
        });
        result = { time, rows: series };
      }
    } finally {
      if (tty) io.stderr('\r\x1b[K');
    }

    const stamp: ScenarioRunsStamp = {
      model: fileName,
      modelHash: createHash('sha256').update(text).digest('hex'),
      grid: gridName,
      gridHash: createHash('sha256')
        .update(readFileSync(resolve(io.cwd, values.grid)))
        .digest('hex'),
      method: model.specs.method,
      seed: model.usesRandom ? seed : null,
      appVersion: APP_VERSION,
      exportedAt: exportedAt(io),
      timeUnits: model.document.simSpecs.timeUnits,
    };
    const runs = { grid, variables, time: result.time, rows: result.rows };
    writeResult(
      io,
      format === 'csv' ? scenarioRunsCsv(stamp, runs) : scenarioRunsJson(stamp, runs),
      values.out,
    );
  },
};
