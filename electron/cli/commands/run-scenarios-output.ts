/**
 * What `run-scenarios` writes. CSV is long: `scenario,time,variable,value`, one row per scenario, saved time and
 * variable (the shape R's tidyverse and pandas' `melt` work in), under `#` stamp lines that R
 * (`read.csv(comment.char = "#")`) and pandas (`read_csv(comment="#")`) skip, with the keys of the app's run
 * export (renderer/src/dynamics/scenarios/run-export-format.ts) plus the grid's file and hash. JSON uses the
 * app's run-export field names too: the stamp, then `runs`, one entry per scenario with the grid's values and the
 * series. A value that is not finite is an empty cell in CSV and null in JSON.
 */
import { csvField } from '../output';
import type { ScenarioGrid } from './run-scenarios-grid';

export const SCENARIO_RUNS_FORMAT = 'empathy-workbench/scenario-runs@1';

export interface ScenarioRunsStamp {
  readonly model: string;
  readonly modelHash: string;
  readonly grid: string;
  readonly gridHash: string;
  readonly method: string;
  /** null when the model draws no random numbers (its runs do not depend on a seed). */
  readonly seed: number | null;
  readonly appVersion: string;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
  readonly timeUnits: string | undefined;
}

export interface ScenarioRuns {
  readonly grid: ScenarioGrid;
  /** The reported variables, as written in the model. */
  readonly variables: readonly string[];
  readonly time: Float64Array;
  /** Per grid row: variable k at time i is [k * time.length + i]. */
  readonly rows: readonly Float64Array[];
}

const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');
const cell = (value: number): string => (Number.isFinite(value) ? String(value) : '');

export function scenarioRunsCsv(stamp: ScenarioRunsStamp, runs: ScenarioRuns): string {
  const lines = [
    `# ${SCENARIO_RUNS_FORMAT}`,
    `# model: ${oneLine(stamp.model)}`,
    `# model_sha256: ${stamp.modelHash}`,
    `# grid: ${oneLine(stamp.grid)}`,
    `# grid_sha256: ${stamp.gridHash}`,
    `# scenario: ${runs.grid.names.length} rows of the grid, named in the scenario column`,
    `# seed: ${stamp.seed === null ? 'none (the model uses no random functions)' : stamp.seed}`,
    `# app_version: ${stamp.appVersion}`,
    `# exported_at: ${stamp.exportedAt}`,
    `# method: ${stamp.method}`,
    `# time_units: ${oneLine(stamp.timeUnits ?? '')}`,
    'scenario,time,variable,value',
  ];
  const times = Array.from(runs.time, cell);
  const variables = runs.variables.map(csvField);
  const points = times.length;
  runs.grid.names.forEach((name, row) => {
    const scenario = csvField(name);
    const values = runs.rows[row] as Float64Array;
    for (let point = 0; point < points; point++) {
      const prefix = `${scenario},${times[point] as string},`;
      variables.forEach((variable, k) => {
        lines.push(`${prefix}${variable},${cell(values[k * points + point] as number)}`);
      });
    }
  });
  return `${lines.join('\n')}\n`;
}

const jsonNumbers = (values: ArrayLike<number>): (number | null)[] =>
  Array.from(values, (value) => (Number.isFinite(value) ? value : null));

export function scenarioRunsJson(stamp: ScenarioRunsStamp, runs: ScenarioRuns): string {
  const points = runs.time.length;
  const time = jsonNumbers(runs.time);
  const document = {
    format: SCENARIO_RUNS_FORMAT,
    model: stamp.model,
    modelHash: stamp.modelHash,
    grid: stamp.grid,
    gridHash: stamp.gridHash,
    method: stamp.method,
    appVersion: stamp.appVersion,
    exportedAt: stamp.exportedAt,
    seed: stamp.seed,
    timeUnits: stamp.timeUnits ?? null,
    runs: runs.grid.names.map((scenario, row) => {
      const values = runs.rows[row] as Float64Array;
      return {
        scenario,
        overrides: runs.grid.overrides[row] ?? {},
        time,
        variables: Object.fromEntries(
          runs.variables.map((name, k) => [name, jsonNumbers(values.subarray(k * points, (k + 1) * points))]),
        ),
      };
    }),
  };
  return JSON.stringify(document);
}
