/**
 * Each distribution as its quantile function (inverse CDF): a uniform number u in (0, 1) becomes a draw. The
 * same function serves plain random sampling and Latin hypercube sampling (where u is placed in its stratum
 * first), and gives the 5th, 50th and 95th percentiles the tornado uses, exactly.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { normalQuantile } from './normal-quantile';
import type { Distribution } from './spec';

export type Quantile = (u: number) => number;

/**
 * The quantile function of a distribution, or an error saying why it cannot be sampled (a truncation range
 * that holds no probability, which the schema cannot see).
 */
export function quantileFunction(
  distribution: Distribution,
): { readonly ok: true; readonly quantile: Quantile } | { readonly ok: false; readonly error: string } {
  switch (distribution.type) {
    case 'uniform': {
      const { min, max } = distribution;
      return { ok: true, quantile: (u) => min + u * (max - min) };
    }
    case 'triangular':
      return {
        ok: true,
        quantile: triangularQuantile(distribution.min, distribution.mode, distribution.max),
      };
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(distribution);
      return { ok: true, quantile: (u) => Math.exp(mu + sigma * normalQuantile(u)) };
    }
    case 'normal':
      return truncatedNormalQuantile(
        distribution.mean,
        distribution.sd,
        distribution.min ?? -Infinity,
        distribution.max ?? Infinity,
      );
  }
}

/**
 * Inverse of the triangular CDF (Kotz & van Dorp, Beyond Beta, 2004, section 1.2): F(mode) = (mode - min) /
 * (max - min) splits the two square-root branches (the engine's TRIANGULAR draws the same way).
 */
function triangularQuantile(min: number, mode: number, max: number): Quantile {
  const width = max - min;
  const split = (mode - min) / width;
  return (u) =>
    u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
}

/**
 * The log's mean and standard deviation. From the value's own mean m and sd s: sigma^2 = ln(1 + s^2/m^2),
 * mu = ln(m) - sigma^2/2 (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions vol. 1, 2nd ed.,
 * ch. 14, eq. 14.8), as model/sd/random.ts converts Stella's LOGNORMAL(mean, sd).
 */
export function lognormalParameters(distribution: Extract<Distribution, { type: 'lognormal' }>): {
  readonly mu: number;
  readonly sigma: number;
} {
  if (distribution.meanlog !== undefined && distribution.sdlog !== undefined)
    return { mu: distribution.meanlog, sigma: distribution.sdlog };
  const mean = distribution.mean ?? 1;
  const sd = distribution.sd ?? 0;
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/**
 * Normal(mean, sd) truncated to [min, max] by inversion: u is mapped into [Φ(a), Φ(b)] and back through Φ⁻¹
 * (Devroye, Non-Uniform Random Variate Generation, 1986, section II.2.3). A range entirely above the mean is
 * handled on the mirrored side, where the CDF values are small and keep their digits.
 */
function truncatedNormalQuantile(
  mean: number,
  sd: number,
  min: number,
  max: number,
): { readonly ok: true; readonly quantile: Quantile } | { readonly ok: false; readonly error: string } {
  if (min === -Infinity && max === Infinity)
    return { ok: true, quantile: (u) => mean + sd * normalQuantile(u) };
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  const mirrored = a > 0;
  // On the mirrored side the range is [-b, -a] and a draw is negated back.
  const low = normalCdf(mirrored ? -b : a, 0, 1);
  const high = normalCdf(mirrored ? -a : b, 0, 1);
  const mass = high - low;
  if (!(mass > 1e-300))
    return {
      ok: false,
      error: `the truncation range [${min}, ${max}] holds no probability of normal(mean ${mean}, sd ${sd})`,
    };
  const clamp = (x: number): number => Math.min(max, Math.max(min, x));
  return {
    ok: true,
    quantile: mirrored
      ? (u) => clamp(mean - sd * normalQuantile(low + (1 - u) * mass))
      : (u) => clamp(mean + sd * normalQuantile(low + u * mass)),
  };
}
