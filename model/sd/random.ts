/**
 * Seeded random numbers for RANDOM, NORMAL, LOGNORMAL and TRIANGULAR (XMILE 1.0 section 3.5.4). The same
 * seed gives the same numbers on every machine: the generator is pure-rand's xoroshiro128+ and the
 * transforms below are written out so nothing depends on the platform's Math.random.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export class RandomStream {
  private generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(RandomStream.seedBits(seed));
  }

  /** Seeds are whole numbers; other values are folded to 32 bits so any number gives a stream. */
  static seedBits(seed: number): number {
    return Number.isSafeInteger(seed) ? seed | 0 : Math.trunc(seed * 4294967296) | 0;
  }

  reseed(seed: number): void {
    this.generator = xoroshiro128plus(RandomStream.seedBits(seed));
  }

  /** Uniform on [0, 1). */
  unit(): number {
    return uniformFloat64(this.generator);
  }

  /** RANDOM(min, max): uniform on [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.unit();
  }

  /** NORMAL(mean, sd) by the Box-Muller transform (Box & Muller 1958, Ann. Math. Statist. 29:610). */
  normal(mean: number, sd: number): number {
    const u1 = 1 - this.unit(); // (0, 1]: the logarithm stays finite
    const u2 = this.unit();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * LOGNORMAL(mean, sd) with the mean and standard deviation of the variable itself, as Stella's help
   * describes it: the underlying normal has sigma^2 = ln(1 + sd^2/mean^2) and mu = ln(mean) - sigma^2/2
   * (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions vol. 1, 2nd ed., ch. 14, eq. 14.8).
   */
  lognormal(mean: number, sd: number): number {
    const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
    const mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(this.normal(mu, Math.sqrt(sigma2)));
  }

  /**
   * TRIANGULAR(lower, mode, upper) by inverting the cumulative distribution (Kotz & van Dorp, Beyond Beta,
   * 2004, section 1.2): F(mode) = (mode - lower)/(upper - lower) splits the two square-root branches.
   */
  triangular(lower: number, mode: number, upper: number): number {
    const u = this.unit();
    const width = upper - lower;
    if (width <= 0) return lower;
    const split = (mode - lower) / width;
    return u < split
      ? lower + Math.sqrt(u * width * (mode - lower))
      : upper - Math.sqrt((1 - u) * width * (upper - mode));
  }
}
