/**
 * Small dense symmetric-matrix routines on row-major Float64Arrays (k x k, k the number of part-worths,
 * rarely above 30). Hand-written because the hierarchical Bayes sampler calls them for every respondent in
 * every iteration, where allocating ml-matrix objects would cost more than the arithmetic; they are tested
 * against ml-matrix (test/model/conjoint/dense-matrix.test.ts). Cholesky as in Golub & Van Loan,
 * "Matrix Computations", 4th ed., algorithm 4.2.1.
 */

/**
 * Overwrites the lower triangle of the symmetric positive-definite `a` with L, a = L L' (the strict upper
 * triangle is zeroed). Returns false when `a` is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    let diagonal = a[j * k + j] as number;
    for (let p = 0; p < j; p++) diagonal -= (a[j * k + p] as number) ** 2;
    if (!(diagonal > 0)) return false;
    const root = Math.sqrt(diagonal);
    a[j * k + j] = root;
    for (let i = j + 1; i < k; i++) {
      let sum = a[i * k + j] as number;
      for (let p = 0; p < j; p++) sum -= (a[i * k + p] as number) * (a[j * k + p] as number);
      a[i * k + j] = sum / root;
    }
    for (let i = 0; i < j; i++) a[i * k + j] = 0;
  }
  return true;
}

/** Solves L y = b in place (forward substitution), L lower triangular. */
export function forwardSubstitute(l: Float64Array, k: number, b: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let sum = b[i] as number;
    for (let p = 0; p < i; p++) sum -= (l[i * k + p] as number) * (b[p] as number);
    b[i] = sum / (l[i * k + i] as number);
  }
}

/** Solves L' x = b in place (back substitution), L lower triangular. */
export function backSubstituteTransposed(l: Float64Array, k: number, b: Float64Array): void {
  for (let i = k - 1; i >= 0; i--) {
    let sum = b[i] as number;
    for (let p = i + 1; p < k; p++) sum -= (l[p * k + i] as number) * (b[p] as number);
    b[i] = sum / (l[i * k + i] as number);
  }
}

/** Solves (L L') x = b in place. */
export function choleskySolve(l: Float64Array, k: number, b: Float64Array): void {
  forwardSubstitute(l, k, b);
  backSubstituteTransposed(l, k, b);
}

/** (L L')^-1 as a new row-major matrix. */
export function inverseFromCholesky(l: Float64Array, k: number): Float64Array {
  const inverse = new Float64Array(k * k);
  const column = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolve(l, k, column);
    for (let i = 0; i < k; i++) inverse[i * k + j] = column[i] as number;
  }
  return inverse;
}

/** log det(L L') = 2 sum log L_ii. */
export function logDeterminantFromCholesky(l: Float64Array, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += Math.log(l[i * k + i] as number);
  return 2 * sum;
}

/** Inverse of a symmetric positive-definite matrix, or null when it is not positive definite. */
export function inverseSymmetric(a: Float64Array, k: number): Float64Array | null {
  const l = Float64Array.from(a);
  return choleskyInPlace(l, k) ? inverseFromCholesky(l, k) : null;
}
