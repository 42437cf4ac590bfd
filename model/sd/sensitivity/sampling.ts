/**
 * Parameter draws per run. Every parameter's value in run i is its quantile function at a uniform number
 * u_ij in (0, 1):
 *
 * - random: u_ij is the j-th number of run i's stream;
 * - Latin hypercube (McKay, Beckman & Conover 1979, "A comparison of three methods for selecting values of input
 *   variables in the analysis of output from a computer code", Technometrics 21(2):239-245): the range of each
 *   parameter is cut into N strata of equal probability, and each stratum is used by exactly one run.
 *   u_ij = (pi_j(i) + v_ij) / N, where pi_j is a random permutation of 0..N-1 (one per parameter, drawn once
 *   from the seed, so the strata of a run do not depend on which runs a worker is given) and v_ij is the j-th
 *   number of run i's stream, placing the value inside its stratum. The parameters' permutations are drawn
 *   independently, so there is no correlation control (Iman & Conover 1982 would add it).
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Quantile } from './distributions';
import type { SamplingMethod } from './spec';
import { openUnit, streamGenerator } from './streams';

const LARGEST_BELOW_ONE = 1 - 2 ** -53;

export interface Sampler {
  readonly runs: number;
  readonly parameterCount: number;
  /** Writes run `index`'s parameter values into `into[offset .. offset + parameterCount)`. */
  draw(index: number, into: Float64Array, offset?: number): void;
}

/** A uniformly random permutation of 0..n-1 (Durstenfeld's Fisher-Yates shuffle, Knuth TAOCP vol. 2, 3.4.2 P). */
export function seededPermutation(n: number, seed: number, index: number): Int32Array {
  const permutation = new Int32Array(n);
  for (let position = 0; position < n; position++) permutation[position] = position;
  const generator = streamGenerator(seed, 'permutations', index);
  for (let position = n - 1; position > 0; position--) {
    const other = uniformInt(generator, 0, position);
    const held = permutation[position] as number;
    permutation[position] = permutation[other] as number;
    permutation[other] = held;
  }
  return permutation;
}

export function createSampler(
  quantiles: readonly Quantile[],
  method: SamplingMethod,
  runs: number,
  seed: number,
): Sampler {
  const parameterCount = quantiles.length;
  const strata =
    method === 'latin-hypercube'
      ? quantiles.map((_, parameter) => seededPermutation(runs, seed, parameter))
      : undefined;
  return {
    runs,
    parameterCount,
    draw(index, into, offset = 0) {
      if (!(index >= 0 && index < runs)) throw new RangeError(`run ${index} is outside 0..${runs - 1}`);
      const generator = streamGenerator(seed, 'draws', index);
      for (let parameter = 0; parameter < parameterCount; parameter++) {
        const v = openUnit(generator);
        const stratum = strata?.[parameter]?.[index];
        // (N-1 + v)/N can round up to 1, where an unbounded law's quantile is infinite.
        const u = stratum === undefined ? v : Math.min(LARGEST_BELOW_ONE, (stratum + v) / runs);
        into[offset + parameter] = (quantiles[parameter] as Quantile)(u);
      }
    },
  };
}
