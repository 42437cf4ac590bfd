/**
 * Two-sided p-values and upper tails computed without subtracting from 1, so they stay accurate far into the
 * tails (a t of 39 on 1,292 df has p = 5.75e-222 in R; 1 - cdf would give 0). The distributions are
 * @stdlib's per-function packages (STYLE.md: jstat loses the tails).
 */
import betainc from '@stdlib/math-base-special-betainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import studentTCdf from '@stdlib/stats-base-dists-t-cdf';

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom: 2 F(-|t|) by symmetry. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  return Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
}

/** P(|Z| >= |z|) for the standard normal (Wald tests of MNL coefficients, as R's summary.clogit). */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/**
 * P(F >= f) for F(df1, df2). With x = df2 / (df2 + df1 f), P(F >= f) = I_x(df2/2, df1/2), the regularized
 * incomplete beta (Abramowitz & Stegun 26.6.2), evaluated directly rather than as 1 - I_{1-x}(df1/2, df2/2).
 */
export function fUpperTailP(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}
