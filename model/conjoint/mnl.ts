/**
 * Multinomial (conditional) logit by Newton-Raphson: P(j | set) = exp(x_j'b) / sum_i exp(x_i'b), with the
 * analytic gradient sum_s (x_chosen - xbar_s) and information sum_s sum_j p_j (x_j - xbar_s)(x_j - xbar_s)'
 * (Train 2009, "Discrete Choice Methods with Simulation", 2nd ed., sections 3.7 and 8.3). The log-likelihood
 * is globally concave, so Newton from zero with step halving converges in a handful of iterations. Standard
 * errors from the inverse information, z and p from the normal (as R's clogit and mlogit). Matches R's
 * survival::clogit on the Fishing data (test/model/conjoint/mnl.test.ts).
 */
import type { Result } from '../stats/data-table';
import { normalTwoSidedP } from '../stats/distributions';
import type { ChoiceSets } from './choice-sets';
import { choleskyInPlace, choleskySolve, inverseFromCholesky } from './dense-matrix';

export interface MnlCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly z: number;
  readonly p: number;
}

export interface MnlFit {
  readonly names: readonly string[];
  readonly estimates: Float64Array;
  /** Row-major k x k inverse information. */
  readonly covariance: Float64Array;
  readonly coefficients: readonly MnlCoefficient[];
  readonly logLik: number;
  /** The log-likelihood with every alternative equally likely: -sum log J_s. */
  readonly logLikNull: number;
  /** 1 - logLik / logLikNull (McFadden 1974). */
  readonly mcfaddenR2: number;
  readonly aic: number;
  readonly bic: number;
  readonly nSets: number;
  readonly iterations: number;
}

/**
 * Log-likelihood of sets [from, to) at `beta`; when given, adds the gradient into `gradient` and the
 * information (minus the Hessian) into `information` (row-major k x k, lower and upper filled).
 * `scratch` must hold at least the largest set's number of alternatives.
 */
export function mnlLogLikelihood(
  sets: ChoiceSets,
  beta: ArrayLike<number>,
  from: number,
  to: number,
  scratch: Float64Array,
  gradient?: Float64Array,
  information?: Float64Array,
  mean?: Float64Array,
): number {
  const { k, x, setStart, chosen } = sets;
  let logLik = 0;
  for (let s = from; s < to; s++) {
    const first = setStart[s] as number;
    const count = (setStart[s + 1] as number) - first;
    let largest = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < count; j++) {
      let utility = 0;
      const row = (first + j) * k;
      for (let p = 0; p < k; p++) utility += (x[row + p] as number) * (beta[p] as number);
      scratch[j] = utility;
      if (utility > largest) largest = utility;
    }
    let sum = 0;
    for (let j = 0; j < count; j++) {
      const e = Math.exp((scratch[j] as number) - largest);
      scratch[j] = e;
      sum += e;
    }
    const chosenIndex = chosen[s] as number;
    logLik += Math.log((scratch[chosenIndex] as number) / sum);
    if (gradient === undefined) continue;
    for (let j = 0; j < count; j++) scratch[j] = (scratch[j] as number) / sum;
    const xbar = mean as Float64Array;
    xbar.fill(0);
    for (let j = 0; j < count; j++) {
      const pj = scratch[j] as number;
      const row = (first + j) * k;
      for (let p = 0; p < k; p++) xbar[p] = (xbar[p] as number) + pj * (x[row + p] as number);
    }
    const chosenRow = (first + chosenIndex) * k;
    for (let p = 0; p < k; p++)
      gradient[p] = (gradient[p] as number) + (x[chosenRow + p] as number) - (xbar[p] as number);
    if (information === undefined) continue;
    for (let j = 0; j < count; j++) {
      const pj = scratch[j] as number;
      const row = (first + j) * k;
      for (let a = 0; a < k; a++) {
        const da = pj * ((x[row + a] as number) - (xbar[a] as number));
        if (da === 0) continue;
        for (let b = 0; b <= a; b++)
          information[a * k + b] =
            (information[a * k + b] as number) + da * ((x[row + b] as number) - (xbar[b] as number));
      }
    }
  }
  if (information !== undefined)
    for (let a = 0; a < k; a++)
      for (let b = 0; b < a; b++) information[b * k + a] = information[a * k + b] as number;
  return logLik;
}

/**
 * The log-likelihood alone of sets [from, to) at beta[offset .. offset + k): the hierarchical Bayes sampler's
 * inner loop, kept free of the gradient branches and of subarray views so it stays monomorphic and fast.
 */
export function mnlLogLikelihoodAt(
  sets: ChoiceSets,
  beta: Float64Array,
  offset: number,
  from: number,
  to: number,
  scratch: Float64Array,
): number {
  const { k, x, setStart, chosen } = sets;
  let logLik = 0;
  for (let s = from; s < to; s++) {
    const first = setStart[s] as number;
    const count = (setStart[s + 1] as number) - first;
    let largest = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < count; j++) {
      let utility = 0;
      const base = (first + j) * k;
      for (let p = 0; p < k; p++) utility += (x[base + p] as number) * (beta[offset + p] as number);
      scratch[j] = utility;
      if (utility > largest) largest = utility;
    }
    let sum = 0;
    for (let j = 0; j < count; j++) sum += Math.exp((scratch[j] as number) - largest);
    logLik += (scratch[chosen[s] as number] as number) - largest - Math.log(sum);
  }
  return logLik;
}

export function largestSet(sets: ChoiceSets): number {
  let largest = 0;
  for (let s = 0; s + 1 < sets.setStart.length; s++)
    largest = Math.max(largest, (sets.setStart[s + 1] as number) - (sets.setStart[s] as number));
  return largest;
}

export interface MnlOptions {
  readonly maxIterations?: number;
  readonly start?: ArrayLike<number>;
}

export function fitMnl(sets: ChoiceSets, options: MnlOptions = {}): Result<MnlFit> {
  const { k } = sets;
  const nSets = sets.chosen.length;
  if (nSets === 0) return { ok: false, error: 'there are no choice sets' };
  if (k === 0) return { ok: false, error: 'the model has no parameters' };
  const scratch = new Float64Array(largestSet(sets));
  const mean = new Float64Array(k);
  const beta = Float64Array.from({ length: k }, (_, p) => options.start?.[p] ?? 0);
  const gradient = new Float64Array(k);
  const information = new Float64Array(k * k);
  const candidate = new Float64Array(k);
  const maxIterations = options.maxIterations ?? 100;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    gradient.fill(0);
    information.fill(0);
    const current = mnlLogLikelihood(sets, beta, 0, nSets, scratch, gradient, information, mean);
    const step = Float64Array.from(gradient);
    if (!choleskyInPlace(information, k))
      return {
        ok: false,
        error:
          'the choices cannot separate the parameters (some columns are collinear, or a level never varies within a choice set)',
      };
    choleskySolve(information, k, step);
    // Newton decrement g'H^-1 g / 2 is the predicted gain in log-likelihood (Boyd & Vandenberghe, "Convex
    // Optimization", section 9.5.1); once it is tiny, this last full step lands within rounding of the optimum.
    let decrement = 0;
    for (let p = 0; p < k; p++) decrement += (step[p] as number) * (gradient[p] as number);
    const last = decrement / 2 < 1e-10;
    let scale = 1;
    for (let halving = 0; halving < 30; halving++, scale /= 2) {
      for (let p = 0; p < k; p++) candidate[p] = (beta[p] as number) + scale * (step[p] as number);
      if (last) break;
      const next = mnlLogLikelihood(sets, candidate, 0, nSets, scratch);
      if (next >= current) break;
    }
    beta.set(candidate);
    if (beta.some((value) => !Number.isFinite(value) || Math.abs(value) > 1e8))
      return {
        ok: false,
        error: 'the estimates diverge: some level is always or never chosen (perfect separation)',
      };
    if (last) break;
  }
  if (iterations === maxIterations)
    return {
      ok: false,
      error: `Newton-Raphson did not converge in ${maxIterations} iterations (perfect separation, or attributes on very different scales)`,
    };
  // Information at the optimum, for the covariance.
  gradient.fill(0);
  information.fill(0);
  const logLik = mnlLogLikelihood(sets, beta, 0, nSets, scratch, gradient, information, mean);
  if (!choleskyInPlace(information, k))
    return { ok: false, error: 'the information matrix at the estimate is singular' };
  const covariance = inverseFromCholesky(information, k);
  // Separation: the likelihood keeps rising towards a limit at infinity and Newton stops on a flat slope
  // (Albert & Anderson 1984, Biometrika 71:1). The sign is a coefficient that moves utility by more than 30
  // across its column's range (odds of e^30) while its standard error swamps it (|z| < 2).
  for (let p = 0; p < k; p++) {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let row = p; row < sets.x.length; row += k) {
      low = Math.min(low, sets.x[row] as number);
      high = Math.max(high, sets.x[row] as number);
    }
    const z = (beta[p] as number) / Math.sqrt(covariance[p * k + p] as number);
    if (Math.abs(beta[p] as number) * (high - low) > 30 && !(Math.abs(z) >= 2))
      return {
        ok: false,
        error: `the estimate of "${sets.names[p] ?? p}" runs away: some level is always or never chosen (perfect separation)`,
      };
  }
  let logLikNull = 0;
  for (let s = 0; s < nSets; s++)
    logLikNull -= Math.log((sets.setStart[s + 1] as number) - (sets.setStart[s] as number));
  const coefficients = sets.names.map((name, p) => {
    const estimate = beta[p] as number;
    const stdError = Math.sqrt(covariance[p * k + p] as number);
    const z = estimate / stdError;
    return { name, estimate, stdError, z, p: normalTwoSidedP(z) };
  });
  return {
    ok: true,
    value: {
      names: sets.names,
      estimates: beta,
      covariance,
      coefficients,
      logLik,
      logLikNull,
      mcfaddenR2: 1 - logLik / logLikNull,
      aic: -2 * logLik + 2 * k,
      bic: -2 * logLik + Math.log(nSets) * k,
      nSets,
      iterations,
    },
  };
}
