/**
 * `compare ab --data FILE.csv --group COL --outcome COL`: an A/B test of two variants on a proportion (two-proportion
 * z-test, Wald CI) or a mean (Welch t-test), with the sample size per variant for a given power and a reading in
 * plain words with its assumptions (model/measure/ab-test.ts). JSON.
 */
import { basename } from 'node:path';
import { compareAb, type AbKind } from '../../../model/measure';
import { APP_VERSION } from '../../app-info';
import {
  InputError,
  UsageError,
  parseCommandArgs,
  parseFormat,
  parseNumberFlag,
  type CliCommand,
  type CliIO,
} from '../command';
import { writeResult } from '../output';
import { readCsvTable } from './stats-regress';

/** A probability flag strictly between 0 and 1 (--alpha, --power). */
export function parseShareFlag(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const share = parseNumberFlag(flag, value);
  if (!(share > 0 && share < 1)) throw new UsageError(`${flag} must be between 0 and 1 (got "${value}")`);
  return share;
}

/** Writes a result as JSON, NaN and infinities as null (JSON has neither). */
export function writeJsonDocument(io: CliIO, document: object, out: string | undefined): void {
  const finite = (_: string, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? null : value;
  writeResult(io, JSON.stringify(document, finite, 2), out);
}

const USAGE = `compare ab --data FILE.csv --group COL --outcome COL [--kind proportion|mean] [--control LEVEL]
           [--alpha 0.05] [--power 0.8] [--detect DIFF] [--format json] [--out FILE]

Compares two variants (the two values of --group) on --outcome: a proportion (0/1, yes/no, true/false;
two-proportion z-test with the pooled SE, Wald interval with the unpooled SE, as R prop.test(correct = FALSE))
or a mean (Welch's t-test, as R t.test). The effect is variant minus control.
  --kind     proportion (default) or mean
  --control  the reference variant; by default A, 0, no, control, before or pre if one of the values is, else
             the first in sorted order
  --alpha    significance level, and 1 - confidence of the interval (default 0.05)
  --power    power for the sample size per variant (default 0.8)
  --detect   the difference the sample size is for (a proportion difference such as 0.05, or a difference of
             means); default the observed one
  --format   json (the only format): control and variant {level, n, estimate, sd}, effect, stdError,
             statistic, df, p, confidenceInterval, sampleSize {perGroup, exact, method}, reading, assumptions
  --out      write to FILE instead of standard output
Rows missing the group or the outcome are dropped and counted.`;

export const compareAbCommand: CliCommand = {
  name: 'compare ab',
  summary: 'A/B test of two variants on a proportion or a mean, with the sample size for a given power',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        data: { type: 'string' },
        group: { type: 'string' },
        outcome: { type: 'string' },
        kind: { type: 'string' },
        control: { type: 'string' },
        alpha: { type: 'string' },
        power: { type: 'string' },
        detect: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (values.data === undefined) throw new UsageError('give the data with --data FILE.csv');
    if (values.group === undefined) throw new UsageError('give the variant column with --group COL');
    if (values.outcome === undefined) throw new UsageError('give the outcome column with --outcome COL');
    const kind = (values.kind ?? 'proportion') as AbKind;
    if (kind !== 'proportion' && kind !== 'mean')
      throw new UsageError(`--kind must be proportion or mean (got "${values.kind ?? ''}")`);
    parseFormat(values.format, ['json'] as const, 'json');
    const alpha = parseShareFlag('--alpha', values.alpha, 0.05);
    const power = parseShareFlag('--power', values.power, 0.8);
    const detect = values.detect === undefined ? undefined : parseNumberFlag('--detect', values.detect);
    if (detect === 0) throw new UsageError('--detect must not be 0');
    const table = readCsvTable(values.data, io);
    const result = compareAb(table, {
      group: values.group,
      outcome: values.outcome,
      kind,
      alpha,
      power,
      ...(values.control === undefined ? {} : { control: values.control }),
      ...(detect === undefined ? {} : { detect }),
    });
    if (!result.ok) throw new InputError(`${basename(values.data)}: ${result.error}`);
    const document = { data: basename(values.data), appVersion: APP_VERSION, ...result.value };
    writeJsonDocument(io, document, values.out);
  },
};
