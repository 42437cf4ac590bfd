/**
 * Edge lengths for weighted shortest paths, chosen so that equal-length paths compare equal.
 *
 * With distance = 1/weight (a strong tie is a short path), two paths of the same length often add up to
 * different doubles (1/2 + 1/6 and 1/3 + 1/3), and a float `==` then misses a tie: that is why the reference
 * has a separate `*_w_inv_float` column, and why networkx needed exact Fractions for `*_w_inv`. We compare
 * path lengths exactly instead: when every weight is a decimal with at most 6 places, each length is
 * rescaled to an integer (1/w = (10^k / L) * (L / W) with W = w * 10^k an integer and L the least common
 * multiple of all W), and integer sums below 2^53 are exact doubles, so `===` is an exact rational
 * comparison. Only when that is impossible (irrational-looking weights, or L too large for the graph's
 * size) do lengths stay plain doubles and ties use a relative tolerance (`tieTolerance`).
 */
import type { Adjacency } from './adjacency';

/** How an edge's weight becomes a path length. */
export type PathDistance = 'hops' | 'inverse-weight' | 'weight';

export interface PathLengths {
  /** Length of each `adjacency.out` slot, in scaled units; null means every edge is 1 (breadth-first). */
  readonly length: Float64Array | null;
  /** A scaled length times `unit` is the real distance. */
  readonly unit: number;
  /** Two scaled path lengths a, b are tied when |a - b| <= tieTolerance * max(a, b); 0 when exact. */
  readonly tieTolerance: number;
}

/**
 * The relative tolerance for float path lengths: a path of k edges carries a rounding error of about
 * k * 2^-53 of its length, far below 1e-10 for any organization, while two really different lengths of
 * ties with weights written to a few digits differ by far more than 1e-10 of their size.
 */
export const FLOAT_TIE_TOLERANCE = 1e-10;

const MAX_DECIMALS = 6;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The power of ten that makes every weight an integer, or undefined (more than MAX_DECIMALS places). */
function decimalScale(weights: Float64Array): number | undefined {
  let scale = 1;
  for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++, scale *= 10) {
    let integral = true;
    for (const weight of weights) {
      const scaled = weight * scale;
      if (Math.abs(scaled - Math.round(scaled)) > 1e-9 * scaled) {
        integral = false;
        break;
      }
    }
    if (integral) return scale;
  }
  return undefined;
}

/**
 * Path lengths for `distance` on this adjacency. The exact integer form needs every sum the metrics make
 * to stay below 2^53: a path has fewer than n edges and closeness adds n such paths, so n^2 * max length.
 */
export function pathLengths(adjacency: Adjacency, distance: PathDistance): PathLengths {
  const weights = adjacency.out.weight;
  if (distance === 'hops') return { length: null, unit: 1, tieTolerance: 0 };
  const n = Math.max(adjacency.order, 2);
  const limit = Number.MAX_SAFE_INTEGER / (n * n);
  const scale = decimalScale(weights);
  if (scale !== undefined) {
    const integers = weights.map((weight) => Math.round(weight * scale));
    if (distance === 'weight') {
      const longest = integers.reduce((max, value) => Math.max(max, value), 0);
      if (longest <= limit) return { length: integers, unit: 1 / scale, tieTolerance: 0 };
    } else {
      let multiple = 1;
      for (const value of new Set(integers)) {
        multiple = (multiple / gcd(multiple, value)) * value;
        if (multiple > limit) break;
      }
      if (multiple <= limit)
        return {
          length: integers.map((value) => multiple / value),
          unit: scale / multiple,
          tieTolerance: 0,
        };
    }
  }
  return {
    length: distance === 'weight' ? weights.slice() : weights.map((weight) => 1 / weight),
    unit: 1,
    tieTolerance: FLOAT_TIE_TOLERANCE,
  };
}
