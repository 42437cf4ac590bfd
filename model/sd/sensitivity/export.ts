/**
 * A sensitivity result out of the workbench, the same from the CLI and from the app: CSV of every run and JSON
 * of the whole result, each stamped with what reproduces it (DESIGN.md: model hash, seed and app version).
 *
 * CSV: `#` comment lines with the stamp (R's `read.csv(comment.char = "#")` and pandas' `read_csv(comment="#")`
 * skip them), then `run,<parameter>...,<KPI>` with one row per run, runs numbered from 1. With `series`, the
 * recorded outputs instead: `run,time,<output>...`, one row per run and band time. The stamp describes the
 * whole run, never a shard, and only the first shard writes it and the header: the shards' files concatenated
 * (`cat`) are byte for byte the file of the whole run. No export time is written, so the same seed gives the
 * same bytes. Numbers are JavaScript's shortest round-trip form; a value that is not finite is an empty cell.
 */
import { displayName } from '../names';
import { bandOf, seriesValue, type SensitivityResult } from './result';
import type { Shard } from './shard';

export const SENSITIVITY_FORMAT = 'empathy-workbench/sensitivity@1';

export interface SensitivityStamp {
  /** The model file's name (CLI) or the model's name (app). */
  readonly model: string;
  /** SHA-256 of the model's XMILE text, lower-case hex. */
  readonly modelHash: string;
  readonly appVersion: string;
  /** When the result was exported (ISO 8601, UTC), the date of the reproducibility stamp. */
  readonly exportedAt?: string | undefined;
}

/** One CSV field (RFC 4180 section 2: quoted when it holds a comma, quote or line break). */
function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');

/** The KPI's column name, e.g. `Cumulative profit (final)`. */
export const kpiLabel = (result: Pick<SensitivityResult, 'kpiVariable' | 'kpi'>): string =>
  `${displayName(result.kpiVariable)} (${result.kpi.statistic})`;

function stampLines(stamp: SensitivityStamp, result: SensitivityResult): string[] {
  const { spec } = result;
  return [
    `# ${SENSITIVITY_FORMAT}`,
    `# model: ${oneLine(stamp.model)}`,
    `# model_sha256: ${stamp.modelHash}`,
    `# seed: ${spec.seed}`,
    `# runs: ${spec.runs}`,
    `# sampling: ${spec.sampling}`,
    `# kpi: ${oneLine(kpiLabel(result))}`,
    `# app_version: ${stamp.appVersion}`,
    ...(stamp.exportedAt === undefined ? [] : [`# exported_at: ${stamp.exportedAt}`]),
  ];
}

export interface CsvOptions {
  /** The shard this result is (stamp and header only in the first). */
  readonly shard?: Shard | undefined;
  /** The outputs over time instead of one row per run. */
  readonly series?: boolean;
}

export function sensitivityCsv(
  stamp: SensitivityStamp,
  result: SensitivityResult,
  options: CsvOptions = {},
): string {
  const first = options.shard === undefined || options.shard.index === 1;
  const lines: string[] = [];
  const { from, to } = result.range;
  const runs = to - from;
  if (options.series === true) {
    if (first)
      lines.push(
        ...stampLines(stamp, result),
        ['run', 'time', ...result.outputs.map(displayName)].map(csvField).join(','),
      );
    const points = result.bandTimes.length;
    for (let run = 0; run < runs; run++) {
      for (let point = 0; point < points; point++) {
        const cells = [String(from + run + 1), csvField(result.bandTimes[point] as number)];
        for (let output = 0; output < result.outputs.length; output++)
          cells.push(csvField(seriesValue(result, output, run, point)));
        lines.push(cells.join(','));
      }
    }
  } else {
    if (first)
      lines.push(
        ...stampLines(stamp, result),
        ['run', ...result.parameters.map(displayName), kpiLabel(result)].map(csvField).join(','),
      );
    const k = result.parameters.length;
    for (let run = 0; run < runs; run++) {
      const cells = [String(from + run + 1)];
      for (let j = 0; j < k; j++) cells.push(csvField(result.samples[run * k + j] as number));
      cells.push(csvField(result.kpiValues[run] as number));
      lines.push(cells.join(','));
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

const json = (value: number): number | null => (Number.isFinite(value) ? value : null);
const jsonArray = (values: ArrayLike<number>): (number | null)[] => Array.from(values, json);
const percentKey = (percent: number): string => `p${percent}`;

/** The JSON document: stamp, spec, summary, tornado, bands and every run's draws and KPI. */
export function sensitivityDocument(
  stamp: SensitivityStamp,
  result: SensitivityResult,
  shard?: Shard,
): Record<string, unknown> {
  const { spec, range } = result;
  const k = result.parameters.length;
  return {
    format: SENSITIVITY_FORMAT,
    model: stamp.model,
    modelHash: stamp.modelHash,
    appVersion: stamp.appVersion,
    ...(stamp.exportedAt === undefined ? {} : { exportedAt: stamp.exportedAt }),
    seed: spec.seed,
    runs: spec.runs,
    sampling: spec.sampling,
    shard:
      shard === undefined
        ? null
        : { index: shard.index, count: shard.count, firstRun: range.from + 1, lastRun: range.to },
    spec,
    parameters: result.parameters,
    kpi: { variable: result.kpiVariable, statistic: result.kpi.statistic, label: kpiLabel(result) },
    summary: {
      runs: result.summary.runs,
      missing: result.summary.missing,
      mean: json(result.summary.mean),
      sd: json(result.summary.sd),
      min: json(result.summary.min),
      max: json(result.summary.max),
      percentiles: Object.fromEntries(
        result.summary.percentiles.map(({ percent, value }) => [percentKey(percent), json(value)]),
      ),
    },
    tornado: {
      base: json(result.tornado.base),
      entries: result.tornado.entries.map((entry) => ({
        parameter: entry.parameter,
        low: json(entry.low),
        median: json(entry.median),
        high: json(entry.high),
        kpiAtLow: json(entry.kpiAtLow),
        kpiAtHigh: json(entry.kpiAtHigh),
        swing: json(entry.swing),
        rankCorrelation: json(entry.rankCorrelation),
      })),
    },
    bands: {
      time: jsonArray(result.bandTimes),
      percentiles: result.percentiles,
      variables: Object.fromEntries(
        result.outputs.map((name, output) => [
          displayName(name),
          Object.fromEntries(
            result.percentiles.map((percent, q) => [
              percentKey(percent),
              jsonArray(bandOf(result, output, q)),
            ]),
          ),
        ]),
      ),
    },
    runResults: Array.from({ length: range.to - range.from }, (_, run) => ({
      run: range.from + run + 1,
      parameters: Object.fromEntries(
        result.parameters.map((name, j) => [displayName(name), json(result.samples[run * k + j] as number)]),
      ),
      kpi: json(result.kpiValues[run] as number),
    })),
  };
}
