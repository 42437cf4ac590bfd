/**
 * `compare did --data FILE.csv --group COL --period COL --outcome COL [--cluster COL]`: difference in differences
 * by OLS y ~ treated * post with classical, HC1 and cluster-robust (CR1) standard errors, a reading in plain words
 * and its assumptions (model/measure/difference-in-differences.ts). JSON.
 */
import { basename } from 'node:path';
import { differenceInDifferences } from '../../../model/measure';
import { APP_VERSION } from '../../app-info';
import { InputError, UsageError, parseCommandArgs, parseFormat, type CliCommand } from '../command';
import { parseShareFlag, writeJsonDocument } from './compare-ab';
import { readCsvTable } from './stats-regress';

const USAGE = `compare did --data FILE.csv --group COL --period COL --outcome COL [--cluster COL] [--control LEVEL]
            [--before LEVEL] [--alpha 0.05] [--treated-label TEXT] [--control-label TEXT] [--outcome-label TEXT]
            [--format json] [--out FILE]

Difference in differences: how much more the treated rows' --outcome changed from before to after than the
control rows', as the interaction of OLS outcome ~ group * period (R: lm(y ~ treated * post)).
  --group    two values: control and treated; --control names the control (default 0, no, false, control,
             or the first in sorted order)
  --period   two values: before and after; --before names the first (default 0, before, pre, or the first in
             sorted order)
  --cluster  rows sharing a value (a person, a team) are one cluster: cluster-robust CR1 SE, as statsmodels
             cov_type="cluster" and Stata, with t on (clusters - 1) df; the reading then uses it
  --alpha    1 - confidence of the intervals (default 0.05)
  --treated-label, --control-label, --outcome-label
             words for the reading, e.g. "Teams that took the training", "the others", "customer retention"
  --format   json (the only format): cells (the four means), estimate, coefficients, classical, hc1 and cluster
             {stdError, t, df, p, confidenceInterval}, reading, assumptions
  --out      write to FILE instead of standard output
Rows missing a used value are dropped and counted.`;

export const compareDidCommand: CliCommand = {
  name: 'compare did',
  summary: 'difference in differences (before/after, treated/control) with classical and cluster-robust SE',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        data: { type: 'string' },
        group: { type: 'string' },
        period: { type: 'string' },
        outcome: { type: 'string' },
        cluster: { type: 'string' },
        control: { type: 'string' },
        before: { type: 'string' },
        'treated-label': { type: 'string' },
        'control-label': { type: 'string' },
        'outcome-label': { type: 'string' },
        alpha: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (values.data === undefined) throw new UsageError('give the data with --data FILE.csv');
    if (values.group === undefined) throw new UsageError('give the treated/control column with --group COL');
    if (values.period === undefined) throw new UsageError('give the before/after column with --period COL');
    if (values.outcome === undefined) throw new UsageError('give the outcome column with --outcome COL');
    parseFormat(values.format, ['json'] as const, 'json');
    const alpha = parseShareFlag('--alpha', values.alpha, 0.05);
    const table = readCsvTable(values.data, io);
    const result = differenceInDifferences(table, {
      outcome: values.outcome,
      group: values.group,
      period: values.period,
      alpha,
      ...(values.cluster === undefined ? {} : { cluster: values.cluster }),
      ...(values.control === undefined ? {} : { control: values.control }),
      ...(values.before === undefined ? {} : { before: values.before }),
      wording: {
        ...(values['treated-label'] === undefined ? {} : { treated: values['treated-label'] }),
        ...(values['control-label'] === undefined ? {} : { control: values['control-label'] }),
        ...(values['outcome-label'] === undefined ? {} : { outcome: values['outcome-label'] }),
      },
    });
    if (!result.ok) throw new InputError(`${basename(values.data)}: ${result.error}`);
    const document = { data: basename(values.data), appVersion: APP_VERSION, ...result.value };
    writeJsonDocument(io, document, values.out);
  },
};
