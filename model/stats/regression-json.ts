/**
 * The fields a regression's JSON carries (`stats regress --format json` and the Regression page's export), from
 * the sample size to the terms: JSON has no NaN or Infinity, so a number that is not finite is written null.
 */
import type { DesignTerm } from './design-matrix';
import type { CoefficientRow, FTest } from './ols';

/** A finite number as it is, anything else as null (JSON cannot hold NaN or Infinity). */
export const jsonNumber = (value: number): number | null => (Number.isFinite(value) ? value : null);

const fTestJson = (test: FTest | null) =>
  test === null
    ? null
    : { value: jsonNumber(test.value), df1: test.df1, df2: test.df2, p: jsonNumber(test.p) };

/** What the fields are made from: the fit's figures, its coefficient table and the design's terms. */
export interface RegressionFigures {
  readonly n: number;
  readonly droppedRows: readonly number[];
  readonly dfResidual: number;
  readonly rows: readonly CoefficientRow[];
  readonly rSquared: number;
  readonly adjRSquared: number;
  readonly residualStandardError: number;
  readonly fStatistic: FTest | null;
  /** The Wald test of all slopes with the chosen covariance (equal to fStatistic for classical SEs). */
  readonly waldF: FTest | null;
  readonly logLik: number;
  readonly aic: number;
  readonly bic: number;
  readonly terms: readonly DesignTerm[];
}

/** n, droppedRows, dfResidual, coefficients by name, the fit statistics and the terms, in this order. */
export function regressionJsonFields(figures: RegressionFigures) {
  return {
    n: figures.n,
    droppedRows: figures.droppedRows,
    dfResidual: figures.dfResidual,
    coefficients: Object.fromEntries(
      figures.rows.map((row) => [
        row.name,
        {
          estimate: jsonNumber(row.estimate),
          stdError: jsonNumber(row.stdError),
          t: jsonNumber(row.t),
          p: jsonNumber(row.p),
        },
      ]),
    ),
    rSquared: jsonNumber(figures.rSquared),
    adjRSquared: jsonNumber(figures.adjRSquared),
    residualStandardError: jsonNumber(figures.residualStandardError),
    fStatistic: fTestJson(figures.fStatistic),
    robustWaldF: fTestJson(figures.waldF),
    logLik: jsonNumber(figures.logLik),
    aic: jsonNumber(figures.aic),
    bic: jsonNumber(figures.bic),
    terms: figures.terms.map((term) => ({
      term: term.text,
      kind: term.kind,
      ...(term.kind === 'categorical' ? { levels: term.levels, reference: term.reference } : {}),
    })),
  };
}
