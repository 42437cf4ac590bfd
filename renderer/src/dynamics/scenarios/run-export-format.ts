/**
 * Runs out of the app as CSV and JSON, each stamped so a figure in a report can be traced to what made it: the
 * model's SHA-256, the scenario, the seed, the app version and the export time (DESIGN.md: "CSV/JSON out, with
 * the model hash, seed and app version in the output", as the CLI's `simulate` does).
 *
 * CSV is wide and stacked: a header row `scenario,time,<variable>...` (names as in the model, like the CLI's
 * CSV, with `scenario` in front), then one row per scenario and saved time; the stamp is in `#` comment lines
 * above it, which R (`read.csv(comment.char = "#")`) and pandas (`read_csv(comment="#")`) skip. Fields are quoted
 * per RFC 4180 when they hold a comma, quote or line break. Numbers are written in JavaScript's shortest
 * round-trip form; a value that is not finite is an empty cell (NA when read).
 *
 * JSON uses the CLI's field names (model, modelHash, method, appVersion, seed, time, variables) with a `runs`
 * array, one entry per scenario; a value that is not finite is null.
 */
import { displayName } from '../../../../model/sd';
import type { Overrides, RunSeries } from '../engine/protocol';

export const RUN_EXPORT_FORMAT = 'empathy-workbench/runs@1';

export interface RunStamp {
  readonly model: string;
  /** SHA-256 of the model's saved XMILE text, lower-case hex. */
  readonly modelHash: string;
  readonly appVersion: string;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
  readonly method: string;
  /** The seed of the random functions; null when the model uses none (the run does not depend on one). */
  readonly seed: number | null;
  readonly timeUnits: string | undefined;
}

export interface ExportedRun {
  readonly scenario: string;
  readonly overrides: Overrides;
  readonly run: RunSeries;
}

/** One CSV field (RFC 4180, section 2: fields with commas, quotes or line breaks are quoted, quotes doubled). */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A comment line's value on one line: line breaks in names would end the comment early. */
const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');

export function runsToCsv(stamp: RunStamp, runs: readonly ExportedRun[]): string {
  const [first] = runs;
  const names = first?.run.names ?? [];
  const lines = [
    `# ${RUN_EXPORT_FORMAT}`,
    `# model: ${oneLine(stamp.model)}`,
    `# model_sha256: ${stamp.modelHash}`,
    `# scenario: ${runs.map((run) => oneLine(run.scenario)).join(' | ')}`,
    `# seed: ${stamp.seed === null ? 'none (the model uses no random functions)' : stamp.seed}`,
    `# app_version: ${stamp.appVersion}`,
    `# exported_at: ${stamp.exportedAt}`,
    `# method: ${stamp.method}`,
    `# time_units: ${oneLine(stamp.timeUnits ?? '')}`,
    ['scenario', 'time', ...names.map(displayName)].map(csvField).join(','),
  ];
  for (const { scenario, run } of runs) {
    // Columns follow the first run's names; every run of one model reports the same variables in the same order.
    const columns = names.map((name) => run.series[run.names.indexOf(name)]);
    for (let row = 0; row < run.time.length; row++) {
      const cells = [csvField(scenario), csvField(run.time[row] as number)];
      for (const column of columns) cells.push(column === undefined ? '' : csvField(column[row] as number));
      lines.push(cells.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

const jsonNumbers = (values: ArrayLike<number>): (number | null)[] =>
  Array.from(values, (value) => (Number.isFinite(value) ? value : null));

export function runsToJson(stamp: RunStamp, runs: readonly ExportedRun[]): string {
  const document = {
    format: RUN_EXPORT_FORMAT,
    model: stamp.model,
    modelHash: stamp.modelHash,
    method: stamp.method,
    appVersion: stamp.appVersion,
    exportedAt: stamp.exportedAt,
    seed: stamp.seed,
    timeUnits: stamp.timeUnits ?? null,
    runs: runs.map(({ scenario, overrides, run }) => ({
      scenario,
      overrides,
      time: jsonNumbers(run.time),
      variables: Object.fromEntries(
        run.names.map((name, index) => [displayName(name), jsonNumbers(run.series[index] ?? [])]),
      ),
    })),
  };
  return `${JSON.stringify(document, null, 1)}\n`;
}

/** A file name for an export: model and scenario(s), safe on every file system. */
export function exportFileName(
  model: string,
  scenarios: readonly string[],
  extension: 'csv' | 'json',
): string {
  const what = scenarios.length === 1 ? (scenarios[0] as string) : `${scenarios.length} scenarios`;
  return `${model} - ${what}.${extension}`.replace(/[\\/:*?"<>|\r\n]+/g, '_');
}
