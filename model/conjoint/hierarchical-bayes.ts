/**
 * Hierarchical Bayes MNL for individual part-worths, the sampler of bayesm's rhierMnlRwMixture (Rossi,
 * Allenby & McCulloch 2005, "Bayesian Statistics and Marketing", section 5.5 and appendix; bayesm 3.1.5) with
 * a normal first stage (one mixture component):
 *
 *   y_it ~ MNL(X_it b_i),   b_i ~ N(mu, Sigma),   mu | Sigma ~ N(mubar, Sigma / Amu),   Sigma ~ IW(nu, V)
 *
 * with bayesm's defaults mubar = 0, Amu = 0.01, nu = k + 3, V = nu I. Each iteration:
 * 1. every b_i by one random-walk Metropolis step, increment s * N(0, (H_i + Sigma^-1)^-1), s = 2.93 / sqrt(k),
 *    H_i the respondent's MNL information at the maximiser of the "fractional" likelihood
 *    (1 - w) LL_i(b) + w (n_i / N) log N(b; b_pooled, H_pooled^-1), w = 0.1 (bayesm's llmnlFract), which exists
 *    even when the respondent's own MLE does not;
 * 2. (mu, Sigma) from their conjugate normal-inverse-Wishart conditional (bayesm's rmultireg with a column of
 *    ones), the Wishart by Bartlett's decomposition.
 * Seeded (pure-rand), so a run is reproducible; progress is reported and a cancel flag honoured between
 * iterations. Posterior means average the kept draws after burn-in.
 */
import type { Result } from '../stats/data-table';
import type { ChoiceSets } from './choice-sets';
import type { ParameterLayout } from './coding';
import {
  backSubstituteTransposed,
  choleskyInPlace,
  choleskySolve,
  inverseFromCholesky,
} from './dense-matrix';
import { fitMnl, largestSet, mnlLogLikelihood, mnlLogLikelihoodAt } from './mnl';
import { SeededRandom, wishartRoot } from './random-draws';

export interface HbOptions {
  readonly iterations: number;
  /** Iterations discarded before the posterior means are accumulated (default: half). */
  readonly burnIn?: number;
  /** Keep every thin-th draw after burn-in (default 10). */
  readonly thin?: number;
  readonly seed: number;
  /** Prior precision of mu relative to Sigma (bayesm Amu, default 0.01). */
  readonly priorMeanPrecision?: number;
  /** Inverse-Wishart degrees of freedom (bayesm nu, default k + 3). */
  readonly priorDf?: number;
  /** Random-walk scale (bayesm s, default 2.93 / sqrt(k)). */
  readonly stepScale?: number;
  /** Weight of the pooled likelihood in the fractional likelihood (bayesm w, default 0.1). */
  readonly fractionalWeight?: number;
  /**
   * Divide column p of X by columnScales[p] while sampling (and scale the results back). bayesm's default prior
   * on Sigma, IW(k + 3, (k + 3) I), assumes part-worths of about unit size; a price per euro varies far less
   * across people and the prior would swamp it, so numeric attributes are best sampled per range
   * (numericColumnScales). Default: no scaling, exactly bayesm.
   */
  readonly columnScales?: ArrayLike<number>;
}

export interface HbHooks {
  /** Called every `progressEvery` iterations and at the end. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
  /** Checked before every iteration; true stops the run with what has been kept so far. */
  readonly isCancelled?: () => boolean;
}

export interface HbResult {
  readonly status: 'done' | 'cancelled';
  readonly iterations: number;
  readonly names: readonly string[];
  readonly respondents: readonly string[];
  /** Posterior mean of each respondent's b_i, row-major respondents x k. */
  readonly individualMeans: Float64Array;
  /** Posterior mean and standard deviation of mu, and its kept draws (row-major draws x k). */
  readonly populationMean: {
    readonly mean: Float64Array;
    readonly sd: Float64Array;
    readonly draws: Float64Array;
  };
  /** Posterior mean of Sigma, row-major k x k. */
  readonly populationCovariance: Float64Array;
  /** Share of accepted Metropolis proposals over all respondents and iterations. */
  readonly acceptanceRate: number;
  /** Total log-likelihood at each kept draw. */
  readonly logLikTrace: readonly number[];
  readonly keptDraws: number;
}

export interface HbSampler {
  readonly total: number;
  readonly done: number;
  /** Runs up to `count` more iterations (fewer at the end). */
  advance(count: number): void;
  result(status?: 'done' | 'cancelled'): HbResult;
}

/** Prepares the sampler: pooled MLE, fractional-likelihood start and Hessian per respondent. */
export function createHbSampler(original: ChoiceSets, options: HbOptions): Result<HbSampler> {
  const scales = options.columnScales;
  if (
    scales !== undefined &&
    (scales.length !== original.k || Array.from(scales).some((scale) => !(scale > 0)))
  )
    return { ok: false, error: 'column scales must be one positive number per parameter' };
  const sets = scales === undefined ? original : scaleColumns(original, scales);
  const k = sets.k;
  const nRespondents = sets.respondents.length;
  const nSets = sets.chosen.length;
  if (nRespondents < 2) return { ok: false, error: 'hierarchical Bayes needs at least two respondents' };
  if (!(options.iterations >= 1))
    return { ok: false, error: 'hierarchical Bayes needs at least one iteration' };
  const burnIn = Math.min(options.burnIn ?? Math.floor(options.iterations / 2), options.iterations - 1);
  const thin = Math.max(1, Math.floor(options.thin ?? 10));
  const amu = options.priorMeanPrecision ?? 0.01;
  const nu = options.priorDf ?? k + 3;
  const s = options.stepScale ?? 2.93 / Math.sqrt(k);
  const w = options.fractionalWeight ?? 0.1;
  const random = new SeededRandom(options.seed);

  const pooled = fitMnl(sets);
  if (!pooled.ok)
    return { ok: false, error: `the pooled MNL that starts the sampler failed: ${pooled.error}` };
  const betaPooled = pooled.value.estimates;
  // Pooled information = inverse of the pooled covariance.
  const pooledCovarianceRoot = Float64Array.from(pooled.value.covariance);
  choleskyInPlace(pooledCovarianceRoot, k);
  const pooledInformation = inverseFromCholesky(pooledCovarianceRoot, k);

  const scratch = new Float64Array(largestSet(sets));
  const mean = new Float64Array(k);
  const betas = new Float64Array(nRespondents * k);
  const hessians = new Float64Array(nRespondents * k * k);
  const oldLogLik = new Float64Array(nRespondents);
  const gradient = new Float64Array(k);
  const information = new Float64Array(k * k);
  for (let r = 0; r < nRespondents; r++) {
    const from = sets.respondentStart[r] as number;
    const to = sets.respondentStart[r + 1] as number;
    const weight = (w * (to - from)) / nSets;
    const beta = betas.subarray(r * k, (r + 1) * k);
    beta.set(betaPooled);
    // Newton on the concave fractional log-likelihood (bayesm uses BFGS on the same objective).
    for (let iteration = 0; iteration < 25; iteration++) {
      gradient.fill(0);
      information.fill(0);
      mnlLogLikelihood(sets, beta, from, to, scratch, gradient, information, mean);
      for (let a = 0; a < k; a++) {
        gradient[a] = (1 - w) * (gradient[a] as number);
        for (let b = 0; b < k; b++) {
          gradient[a] =
            (gradient[a] as number) -
            weight *
              (pooledInformation[a * k + b] as number) *
              ((beta[b] as number) - (betaPooled[b] as number));
          information[a * k + b] =
            (1 - w) * (information[a * k + b] as number) + weight * (pooledInformation[a * k + b] as number);
        }
      }
      if (!choleskyInPlace(information, k)) break;
      choleskySolve(information, k, gradient);
      let largestStep = 0;
      for (let a = 0; a < k; a++) {
        beta[a] = (beta[a] as number) + (gradient[a] as number);
        largestStep = Math.max(largestStep, Math.abs(gradient[a] as number));
      }
      if (largestStep < 1e-8) break;
    }
    const hessian = hessians.subarray(r * k * k, (r + 1) * k * k);
    oldLogLik[r] = mnlLogLikelihood(sets, beta, from, to, scratch, gradient.fill(0), hessian, mean);
  }

  // State of the second stage: Sigma^-1 = R R' (R lower), mu.
  const mu = new Float64Array(k);
  for (let r = 0; r < nRespondents; r++)
    for (let a = 0; a < k; a++) mu[a] = (mu[a] as number) + (betas[r * k + a] as number) / nRespondents;
  let sigmaInverseRoot: Float64Array = new Float64Array(k * k);
  for (let a = 0; a < k; a++) sigmaInverseRoot[a * k + a] = 1;
  const sigmaInverse = new Float64Array(k * k);
  const refreshSigmaInverse = () => {
    for (let a = 0; a < k; a++)
      for (let b = 0; b <= a; b++) {
        let sum = 0;
        for (let p = 0; p <= b; p++)
          sum += (sigmaInverseRoot[a * k + p] as number) * (sigmaInverseRoot[b * k + p] as number);
        sigmaInverse[a * k + b] = sum;
        sigmaInverse[b * k + a] = sum;
      }
  };
  refreshSigmaInverse();

  const candidate = new Float64Array(k);
  const proposalRoot = new Float64Array(k * k);
  const difference = new Float64Array(k);
  /** -1/2 (b - mu)' Sigma^-1 (b - mu): the log prior density up to a constant. */
  const logPrior = (beta: ArrayLike<number>): number => {
    for (let a = 0; a < k; a++) difference[a] = (beta[a] as number) - (mu[a] as number);
    let quadratic = 0;
    // |R'(b - mu)|^2 with R lower: (R' d)_p = sum_{a >= p} R_ap d_a.
    for (let p = 0; p < k; p++) {
      let sum = 0;
      for (let a = p; a < k; a++) sum += (sigmaInverseRoot[a * k + p] as number) * (difference[a] as number);
      quadratic += sum * sum;
    }
    return -0.5 * quadratic;
  };

  const sumBetas = new Float64Array(nRespondents * k);
  const sumSigma = new Float64Array(k * k);
  const muDraws: number[] = [];
  const logLikTrace: number[] = [];
  let accepted = 0;
  let proposals = 0;
  let done = 0;
  let kept = 0;
  const scaleMatrix = new Float64Array(k * k);
  const center = new Float64Array(k);
  const z = new Float64Array(k);

  const iterate = () => {
    // 1. Respondents' part-worths: one Metropolis step each.
    for (let r = 0; r < nRespondents; r++) {
      const from = sets.respondentStart[r] as number;
      const to = sets.respondentStart[r + 1] as number;
      const beta = betas.subarray(r * k, (r + 1) * k);
      const hessian = hessians.subarray(r * k * k, (r + 1) * k * k);
      for (let index = 0; index < k * k; index++)
        proposalRoot[index] = (hessian[index] as number) + (sigmaInverse[index] as number);
      choleskyInPlace(proposalRoot, k);
      // L L' = H + Sigma^-1, so L^-T z has covariance (H + Sigma^-1)^-1.
      for (let a = 0; a < k; a++) z[a] = random.normal();
      backSubstituteTransposed(proposalRoot, k, z);
      for (let a = 0; a < k; a++) candidate[a] = (beta[a] as number) + s * (z[a] as number);
      const candidateLogLik = mnlLogLikelihoodAt(sets, candidate, 0, from, to, scratch);
      const logRatio = candidateLogLik + logPrior(candidate) - ((oldLogLik[r] as number) + logPrior(beta));
      proposals++;
      if (logRatio >= 0 || Math.log(1 - random.unit()) < logRatio) {
        beta.set(candidate);
        oldLogLik[r] = candidateLogLik;
        accepted++;
      }
    }
    // 2. (mu, Sigma) | betas: Btilde = sum b_i / (n + Amu); S = sum (b_i - Btilde)(b_i - Btilde)' + Amu Btilde Btilde'.
    center.fill(0);
    for (let r = 0; r < nRespondents; r++)
      for (let a = 0; a < k; a++) center[a] = (center[a] as number) + (betas[r * k + a] as number);
    for (let a = 0; a < k; a++) center[a] = (center[a] as number) / (nRespondents + amu);
    for (let a = 0; a < k; a++)
      for (let b = 0; b <= a; b++) {
        let sum = amu * (center[a] as number) * (center[b] as number) + (a === b ? nu : 0);
        for (let r = 0; r < nRespondents; r++)
          sum +=
            ((betas[r * k + a] as number) - (center[a] as number)) *
            ((betas[r * k + b] as number) - (center[b] as number));
        scaleMatrix[a * k + b] = sum;
        scaleMatrix[b * k + a] = sum;
      }
    // Sigma^-1 ~ Wishart(nu + n, (V + S)^-1): its root from chol((V + S)^-1).
    choleskyInPlace(scaleMatrix, k);
    const scaleInverse = inverseFromCholesky(scaleMatrix, k);
    choleskyInPlace(scaleInverse, k);
    sigmaInverseRoot = wishartRoot(random, nu + nRespondents, scaleInverse, k);
    refreshSigmaInverse();
    // mu = Btilde + R^-T z / sqrt(n + Amu), whose covariance is (R R')^-1 / (n + Amu) = Sigma / (n + Amu).
    for (let a = 0; a < k; a++) z[a] = random.normal();
    backSubstituteTransposed(sigmaInverseRoot, k, z);
    const spread = 1 / Math.sqrt(nRespondents + amu);
    for (let a = 0; a < k; a++) mu[a] = (center[a] as number) + spread * (z[a] as number);

    done++;
    if (done > burnIn && (done - burnIn) % thin === 0) {
      kept++;
      for (let index = 0; index < betas.length; index++)
        sumBetas[index] = (sumBetas[index] as number) + (betas[index] as number);
      const sigma = inverseFromCholesky(sigmaInverseRoot, k);
      for (let index = 0; index < k * k; index++)
        sumSigma[index] = (sumSigma[index] as number) + (sigma[index] as number);
      for (let a = 0; a < k; a++) muDraws.push(mu[a] as number);
      let total = 0;
      for (let r = 0; r < nRespondents; r++) total += oldLogLik[r] as number;
      logLikTrace.push(total);
    }
  };

  const sampler: HbSampler = {
    total: options.iterations,
    get done() {
      return done;
    },
    advance(count: number) {
      for (let step = 0; step < count && done < options.iterations; step++) iterate();
    },
    result(status = 'done') {
      // Nothing kept yet (cancelled during burn-in): report the current state as a single draw.
      const divisor = kept === 0 ? 1 : kept;
      const individualMeans =
        kept === 0 ? Float64Array.from(betas) : sumBetas.map((value) => value / divisor);
      const draws = kept === 0 ? Float64Array.from(mu) : Float64Array.from(muDraws);
      const count = draws.length / k;
      const muMean = new Float64Array(k);
      const muSd = new Float64Array(k);
      for (let a = 0; a < k; a++) {
        let sum = 0;
        for (let d = 0; d < count; d++) sum += draws[d * k + a] as number;
        const average = sum / count;
        let squares = 0;
        for (let d = 0; d < count; d++) squares += ((draws[d * k + a] as number) - average) ** 2;
        muMean[a] = average;
        muSd[a] = count > 1 ? Math.sqrt(squares / (count - 1)) : Number.NaN;
      }
      return unscaleResult(scales, {
        status,
        iterations: done,
        names: sets.names,
        respondents: sets.respondents,
        individualMeans,
        populationMean: { mean: muMean, sd: muSd, draws },
        populationCovariance:
          kept === 0 ? inverseFromCholesky(sigmaInverseRoot, k) : sumSigma.map((value) => value / divisor),
        acceptanceRate: proposals === 0 ? 0 : accepted / proposals,
        logLikTrace,
        keptDraws: kept,
      });
    },
  };
  return { ok: true, value: sampler };
}

/** Runs the sampler to the end, reporting progress and stopping early if cancelled. */
export function runHierarchicalBayes(
  sets: ChoiceSets,
  options: HbOptions,
  hooks: HbHooks = {},
): Result<HbResult> {
  const created = createHbSampler(sets, options);
  if (!created.ok) return created;
  const sampler = created.value;
  const every = Math.max(1, Math.floor(hooks.progressEvery ?? Math.max(1, sampler.total / 100)));
  while (sampler.done < sampler.total) {
    if (hooks.isCancelled?.() === true) return { ok: true, value: sampler.result('cancelled') };
    sampler.advance(1);
    if (sampler.done % every === 0 || sampler.done === sampler.total)
      hooks.onProgress?.(sampler.done, sampler.total);
  }
  return { ok: true, value: sampler.result('done') };
}

/**
 * Per-parameter scales for HB: the value range of each numeric attribute (so its column spans one unit, like
 * a dummy), 1 for everything else.
 */
export function numericColumnScales(layout: ParameterLayout): Float64Array {
  const scales = new Float64Array(layout.names.length).fill(1);
  for (const { attribute, columns } of layout.attributes) {
    if (attribute.kind !== 'numeric') continue;
    const range = (attribute.values[attribute.values.length - 1] ?? 0) - (attribute.values[0] ?? 0);
    if (range > 0) scales[columns[0] as number] = range;
  }
  return scales;
}

function scaleColumns(sets: ChoiceSets, scales: ArrayLike<number>): ChoiceSets {
  const x = Float64Array.from(sets.x, (value, index) => value / (scales[index % sets.k] as number));
  return { ...sets, x };
}

/** b = b_scaled / scale, Sigma_ab = Sigma_scaled_ab / (scale_a scale_b). */
function unscaleResult(scales: ArrayLike<number> | undefined, result: HbResult): HbResult {
  if (scales === undefined) return result;
  const k = scales.length;
  const perColumn = (values: Float64Array) =>
    values.map((value, index) => value / (scales[index % k] as number));
  return {
    ...result,
    individualMeans: perColumn(result.individualMeans),
    populationMean: {
      mean: perColumn(result.populationMean.mean),
      sd: perColumn(result.populationMean.sd),
      draws: perColumn(result.populationMean.draws),
    },
    populationCovariance: result.populationCovariance.map(
      (value, index) => value / ((scales[Math.floor(index / k)] as number) * (scales[index % k] as number)),
    ),
  };
}
