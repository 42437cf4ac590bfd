/**
 * `stats regress`: end to end through `npx tsx electron/cli/main.ts` for the exit codes and the JSON fields
 * the issue names, on swiss (R lm + sandwich + lmtest, 1e-9); in process for categorical predictors named as R
 * names them (`factor(cyl)6`, `transmissionmanual`) against R on mtcars, the chosen reference level, CSV
 * output, dropped rows and bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, spawnCli } from './cli-support';

const ROOT = resolve(import.meta.dirname, '../../..');
const SWISS = 'test/fixtures/stats/swiss.csv';
const MTCARS = 'test/fixtures/stats/mtcars.csv';
const SWISS_X = 'Agriculture,Examination,Education,Catholic,Infant.Mortality';

interface Coefficient {
  readonly estimate: number;
  readonly stdError: number;
  readonly t: number;
  readonly p: number;
}
interface RegressionJson {
  readonly n: number;
  readonly se: string;
  readonly droppedRows: number[];
  readonly coefficients: Record<string, Coefficient>;
  readonly rSquared: number;
  readonly adjRSquared: number;
  readonly fStatistic: { value: number; df1: number; df2: number; p: number };
  readonly robustWaldF: { value: number; df1: number; df2: number; p: number };
  readonly logLik: number;
  readonly aic: number;
  readonly bic: number;
  readonly reading: Record<string, string>;
}
type ExpectedCoefficients = Record<
  string,
  { estimate: number; std_error: number; t_value: number; p_value: number }
>;

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const cli = (argv: string[], cwd = ROOT) => runCliCaptured(argv, { cwd });

function expectCoefficients(
  actual: Record<string, Coefficient>,
  expected: ExpectedCoefficients,
  tolerance: number,
): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [name, want] of Object.entries(expected)) {
    const got = actual[name];
    expect(Math.abs((got?.estimate ?? Number.NaN) - want.estimate), name).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(want.estimate)),
    );
    expect(Math.abs((got?.stdError ?? Number.NaN) - want.std_error), name).toBeLessThanOrEqual(
      tolerance * Math.max(1, want.std_error),
    );
    expect(Math.abs((got?.t ?? Number.NaN) - want.t_value), name).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(want.t_value)),
    );
    expect(Math.abs((got?.p ?? Number.NaN) - want.p_value), name).toBeLessThanOrEqual(tolerance);
  }
}

describe('stats regress (end to end)', () => {
  const spawn = (args: string[]) => spawnCli(args);

  it('exits 0 with the fields the issue names, matching R on swiss with HC1 errors (1e-9)', () => {
    const child = spawn([
      'stats',
      'regress',
      '--data',
      SWISS,
      '--y',
      'Fertility',
      '--x',
      SWISS_X,
      '--se',
      'hc1',
      '--format',
      'json',
    ]);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as RegressionJson;
    const expected = (
      readJson('test/fixtures/stats/regression_swiss_expected.json') as { swiss: Record<string, unknown> }
    ).swiss as {
      coefficients_HC1: ExpectedCoefficients;
      r_squared: number;
      adj_r_squared: number;
      f_statistic_classical: { F: number };
      wald_F_HC1: { F: number; p_value: number };
      loglik: number;
      aic: number;
      bic: number;
    };
    // R orders coefficients as the formula does; the reference file lists them alphabetically.
    const ordered = Object.fromEntries(
      ['(Intercept)', ...SWISS_X.split(',')].map((name) => [
        name,
        expected.coefficients_HC1[name] as ExpectedCoefficients[string],
      ]),
    );
    expectCoefficients(result.coefficients, ordered, 1e-9);
    expect(result.se).toBe('hc1');
    expect(result.n).toBe(47);
    expect(Math.abs(result.rSquared - expected.r_squared)).toBeLessThan(1e-9);
    expect(Math.abs(result.adjRSquared - expected.adj_r_squared)).toBeLessThan(1e-9);
    expect(Math.abs(result.fStatistic.value - expected.f_statistic_classical.F)).toBeLessThan(1e-9);
    expect(Math.abs(result.robustWaldF.value - expected.wald_F_HC1.F)).toBeLessThan(1e-9);
    expect(Math.abs(result.logLik - expected.loglik)).toBeLessThan(1e-9);
    expect(Math.abs(result.aic - expected.aic)).toBeLessThan(1e-9);
    expect(Math.abs(result.bic - expected.bic)).toBeLessThan(1e-9);
    expect(result.reading['Education']).toMatch(
      /^Each one-unit increase in Education goes with Fertility 0\.87 lower, holding .* \(p < 0\.001; robust HC1 standard errors\)\. This is an association, not proof of cause\.$/,
    );
  });

  it('exits 1 with one line naming a missing column', () => {
    const child = spawn([
      'stats',
      'regress',
      '--data',
      SWISS,
      '--y',
      'Fertility',
      '--x',
      'Agriculture,Wealth',
    ]);
    expect(child.status).toBe(1);
    expect(child.stderr.trim().split('\n')).toEqual([
      'empathy-workbench stats regress: swiss.csv: no column "Wealth" (predictor Wealth) in the data',
    ]);
  });

  it('exits 2 for bad usage', () => {
    const child = spawn([
      'stats',
      'regress',
      '--data',
      SWISS,
      '--y',
      'Fertility',
      '--x',
      'Agriculture',
      '--se',
      'hc2',
    ]);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('--se must be one of classical, hc0, hc1, hc3 (got "hc2")');
  });
});

describe('stats regress (in process)', () => {
  const mtcars = readJson('test/fixtures/stats/regression_mtcars_expected.json') as Record<
    'factors' | 'releveled',
    {
      n: number;
      r_squared: number;
      wald_F_HC1: number;
      coefficients_classical: ExpectedCoefficients;
      coefficients_HC1: ExpectedCoefficients;
      coefficients_HC3: ExpectedCoefficients;
    }
  >;

  it('names categorical coefficients as R does and matches R on mtcars (classical, HC1, HC3)', async () => {
    for (const [se, key] of [
      ['classical', 'coefficients_classical'],
      ['hc1', 'coefficients_HC1'],
      ['hc3', 'coefficients_HC3'],
    ] as const) {
      const { code, out, err } = await cli([
        'stats',
        'regress',
        '--data',
        MTCARS,
        '--y',
        'mpg',
        '--x',
        'wt,hp,factor(cyl),transmission',
        '--se',
        se,
      ]);
      expect(err).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(out) as RegressionJson;
      expectCoefficients(result.coefficients, mtcars.factors[key], 1e-9);
      if (se === 'hc1')
        expect(Math.abs(result.robustWaldF.value - mtcars.factors.wald_F_HC1)).toBeLessThan(1e-9);
      expect(Math.abs(result.rSquared - mtcars.factors.r_squared)).toBeLessThan(1e-9);
    }
  });

  it('takes a chosen reference level', async () => {
    const { code, out } = await cli([
      'stats',
      'regress',
      '--data',
      MTCARS,
      '--y',
      'mpg',
      '--x',
      'wt,factor(cyl)',
      '--reference',
      'cyl=6',
      '--se',
      'hc1',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as RegressionJson;
    expectCoefficients(result.coefficients, mtcars.releveled.coefficients_HC1, 1e-9);
    expect(result.reading['factor(cyl)8']).toContain('cyl "8" rather than "6"');
  });

  it('writes the coefficient table as CSV', async () => {
    const { code, out } = await cli([
      'stats',
      'regress',
      '--data',
      MTCARS,
      '--y',
      'mpg',
      '--x',
      'wt',
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('name,estimate,stdError,t,p');
    expect(lines.map((line) => line.split(',')[0])).toEqual(['name', '(Intercept)', 'wt']);
  });

  it('drops rows with a missing value and says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regress-'));
    const lines = readFileSync(join(ROOT, SWISS), 'utf8').trim().split('\n');
    lines[3] = (lines[3] ?? '').replace(/,[^,]*$/, ',NA');
    writeFileSync(join(dir, 'swiss-na.csv'), `${lines.join('\n')}\n`);
    const { code, out } = await cli(
      ['stats', 'regress', '--data', 'swiss-na.csv', '--y', 'Fertility', '--x', SWISS_X],
      dir,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out) as RegressionJson;
    expect(result.n).toBe(46);
    expect(result.droppedRows).toEqual([4]);
  });

  it('names bad input (exit 1) and bad usage (exit 2)', async () => {
    const input: [string[], string][] = [
      [['stats', 'regress', '--data', 'missing.csv', '--y', 'a', '--x', 'b'], 'cannot read missing.csv'],
      [
        ['stats', 'regress', '--data', MTCARS, '--y', 'transmission', '--x', 'wt'],
        'row 2, column "transmission": "manual" is not a number (the outcome must be numeric)',
      ],
      [
        ['stats', 'regress', '--data', MTCARS, '--y', 'mpg', '--x', 'wt,factor(cyl)', '--reference', 'cyl=5'],
        'reference level "5" is not a level of factor(cyl) (levels: 4, 6, 8)',
      ],
      [['stats', 'regress', '--data', MTCARS, '--y', 'mpg', '--x', 'wt,wt'], 'predictor wt is given twice'],
    ];
    for (const [argv, message] of input) {
      const { code, err } = await cli(argv);
      expect(code, argv.join(' ')).toBe(1);
      expect(err).toContain(message);
    }
    for (const argv of [
      ['stats', 'regress', '--y', 'a', '--x', 'b'],
      ['stats', 'regress', '--data', MTCARS, '--x', 'b'],
      ['stats', 'regress', '--data', MTCARS, '--y', 'mpg'],
      ['stats', 'regress', '--data', MTCARS, '--y', 'mpg', '--x', 'wt,'],
      ['stats', 'regress', '--data', MTCARS, '--y', 'mpg', '--x', 'log(wt)'],
      ['stats', 'regress', '--data', MTCARS, '--y', 'mpg', '--x', 'wt', '--reference', 'cyl'],
      ['stats', 'regress', '--data', MTCARS, '--y', 'mpg', '--x', 'wt', 'extra'],
    ]) {
      const { code } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
    }
  });
});
