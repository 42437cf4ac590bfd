/**
 * Ordinary least squares by Householder QR (ml-matrix), with the standard errors researchers are asked for:
 * classical, and the heteroskedasticity-consistent sandwiches HC0 (White 1980, Econometrica 48:817), HC1
 * (the n/(n-k) correction; Stata's "robust") and HC3 (MacKinnon & White 1985, J. Econometrics 29:305).
 * Everything is computed from X = QR without forming X'X: (X'X)^-1 = R^-1 R^-T, leverages h_i = |Q_i|^2 and
 * the sandwich's meat Q' diag(w) Q, so nothing loses digits to squaring the condition number. Matches R's
 * lm + sandwich::vcovHC + lmtest::coeftest to 1e-9 on the swiss data (test/model/stats).
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import type { Result } from './data-table';
import { fUpperTailP, studentTTwoSidedP } from './distributions';

export type StandardErrorKind = 'classical' | 'hc0' | 'hc1' | 'hc3';
export const STANDARD_ERROR_KINDS: readonly StandardErrorKind[] = ['classical', 'hc0', 'hc1', 'hc3'];

/** What OLS needs: a row-major n x k design matrix, the outcome and the coefficients' names. */
export interface OlsInput {
  readonly names: readonly string[];
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly k: number;
  /** Whether the first column is the intercept (R2 is then centred and F tests the other columns). */
  readonly hasIntercept: boolean;
}

export interface FTest {
  readonly value: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
}

export interface CoefficientRow {
  readonly name: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly t: number;
  readonly p: number;
}

export interface OlsFit {
  readonly names: readonly string[];
  readonly estimates: Float64Array;
  readonly n: number;
  readonly k: number;
  readonly hasIntercept: boolean;
  readonly dfResidual: number;
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  /** Diagonal of the hat matrix X (X'X)^-1 X'. */
  readonly leverage: Float64Array;
  readonly rss: number;
  readonly residualStandardError: number;
  readonly rSquared: number;
  readonly adjRSquared: number;
  /** The classical F test of all slopes (null when there are none). */
  readonly fStatistic: FTest | null;
  /** Gaussian log-likelihood at the ML variance RSS/n, as R's logLik.lm. */
  readonly logLik: number;
  /** -2 logLik + 2 (k + 1): the residual variance counts as a parameter, as in R's AIC. */
  readonly aic: number;
  readonly bic: number;
  /** Row-major k x k covariance of the estimates for each kind of standard error. */
  readonly covariance: Readonly<Record<StandardErrorKind, Float64Array>>;
}

/** R's lm flags a column as aliased when its pivot is below 1e-7 of its norm (lm.fit's tol). */
const COLLINEARITY_TOLERANCE = 1e-7;

export function fitOls(input: OlsInput): Result<OlsFit> {
  const { n, k, names, hasIntercept } = input;
  if (k === 0) return { ok: false, error: 'the model has no coefficients' };
  if (n <= k)
    return {
      ok: false,
      error: `${n} observation${n === 1 ? '' : 's'} cannot estimate ${k} coefficients (need more rows than coefficients)`,
    };
  const x = new Matrix(n, k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) x.set(i, j, input.x[i * k + j] as number);
  const qr = new QrDecomposition(x);
  const r = qr.upperTriangularMatrix;
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (input.x[i * k + j] as number) ** 2;
    if (Math.abs(r.get(j, j)) <= COLLINEARITY_TOLERANCE * Math.sqrt(norm) || norm === 0)
      return {
        ok: false,
        error: `"${names[j] ?? j}" is an exact combination of the columns before it (collinear predictors); drop it or one of those`,
      };
  }
  const q = qr.orthogonalMatrix;
  const beta = qr.solve(Matrix.columnVector(Array.from(input.y))).getColumn(0);
  const estimates = Float64Array.from(beta);

  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  const leverage = new Float64Array(n);
  let rss = 0;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += (input.y[i] as number) / n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    let value = 0;
    let h = 0;
    for (let j = 0; j < k; j++) {
      value += (input.x[i * k + j] as number) * (estimates[j] as number);
      h += q.get(i, j) ** 2;
    }
    fitted[i] = value;
    const residual = (input.y[i] as number) - value;
    residuals[i] = residual;
    leverage[i] = h;
    rss += residual * residual;
    const deviation = hasIntercept ? (input.y[i] as number) - yMean : (input.y[i] as number);
    tss += deviation * deviation;
  }
  const dfResidual = n - k;
  const sigma2 = rss / dfResidual;

  // (X'X)^-1 = R^-1 R^-T; the sandwiches are R^-1 (Q' diag(w) Q) R^-T.
  const rInverse = upperTriangularInverse(r);
  const bread = (meat: Matrix): Float64Array => {
    const product = rInverse.mmul(meat).mmul(rInverse.transpose());
    return Float64Array.from(product.to1DArray());
  };
  const meatOf = (weight: (i: number) => number): Matrix => {
    const meat = new Matrix(k, k);
    for (let a = 0; a < k; a++)
      for (let b = a; b < k; b++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += q.get(i, a) * weight(i) * q.get(i, b);
        meat.set(a, b, sum);
        meat.set(b, a, sum);
      }
    return meat;
  };
  const classical = bread(Matrix.eye(k, k).mul(sigma2));
  const hc0 = bread(meatOf((i) => (residuals[i] as number) ** 2));
  const hc1 = hc0.map((value) => (value * n) / dfResidual);
  const hc3 = bread(meatOf((i) => ((residuals[i] as number) / (1 - (leverage[i] as number))) ** 2));

  const rSquared = 1 - rss / tss;
  const interceptCount = hasIntercept ? 1 : 0;
  const adjRSquared = 1 - ((1 - rSquared) * (n - interceptCount)) / dfResidual;
  const slopes = k - interceptCount;
  const fStatistic =
    slopes === 0
      ? null
      : (() => {
          const value = (tss - rss) / slopes / sigma2;
          return { value, df1: slopes, df2: dfResidual, p: fUpperTailP(value, slopes, dfResidual) };
        })();
  const logLik = -(n / 2) * (Math.log(2 * Math.PI) + 1 + Math.log(rss / n));
  const parameters = k + 1;
  return {
    ok: true,
    value: {
      names,
      estimates,
      n,
      k,
      hasIntercept,
      dfResidual,
      fitted,
      residuals,
      leverage,
      rss,
      residualStandardError: Math.sqrt(sigma2),
      rSquared,
      adjRSquared,
      fStatistic,
      logLik,
      aic: -2 * logLik + 2 * parameters,
      bic: -2 * logLik + Math.log(n) * parameters,
      covariance: { classical, hc0, hc1, hc3 },
    },
  };
}

/** Inverse of an upper-triangular matrix by back substitution, column by column. */
function upperTriangularInverse(r: Matrix): Matrix {
  const k = r.rows;
  const inverse = new Matrix(k, k);
  for (let column = 0; column < k; column++) {
    for (let row = column; row >= 0; row--) {
      let sum = row === column ? 1 : 0;
      for (let inner = row + 1; inner <= column; inner++)
        sum -= r.get(row, inner) * inverse.get(inner, column);
      inverse.set(row, column, sum / r.get(row, row));
    }
  }
  return inverse;
}

/** Estimates with their standard errors, t = estimate / SE and two-sided Student-t p on n - k df. */
export function coefficientTable(fit: OlsFit, kind: StandardErrorKind = 'classical'): CoefficientRow[] {
  const covariance = fit.covariance[kind];
  return fit.names.map((name, j) => {
    const estimate = fit.estimates[j] as number;
    const stdError = Math.sqrt(covariance[j * fit.k + j] as number);
    const t = estimate / stdError;
    return { name, estimate, stdError, t, p: studentTTwoSidedP(t, fit.dfResidual) };
  });
}

/**
 * Wald test that every slope is zero with the chosen covariance: F = (Rb)'[R V R']^-1 (Rb) / q on (q, n - k)
 * df (Wooldridge, "Econometric Analysis of Cross Section and Panel Data", 2nd ed., eq. 4.13; lmtest::waldtest
 * with vcov = vcovHC). With classical errors it equals the classical F.
 */
export function waldFTest(fit: OlsFit, kind: StandardErrorKind): FTest | null {
  const first = fit.hasIntercept ? 1 : 0;
  const q = fit.k - first;
  if (q === 0) return null;
  const covariance = fit.covariance[kind];
  const v = new Matrix(q, q);
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) v.set(a, b, covariance[(a + first) * fit.k + b + first] as number);
  const slopes = Matrix.columnVector(Array.from(fit.estimates.subarray(first)));
  const solved = new QrDecomposition(v).solve(slopes);
  const value = slopes.transpose().mmul(solved).get(0, 0) / q;
  return { value, df1: q, df2: fit.dfResidual, p: fUpperTailP(value, q, fit.dfResidual) };
}

/**
 * A linear combination w'b with its standard error sqrt(w'Vw), t and p: the effects-coded level that is not
 * estimated (minus the sum of the others) gets its SE this way.
 */
export function linearCombination(
  fit: OlsFit,
  name: string,
  weights: readonly number[],
  kind: StandardErrorKind = 'classical',
): CoefficientRow {
  const covariance = fit.covariance[kind];
  let estimate = 0;
  let variance = 0;
  for (let a = 0; a < fit.k; a++) {
    const wa = weights[a] ?? 0;
    estimate += wa * (fit.estimates[a] as number);
    for (let b = 0; b < fit.k; b++)
      variance += wa * (weights[b] ?? 0) * (covariance[a * fit.k + b] as number);
  }
  const stdError = Math.sqrt(variance);
  const t = estimate / stdError;
  return { name, estimate, stdError, t, p: studentTTwoSidedP(t, fit.dfResidual) };
}
