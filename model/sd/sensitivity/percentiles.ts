/**
 * Sample percentiles by Hyndman & Fan's definition 7 (Hyndman & Fan 1996, "Sample quantiles in statistical
 * packages", The American Statistician 50(4):361-365), the default of R's `quantile()` and of NumPy's
 * `percentile()`: for probability p of n sorted values x_1..x_n, h = (n - 1) p, and the quantile is
 * x_(floor h + 1) + (h - floor h) (x_(floor h + 2) - x_(floor h + 1)).
 *
 * Values that are NaN are left out (R's `na.rm = TRUE`); infinities are ordered as numbers. The order
 * statistics the percentiles need (two each) are found together by one multiple selection: Hoare's FIND
 * (CACM 4(7), 1961) with a median-of-three pivot, recursing only into the sides that hold a wanted position
 * (Dobkin & Munro 1981, "Optimal time minimal space selection algorithms", JACM 28(3)). A band needs a few
 * order statistics of each of thousands of band times, and this is linear where a sort is n log n; it does
 * about a third of the work of five selections one after the other.
 */

/** Moves the NaNs of values[0..n) to the end; returns how many are not NaN. */
function partitionNaN(values: Float64Array, n: number): number {
  let end = n;
  let index = 0;
  while (index < end) {
    if (Number.isNaN(values[index])) {
      end--;
      const held = values[end] as number;
      values[end] = values[index] as number;
      values[index] = held;
    } else index++;
  }
  return end;
}

/** Below this many values a stretch is sorted by insertion, which is faster than partitioning it. */
const SMALL = 16;

function insertionSort(values: Float64Array, left: number, right: number): void {
  for (let position = left + 1; position <= right; position++) {
    const value = values[position] as number;
    let hole = position;
    while (hole > left && (values[hole - 1] as number) > value) {
      values[hole] = values[hole - 1] as number;
      hole--;
    }
    values[hole] = value;
  }
}

/**
 * Rearranges values[left..right] so that every position in targets[first..last] (increasing) holds the value
 * it would hold in sorted order.
 */
function multiSelect(
  values: Float64Array,
  left0: number,
  right0: number,
  targets: Int32Array,
  first0: number,
  last0: number,
): void {
  let left = left0;
  let right = right0;
  let first = first0;
  let last = last0;
  while (first <= last && right > left) {
    if (right - left < SMALL) {
      insertionSort(values, left, right);
      return;
    }
    // Median of three as pivot, so sorted or reversed input stays linear.
    const middle = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const held = values[i] as number;
        values[i] = values[j] as number;
        values[j] = held;
        i++;
        j--;
      }
    }
    // values[left..j] <= pivot, values[i..right] >= pivot, and anything between equals the pivot (in place).
    let split = first;
    while (split <= last && (targets[split] as number) <= j) split++;
    let resume = split;
    while (resume <= last && (targets[resume] as number) < i) resume++;
    // Recurse into the side with fewer values, loop on the other (stack depth stays logarithmic).
    if (j - left < right - i) {
      multiSelect(values, left, j, targets, first, split - 1);
      left = i;
      first = resume;
    } else {
      multiSelect(values, i, right, targets, resume, last);
      right = j;
      last = split - 1;
    }
  }
}

/** The type-7 percentile (p in [0, 1]) of sorted[0..n), NaN when n is 0, in R's arithmetic. */
export function typeSevenFromSorted(sorted: Float64Array, n: number, p: number): number {
  if (n === 0) return Number.NaN;
  // R's quantile.default (type 7): index = 1 + (n - 1) p, lo = floor(index), h = index - lo, and
  // (1 - h) x_lo + h x_hi only where the two differ, so results agree with R's to the last bit.
  const index = 1 + (n - 1) * p;
  const lower = Math.floor(index) - 1;
  const low = sorted[lower] as number;
  const fraction = index - (lower + 1);
  if (fraction === 0 || lower + 1 >= n) return low;
  const high = sorted[lower + 1] as number;
  return high === low ? low : (1 - fraction) * low + fraction * high;
}

/**
 * Type-7 percentiles of values[0..n) for `probabilities` in [0, 1], increasing. Reorders `values` (pass a
 * scratch copy). Writes into `out` at `out[outOffset + q * outStride]`; NaN for each when every value is NaN.
 */
export function percentilesInPlace(
  values: Float64Array,
  n: number,
  probabilities: readonly number[],
  out: Float64Array,
  outOffset = 0,
  outStride = 1,
): void {
  const count = partitionNaN(values, n);
  // The positions typeSevenFromSorted reads: lo and lo + 1 of each percentile, increasing, without repeats.
  const wanted: number[] = [];
  for (const p of probabilities) {
    const lower = Math.floor(1 + (count - 1) * p) - 1;
    for (const position of [lower, lower + 1]) {
      if (position >= 0 && position < count && position > (wanted[wanted.length - 1] ?? -1))
        wanted.push(position);
    }
  }
  if (count > 0) multiSelect(values, 0, count - 1, Int32Array.from(wanted), 0, wanted.length - 1);
  probabilities.forEach((p, q) => {
    out[outOffset + q * outStride] = typeSevenFromSorted(values, count, p);
  });
}

/** Type-7 percentiles of a list (copied first), percentiles given in percent (5, 25, ...). */
export function percentiles(values: ArrayLike<number>, percents: readonly number[]): number[] {
  const scratch = Float64Array.from(values);
  const out = new Float64Array(percents.length);
  percentilesInPlace(
    scratch,
    scratch.length,
    percents.map((percent) => percent / 100),
    out,
  );
  return Array.from(out);
}
