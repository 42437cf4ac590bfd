/**
 * Sample size per group for a two-sided test at level `alpha` with power `power`, two equal groups.
 *
 * Proportions: the normal-approximation formula that R's `power.prop.test` solves (its default, strict = FALSE):
 *   n = (z_{1-α/2} √(2 p̄ q̄) + z_{1-β} √(p1 q1 + p2 q2))² / (p1 - p2)²,  p̄ = (p1 + p2)/2
 * (Fleiss, Levin & Paik 2003, "Statistical Methods for Rates and Proportions", 3rd ed., eq. 4.14, without the
 * continuity correction). Solved in closed form, so it equals R's value up to uniroot's tolerance.
 *
 * Means: the normal-approximation formula n = 2 (z_{1-α/2} + z_{1-β})² σ²/δ² plus Guenther's (1981, The American
 * Statistician 35:243) correction z²_{1-α/2}/4 for estimating σ, which brings it within 0.02 of a person of
 * R's `power.t.test` when n is above 50 and within 0.15 when n is near 8 (R iterates on the noncentral t, which
 * no installed package provides); the tests check those tolerances.
 */
import { normalQuantile } from '../sd/sensitivity/normal-quantile';

export interface SampleSize {
  /** Unrounded n per group from the formula. */
  readonly exact: number;
  /** People needed in each group (rounded up). */
  readonly perGroup: number;
  readonly power: number;
  readonly alpha: number;
  readonly method: string;
}

export function proportionSampleSize(
  p1: number,
  p2: number,
  alpha: number,
  power: number,
): SampleSize | null {
  if (p1 === p2 || !(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) return null;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const pBar = (p1 + p2) / 2;
  const exact =
    (zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 /
    (p1 - p2) ** 2;
  return {
    exact,
    perGroup: Math.ceil(exact - 1e-9),
    power,
    alpha,
    method: 'two-proportion z-test, normal approximation (as R power.prop.test)',
  };
}

export function meanSampleSize(delta: number, sd: number, alpha: number, power: number): SampleSize | null {
  if (delta === 0 || !(sd > 0)) return null;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const exact = (2 * (zAlpha + zBeta) ** 2 * sd ** 2) / delta ** 2 + zAlpha ** 2 / 4;
  return {
    exact,
    perGroup: Math.ceil(exact - 1e-9),
    power,
    alpha,
    method: "two-sample t-test, normal approximation with Guenther's correction (R power.t.test within 0.15)",
  };
}
