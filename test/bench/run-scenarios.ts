/**
 * Batch-run speed (issue 9, point 2): the empathy model over a 100-row grid of its six levers through the CLI
 * worker pool (electron/cli/parallel-runs.ts, parallel-scenarios.ts), on 2 threads and on 1, reporting the
 * stocks as `run-scenarios` does by default. Timed from the pool being ready to every row's series back on this
 * thread (the first job, as one CLI invocation runs it, then the same job on the warmed pool); the long CSV is then written (to memory) and timed apart, since for a grid this size writing a million
 * lines costs as much as the runs. The grid is a fixed lattice, so the figures compare from one run to the next.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { scenarioRunsCsv } from '../../electron/cli/commands/run-scenarios-output';
import { readScenarioGrid } from '../../electron/cli/commands/run-scenarios-grid';
import { startRunsPool } from '../../electron/cli/parallel-runs';
import { compileModel, readXmile, type CompiledModel } from '../../model/sd';
import type { Benchmark } from './main';

const ROOT = resolve(import.meta.dirname, '../..');
const MODEL = 'sample-data/empathy-smb.xmile';
const ROWS = 100;
const LEVERS = [
  'Training budget',
  'Leadership commitment',
  'Hiring policy',
  'Overtime policy',
  'Automation level',
  'Human handoff',
] as const;

/** 100 rows spread over the levers' ranges (row i takes the i-th point of a fixed lattice). */
function benchGrid(): { columns: string[]; rows: string[][] } {
  const ranges: readonly (readonly [number, number])[] = [
    [0, 0.05],
    [0.2, 0.9],
    [0.8, 1.1],
    [0, 1],
    [0, 0.8],
    [0, 1],
  ];
  const rows = Array.from({ length: ROWS }, (_, row) => [
    `grid ${row + 1}`,
    ...ranges.map(([low, high], lever) => String(low + ((high - low) * ((row * (lever + 3)) % 11)) / 10)),
  ]);
  return { columns: ['scenario', ...LEVERS], rows };
}

function compiled(text: string): CompiledModel {
  const read = readXmile(text, 'empathy-smb.xmile');
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('; '));
  const model = compileModel(read.value);
  if (!model.ok) throw new Error(model.errors.map((error) => error.message).join('; '));
  return model.value;
}

export const runScenariosBenchmark: Benchmark = {
  name: 'Batch runs over a scenario grid (run-scenarios through the CLI worker pool)',
  async run(print) {
    const text = readFileSync(resolve(ROOT, MODEL), 'utf8');
    const model = compiled(text);
    const grid = readScenarioGrid(benchGrid(), model, 'bench-grid.csv');
    const variables = model.variables.filter((variable) => variable.kind === 'stock').map((v) => v.name);
    const load = (): string => `load ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`;
    for (const threads of [2, 1]) {
      const pool = await startRunsPool(threads);
      try {
        const job = {
          xmile: text,
          fileName: 'empathy-smb.xmile',
          method: undefined,
          variables,
          seed: 1,
          parameters: grid.parameters,
          parameterCount: model.parameters.length,
        };
        // The first job on a fresh pool: each worker compiles the model and its code is not yet optimised,
        // which is what one CLI invocation pays. The second is the same grid on the warmed pool.
        let start = performance.now();
        await pool.runScenarios(job);
        const cold = (performance.now() - start) / 1000;
        start = performance.now();
        const result = await pool.runScenarios(job);
        const warm = (performance.now() - start) / 1000;
        const writeStart = performance.now();
        const csv = scenarioRunsCsv(
          {
            model: 'empathy-smb.xmile',
            modelHash: '',
            grid: 'bench-grid.csv',
            gridHash: '',
            method: model.specs.method,
            seed: null,
            appVersion: '',
            exportedAt: new Date().toISOString(),
            timeUnits: undefined,
          },
          { grid, variables, time: result.time, rows: result.rows },
        );
        const writeSeconds = (performance.now() - writeStart) / 1000;
        print(
          `empathy-smb.xmile run-scenarios, ${ROWS}-row grid (6 levers, ${variables.length} stocks) on ${threads} thread${threads === 1 ? '' : 's'}: runs ${cold.toFixed(2)} s (again on the warm pool ${warm.toFixed(2)} s); long CSV ${(csv.length / 1e6).toFixed(0)} MB in ${writeSeconds.toFixed(2)} s (${load()})`,
        );
      } finally {
        await pool.close();
      }
    }
  },
};
