/**
 * Seeded random draws for designs, hierarchical Bayes and randomized first choice: the same seed gives the
 * same numbers on every machine (pure-rand's xoroshiro128+, 53-bit uniforms; STYLE.md). The transforms are
 * written out so nothing depends on Math.random or on a platform's libm beyond exp, log, sqrt and cos.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Euler-Mascheroni constant: the mean of the standard Gumbel distribution. */
const EULER_GAMMA = 0.5772156649015329;

export class SeededRandom {
  private readonly generator: RandomGenerator;
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    // Seeds are whole numbers; other values fold to 32 bits so any number gives a stream.
    this.generator = xoroshiro128plus(
      Number.isSafeInteger(seed) ? seed | 0 : Math.trunc(seed * 4294967296) | 0,
    );
  }

  /** Uniform on [0, 1). */
  unit(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer on [0, n). */
  integer(n: number): number {
    return Math.min(n - 1, Math.floor(this.unit() * n));
  }

  /** Standard normal by Box-Muller (Box & Muller 1958, Ann. Math. Statist. 29:610), both values used. */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.unit()));
    const angle = 2 * Math.PI * this.unit();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Gumbel (type I extreme value) with the given scale, centred on zero: the logit model's error. */
  gumbel(scale = 1): number {
    return scale * (-Math.log(-Math.log(1 - this.unit())) - EULER_GAMMA);
  }

  /**
   * Gamma(shape, 1) by Marsaglia & Tsang (2000), ACM TOMS 26:363, with the U^(1/shape) boost for shape < 1.
   */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.unit(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.unit();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  chiSquare(df: number): number {
    return 2 * this.gamma(df / 2);
  }

  /** Fisher-Yates shuffle in place (Knuth, TAOCP vol. 2, algorithm 3.4.2P). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      const swap = items[i] as T;
      items[i] = items[j] as T;
      items[j] = swap;
    }
    return items;
  }
}

/**
 * A Wishart(df, S) draw given L = chol(S) (lower), by Bartlett's decomposition: W = (L A)(L A)' with A lower
 * triangular, A_ii = sqrt(chi2(df - i)) for i = 0..k-1 and A_ij ~ N(0, 1) below the diagonal (Bartlett 1933;
 * as bayesm's rwishart). Returns the lower-triangular root L A of W, row-major k x k.
 */
export function wishartRoot(
  random: SeededRandom,
  df: number,
  scaleRoot: Float64Array,
  k: number,
): Float64Array {
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    a[i * k + i] = Math.sqrt(random.chiSquare(df - i));
    for (let j = 0; j < i; j++) a[i * k + j] = random.normal();
  }
  const root = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let p = j; p <= i; p++) sum += (scaleRoot[i * k + p] as number) * (a[p * k + j] as number);
      root[i * k + j] = sum;
    }
  return root;
}
