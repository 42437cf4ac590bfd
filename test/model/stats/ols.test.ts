/**
 * OLS against R 4.2.2 (lm, sandwich 3.0.2, lmtest 0.9.40) on the swiss data: estimates, classical, HC0, HC1
 * and HC3 standard errors, t and p, R2, adjusted R2, F, the HC1 Wald F, logLik, AIC and BIC, all to 1e-9
 * (test/fixtures/stats/regression_swiss_expected.json).
 */
import { describe, expect, it } from 'vitest';
import {
  buildDesignMatrix,
  coefficientTable,
  fitOls,
  linearCombination,
  parseTerm,
  waldFTest,
  type DesignMatrix,
  type OlsFit,
  type StandardErrorKind,
} from '../../../model/stats';
import { readFixtureJson, readFixtureTable } from './fixture-table';

interface ExpectedCoefficient {
  readonly estimate: number;
  readonly std_error: number;
  readonly t_value: number;
  readonly p_value: number;
}
interface ExpectedSwiss {
  readonly swiss: {
    readonly n: number;
    readonly df_residual: number;
    readonly r_squared: number;
    readonly adj_r_squared: number;
    readonly residual_se: number;
    readonly rss: number;
    readonly f_statistic_classical: { F: number; df1: number; df2: number; p_value: number };
    readonly wald_F_HC1: { F: number; df1: number; df2: number; p_value: number };
    readonly loglik: number;
    readonly aic: number;
    readonly bic: number;
  } & Record<`coefficients_${'classical' | 'HC0' | 'HC1' | 'HC3'}`, Record<string, ExpectedCoefficient>>;
}

const expected = (readFixtureJson('stats/regression_swiss_expected.json') as ExpectedSwiss).swiss;
const TOLERANCE = 1e-9;
const PREDICTORS = ['Agriculture', 'Examination', 'Education', 'Catholic', 'Infant.Mortality'];

function swissDesign(): DesignMatrix {
  const terms = PREDICTORS.map((text) => {
    const term = parseTerm(text);
    if (!term.ok) throw new Error(term.error);
    return term.value;
  });
  const design = buildDesignMatrix(readFixtureTable('stats/swiss.csv'), 'Fertility', terms);
  if (!design.ok) throw new Error(design.error);
  return design.value;
}

function swissFit(): OlsFit {
  const fit = fitOls(swissDesign());
  if (!fit.ok) throw new Error(fit.error);
  return fit.value;
}

/** |a - b| <= tolerance, or relative for numbers far below it (p-values in the tails). */
function expectClose(actual: number, wanted: number, tolerance = TOLERANCE): void {
  expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(wanted)));
}

describe('OLS on swiss (R lm + sandwich + lmtest)', () => {
  const fit = swissFit();

  it('names the coefficients as R does and keeps all 47 rows', () => {
    expect(fit.names).toEqual(['(Intercept)', ...PREDICTORS]);
    expect(fit.n).toBe(expected.n);
    expect(fit.dfResidual).toBe(expected.df_residual);
  });

  const kinds: [StandardErrorKind, 'classical' | 'HC0' | 'HC1' | 'HC3'][] = [
    ['classical', 'classical'],
    ['hc0', 'HC0'],
    ['hc1', 'HC1'],
    ['hc3', 'HC3'],
  ];
  for (const [kind, label] of kinds) {
    it(`${label}: estimate, SE, t and p within 1e-9`, () => {
      const rows = coefficientTable(fit, kind);
      for (const row of rows) {
        const want = expected[`coefficients_${label}`][row.name];
        expect(want, row.name).toBeDefined();
        if (want === undefined) continue;
        expectClose(row.estimate, want.estimate);
        expectClose(row.stdError, want.std_error);
        expectClose(row.t, want.t_value);
        expect(Math.abs(row.p - want.p_value)).toBeLessThanOrEqual(TOLERANCE);
        // The reference prints 12 significant digits: p-values agree relatively too, deep in the tail.
        expect(Math.abs(row.p - want.p_value) / want.p_value).toBeLessThan(1e-7);
      }
    });
  }

  it('R2, adjusted R2, residual SE, RSS, logLik, AIC and BIC within 1e-9', () => {
    expectClose(fit.rSquared, expected.r_squared);
    expectClose(fit.adjRSquared, expected.adj_r_squared);
    expectClose(fit.residualStandardError, expected.residual_se);
    expectClose(fit.rss, expected.rss);
    expectClose(fit.logLik, expected.loglik);
    expectClose(fit.aic, expected.aic);
    expectClose(fit.bic, expected.bic);
  });

  it('classical F and the HC1 Wald F with their p-values', () => {
    const f = fit.fStatistic;
    expect(f).not.toBeNull();
    expectClose(f?.value ?? Number.NaN, expected.f_statistic_classical.F);
    expect([f?.df1, f?.df2]).toEqual([5, 41]);
    expect(Math.abs((f?.p ?? 0) / expected.f_statistic_classical.p_value - 1)).toBeLessThan(1e-8);
    const wald = waldFTest(fit, 'hc1');
    expectClose(wald?.value ?? Number.NaN, expected.wald_F_HC1.F);
    expect(Math.abs((wald?.p ?? 0) / expected.wald_F_HC1.p_value - 1)).toBeLessThan(1e-8);
    // With the classical covariance the Wald F is the classical F.
    expectClose(waldFTest(fit, 'classical')?.value ?? Number.NaN, expected.f_statistic_classical.F);
  });

  it('a linear combination carries its SE through the covariance (here: one coefficient alone)', () => {
    const weights = fit.names.map((name) => (name === 'Education' ? 1 : 0));
    const row = linearCombination(fit, 'Education', weights, 'hc3');
    expectClose(row.stdError, expected.coefficients_HC3['Education']?.std_error ?? Number.NaN);
  });
});

describe('OLS refuses what it cannot estimate', () => {
  it('names the collinear column', () => {
    const design = swissDesign();
    const k = design.k + 1;
    const x = new Float64Array(design.n * k);
    for (let i = 0; i < design.n; i++) {
      for (let j = 0; j < design.k; j++) x[i * k + j] = design.x[i * design.k + j] as number;
      // Twice Agriculture minus Education: exactly collinear.
      x[i * k + design.k] =
        2 * (design.x[i * design.k + 1] as number) - (design.x[i * design.k + 3] as number);
    }
    const fit = fitOls({ ...design, k, x, names: [...design.names, 'combo'] });
    expect(fit.ok).toBe(false);
    if (!fit.ok) expect(fit.error).toContain('"combo"');
  });

  it('needs more rows than coefficients', () => {
    const fit = fitOls({
      names: ['a', 'b'],
      x: new Float64Array([1, 2, 1, 3]),
      y: new Float64Array([1, 2]),
      n: 2,
      k: 2,
      hasIntercept: true,
    });
    expect(fit.ok).toBe(false);
  });
});
