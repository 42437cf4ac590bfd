/**
 * `stats regress --data FILE.csv --y COL --x a,b,factor(c)`: ordinary least squares with numeric and
 * categorical predictors, coefficients named as R names them (`(Intercept)`, `a`, `factor(c)6`), classical or
 * heteroskedasticity-consistent standard errors (HC0, HC1, HC3), and the fit statistics R's summary.lm,
 * logLik, AIC and BIC give. JSON (default) or CSV of the coefficient table.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  STANDARD_ERROR_KINDS,
  buildDesignMatrix,
  coefficientTable,
  fitOls,
  parseTerm,
  readCoefficient,
  readCsvText,
  regressionJsonFields,
  waldFTest,
  type DataTable,
  type StandardErrorKind,
  type TermSpec,
} from '../../../model/stats';
import { APP_VERSION } from '../../app-info';
import {
  InputError,
  UsageError,
  parseCommandArgs,
  parseFormat,
  type CliCommand,
  type CliIO,
} from '../command';
import { csvRow, writeResult } from '../output';

/** Reads a CSV file (RFC 4180, header row) into the table model/ validates; a file that does not parse exits 1. */
export function readCsvTable(path: string, io: CliIO): DataTable {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const reading = readCsvText(text, basename(path));
  if (!reading.ok) throw new InputError(reading.problem.message);
  return reading.table;
}

/** `a,b` → trimmed non-empty names. */
export function parseList(flag: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new UsageError(`${flag} has an empty name in "${value}"`);
  return items;
}

const USAGE = `stats regress --data FILE.csv --y COL --x a,b,factor(c) [--se classical|hc0|hc1|hc3] [--reference COL=LEVEL ...] [--format json|csv] [--out FILE]

Ordinary least squares of --y on the --x predictors, with an intercept.
  --x          comma-separated predictors: a numeric column by name; factor(col) or a text column for a
               categorical one, dummy coded against its first level (R's order) or --reference
  --se         standard errors: classical (default), hc0, hc1 (Stata's "robust") or hc3
  --reference  COL=LEVEL: the reference level of a categorical predictor (repeatable)
  --format     json (default): coefficients {estimate, stdError, t, p}, rSquared, adjRSquared, fStatistic,
               robustWaldF, logLik, aic, bic, and a plain-words reading of each coefficient;
               csv: the coefficient table
  --out        write to FILE instead of standard output
Rows missing a used value are dropped (as R's na.omit), and counted in the output.`;

export const statsRegressCommand: CliCommand = {
  name: 'stats regress',
  summary: 'OLS regression with classical or robust (HC0/HC1/HC3) standard errors',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        data: { type: 'string' },
        y: { type: 'string' },
        x: { type: 'string' },
        se: { type: 'string' },
        reference: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (values.data === undefined) throw new UsageError('give the data file with --data FILE.csv');
    if (values.y === undefined) throw new UsageError('give the outcome column with --y COL');
    const termTexts = parseList('--x', values.x);
    if (termTexts.length === 0) throw new UsageError('give at least one predictor with --x a,b,factor(c)');
    const kind = (values.se ?? 'classical') as StandardErrorKind;
    if (!STANDARD_ERROR_KINDS.includes(kind))
      throw new UsageError(
        `--se must be one of ${STANDARD_ERROR_KINDS.join(', ')} (got "${values.se ?? ''}")`,
      );
    const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
    const terms: TermSpec[] = termTexts.map((text) => {
      const term = parseTerm(text);
      if (!term.ok) throw new UsageError(`--x: ${term.error}`);
      return term.value;
    });
    const references: Record<string, string> = {};
    for (const assignment of values.reference ?? []) {
      const equals = assignment.indexOf('=');
      if (equals <= 0) throw new UsageError(`--reference expects COL=LEVEL (got "${assignment}")`);
      references[assignment.slice(0, equals).trim()] = assignment.slice(equals + 1).trim();
    }

    const table = readCsvTable(values.data, io);
    const design = buildDesignMatrix(table, values.y, terms, { references });
    if (!design.ok) throw new InputError(`${basename(values.data)}: ${design.error}`);
    const fitted = fitOls(design.value);
    if (!fitted.ok) throw new InputError(`${basename(values.data)}: ${fitted.error}`);
    const fit = fitted.value;
    const rows = coefficientTable(fit, kind);
    if (format === 'csv') {
      const lines = [
        csvRow(['name', 'estimate', 'stdError', 't', 'p']),
        ...rows.map((row) => csvRow([row.name, row.estimate, row.stdError, row.t, row.p])),
      ];
      writeResult(io, `${lines.join('\n')}\n`, values.out);
      return;
    }
    const document = {
      data: basename(values.data),
      appVersion: APP_VERSION,
      outcome: values.y,
      se: kind,
      ...regressionJsonFields({
        ...fit,
        droppedRows: design.value.droppedRows,
        rows,
        waldF: waldFTest(fit, kind),
        terms: design.value.terms,
      }),
      reading: Object.fromEntries(
        fit.names.map((name) => [
          name,
          readCoefficient(fit, design.value.terms, values.y as string, name, kind),
        ]),
      ),
    };
    writeResult(io, JSON.stringify(document, null, 2), values.out);
  },
};
