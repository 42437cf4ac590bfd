/**
 * The regression page's calculation against R (lm, sandwich::vcovHC, lmtest::coeftest): swiss with every kind of
 * standard error, mtcars with a numeric column as factor and a text column, and a chosen reference level.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../model/stats';
import { formulaOf, regressionCsv } from '../../../renderer/src/regression/regression-export';
import {
  defaultSpec,
  focusNames,
  profileColumns,
  regressionJson,
  runRegression,
  type RegressionSpec,
} from '../../../renderer/src/regression/regression-run';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/stats');
const table = (file: string) => {
  const reading = readCsvText(readFileSync(resolve(FIXTURES, file), 'utf8'), file);
  if (!reading.ok) throw new Error(reading.problem.message);
  return reading.table;
};
const json = (file: string) =>
  JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8')) as Record<string, never>;

type Expected = Record<string, { estimate: number; std_error: number; t_value?: number; p_value: number }>;
const swissExpected = json('regression_swiss_expected.json')['swiss'] as unknown as Record<
  string,
  Expected
> & {
  r_squared: number;
  wald_F_HC1: { F: number; p_value: number };
};
const mtcarsExpected = json('regression_mtcars_expected.json') as unknown as Record<
  'factors' | 'releveled',
  { coefficients_classical: Expected; coefficients_HC1: Expected; r_squared: number }
>;

function agrees(
  rows: readonly { name: string; estimate: number; stdError: number; p: number }[],
  expected: Expected,
) {
  expect(rows.map((row) => row.name).sort()).toEqual(Object.keys(expected).sort());
  for (const row of rows) {
    const want = expected[row.name];
    expect(Math.abs(row.estimate - (want?.estimate ?? Number.NaN)), row.name).toBeLessThan(1e-8);
    expect(Math.abs(row.stdError - (want?.std_error ?? Number.NaN)), row.name).toBeLessThan(1e-8);
    expect(Math.abs(row.p - (want?.p_value ?? Number.NaN)), row.name).toBeLessThan(1e-9);
  }
}

describe('the regression page', () => {
  const swiss = table('swiss.csv');
  const swissProfiles = profileColumns(swiss);

  it('starts swiss as R’s model: the first numeric column on every other numeric one', () => {
    const spec = defaultSpec(swissProfiles);
    expect(spec.outcome).toBe('Fertility');
    expect(spec.predictors.map((entry) => entry.column)).toEqual([
      'Agriculture',
      'Examination',
      'Education',
      'Catholic',
      'Infant.Mortality',
    ]);
    expect(swissProfiles.find((profile) => profile.name === 'province')?.numeric).toBe(false);
  });

  for (const kind of ['classical', 'hc0', 'hc1', 'hc3'] as const) {
    it(`matches R on swiss with ${kind} standard errors`, () => {
      const outcome = runRegression(swiss, swissProfiles, { ...defaultSpec(swissProfiles), se: kind });
      if (!outcome.ok) throw new Error(outcome.error);
      const key = kind === 'classical' ? 'coefficients_classical' : `coefficients_${kind.toUpperCase()}`;
      agrees(outcome.fit.rows, swissExpected[key] as Expected);
      expect(outcome.fit.rSquared).toBeCloseTo(swissExpected.r_squared, 10);
      if (kind === 'hc1') expect(outcome.fit.waldF?.value).toBeCloseTo(swissExpected.wald_F_HC1.F, 8);
    });
  }

  it('matches R on mtcars with factor(cyl), a text column and a chosen reference level', () => {
    const mtcars = table('mtcars.csv');
    const profiles = profileColumns(mtcars);
    const factors: RegressionSpec = {
      outcome: 'mpg',
      predictors: [
        { column: 'wt', kind: 'numeric' },
        { column: 'hp', kind: 'numeric' },
        { column: 'cyl', kind: 'categorical' },
        { column: 'transmission', kind: 'categorical' },
      ],
      se: 'hc1',
      focus: 'transmission',
    };
    const outcome = runRegression(mtcars, profiles, factors);
    if (!outcome.ok) throw new Error(outcome.error);
    agrees(outcome.fit.rows, mtcarsExpected.factors.coefficients_HC1);
    expect(formulaOf(outcome.fit, factors)).toBe('mpg ~ wt + hp + factor(cyl) + transmission');
    expect(focusNames(outcome.fit, 'transmission')).toEqual(['transmissionmanual']);
    expect(outcome.fit.readings['transmissionmanual']).toMatch(
      /^transmission "manual" rather than "automatic" goes with mpg/,
    );

    const releveled = runRegression(mtcars, profiles, {
      outcome: 'mpg',
      predictors: [
        { column: 'wt', kind: 'numeric' },
        { column: 'cyl', kind: 'categorical', reference: '6' },
      ],
      se: 'classical',
      focus: '',
    });
    if (!releveled.ok) throw new Error(releveled.error);
    agrees(releveled.fit.rows, mtcarsExpected.releveled.coefficients_classical);
  });

  it('says what is wrong instead of fitting a model that cannot be', () => {
    const spec = defaultSpec(swissProfiles);
    expect(runRegression(swiss, swissProfiles, { ...spec, predictors: [] })).toEqual({
      ok: false,
      error: 'choose at least one predictor',
    });
    expect(
      runRegression(swiss, swissProfiles, { ...spec, predictors: [{ column: 'province', kind: 'numeric' }] }),
    ).toEqual({
      ok: false,
      error: '“province” holds text, so it can only be a categorical predictor',
    });
    const all = runRegression(swiss, swissProfiles, {
      ...spec,
      predictors: [...spec.predictors, { column: 'province', kind: 'categorical' }],
    });
    expect(all.ok === false && all.error).toMatch(/cannot estimate|collinear/);
    expect(readCsvText('', 'empty.csv')).toEqual({
      ok: false,
      problem: { row: null, column: null, message: 'empty.csv is empty (no header row)' },
    });
  });

  it('exports the CLI’s JSON fields and a stamped CSV', () => {
    const spec = defaultSpec(swissProfiles);
    const outcome = runRegression(swiss, swissProfiles, spec);
    if (!outcome.ok) throw new Error(outcome.error);
    const source = {
      fileName: 'swiss.csv',
      dataHash: 'a'.repeat(64),
      appVersion: '0.1.0',
      exportedAt: '2026-01-01T00:00:00.000Z',
    };
    const document = JSON.parse(regressionJson(outcome.fit, spec, source)) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(
      expect.arrayContaining([
        'coefficients',
        'rSquared',
        'adjRSquared',
        'fStatistic',
        'robustWaldF',
        'logLik',
        'aic',
        'bic',
        'reading',
        'dataHash',
      ]),
    );
    const csv = regressionCsv(outcome.fit, spec, source).split('\n');
    expect(csv[0]).toBe('# format: empathy-workbench/regression@1');
    expect(csv).toContain(
      '# formula: Fertility ~ Agriculture + Examination + Education + Catholic + Infant.Mortality',
    );
    const agriculture = Number(csv.find((line) => line.startsWith('Agriculture,'))?.split(',')[1]);
    expect(agriculture).toBeCloseTo(
      swissExpected['coefficients_classical']?.['Agriculture']?.estimate ?? Number.NaN,
      9,
    );
  });
});
