/**
 * How good a design is.
 *
 * D-efficiency of a linear (ratings) design, as SAS's %MktEx reports it (Kuhfeld, "Marketing Research
 * Methods in SAS", chapter "Experimental Design, Efficiency, Coding, and Choice Designs"): code every
 * attribute with orthogonal contrasts scaled so that a balanced full factorial has X'X = N I, prepend the
 * intercept, and report 100 / (N |(X'X)^-1|^(1/p)) = 100 |X'X|^(1/p) / N. An orthogonal, balanced design
 * scores 100; the score does not depend on which orthonormal contrasts are used (rotations within an
 * attribute leave the determinant unchanged).
 *
 * D-error of a choice design under the MNL: det(I(b)^-1)^(1/K) with I = sum_s X_s'(diag(P_s) - P_s P_s')X_s
 * and P_s the logit probabilities at the prior b (Kuhfeld, same chapter, "Efficiency of a Choice Design";
 * Huber & Zwerina 1996, J. Marketing Research 33:307). Lower is better.
 */
import { choleskyInPlace, logDeterminantFromCholesky } from './dense-matrix';
import type { Profile } from './study';

/**
 * Normalised Helmert contrasts for m levels: m x (m - 1), columns orthogonal, summing to zero, each with sum
 * of squares m (so a balanced design's X'X is N I).
 */
export function orthogonalContrasts(m: number): number[][] {
  const rows = Array.from({ length: m }, () => new Array<number>(m - 1).fill(0));
  for (let j = 1; j < m; j++) {
    const scale = Math.sqrt(m / (j * (j + 1)));
    for (let level = 0; level < j; level++) (rows[level] as number[])[j - 1] = -scale;
    (rows[j] as number[])[j - 1] = j * scale;
  }
  return rows;
}

/** The orthogonally coded design matrix [1, contrasts...], row-major, and its column count p. */
export function orthogonalDesignMatrix(
  levelCounts: readonly number[],
  profiles: readonly Profile[],
): { x: Float64Array; p: number } {
  const contrasts = levelCounts.map(orthogonalContrasts);
  const p = 1 + levelCounts.reduce((sum, m) => sum + m - 1, 0);
  const x = new Float64Array(profiles.length * p);
  profiles.forEach((profile, i) => {
    let column = 0;
    x[i * p + column++] = 1;
    contrasts.forEach((coding, a) => {
      for (const value of coding[profile[a] ?? 0] ?? []) x[i * p + column++] = value;
    });
  });
  return { x, p };
}

/** log |X'X| of a row-major n x p matrix, or -Infinity when X'X is singular. */
export function logDetInformation(x: Float64Array, n: number, p: number, ridge = 0): number {
  const information = new Float64Array(p * p);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < p; a++) {
      const xa = x[i * p + a] as number;
      if (xa === 0) continue;
      for (let b = 0; b <= a; b++)
        information[a * p + b] = (information[a * p + b] as number) + xa * (x[i * p + b] as number);
    }
  for (let a = 0; a < p; a++) {
    information[a * p + a] = (information[a * p + a] as number) + ridge;
    for (let b = 0; b < a; b++) information[b * p + a] = information[a * p + b] as number;
  }
  return choleskyInPlace(information, p)
    ? logDeterminantFromCholesky(information, p)
    : Number.NEGATIVE_INFINITY;
}

/** D-efficiency in percent (0 for a design that cannot estimate every main effect). */
export function dEfficiency(levelCounts: readonly number[], profiles: readonly Profile[]): number {
  const { x, p } = orthogonalDesignMatrix(levelCounts, profiles);
  const n = profiles.length;
  if (n < p) return 0;
  const logDet = logDetInformation(x, n, p);
  if (logDet === Number.NEGATIVE_INFINITY) return 0;
  return (100 * Math.exp(logDet / p)) / n;
}

/**
 * MNL D-error of coded choice sets (each set a list of coded rows of length K) at the prior coefficients.
 * Returns Infinity when the information matrix is singular.
 */
export function mnlDError(
  sets: readonly (readonly (readonly number[])[])[],
  prior: readonly number[],
): number {
  const k = prior.length;
  const information = new Float64Array(k * k);
  for (const rows of sets) {
    const utilities = rows.map((row) => row.reduce((sum, value, p) => sum + value * (prior[p] ?? 0), 0));
    const largest = Math.max(...utilities);
    const weights = utilities.map((utility) => Math.exp(utility - largest));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const probabilities = weights.map((weight) => weight / total);
    const mean = Array.from({ length: k }, (_, p) =>
      rows.reduce((sum, row, j) => sum + (probabilities[j] as number) * (row[p] ?? 0), 0),
    );
    rows.forEach((row, j) => {
      const pj = probabilities[j] as number;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++)
          information[a * k + b] =
            (information[a * k + b] as number) +
            pj * ((row[a] ?? 0) - (mean[a] as number)) * ((row[b] ?? 0) - (mean[b] as number));
    });
  }
  if (!choleskyInPlace(information, k)) return Number.POSITIVE_INFINITY;
  // det(I^-1)^(1/K) = exp(-log det I / K).
  return Math.exp(-logDeterminantFromCholesky(information, k) / k);
}
