/** The hand-written small-matrix routines agree with ml-matrix on random symmetric positive-definite matrices. */
import { CholeskyDecomposition, Matrix, determinant, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  SeededRandom,
  choleskyInPlace,
  choleskySolve,
  inverseFromCholesky,
  inverseSymmetric,
  logDeterminantFromCholesky,
  wishartRoot,
} from '../../../model/conjoint';

function randomSpd(random: SeededRandom, k: number): Float64Array {
  const a = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a.set(i, j, random.normal());
  const spd = a.mmul(a.transpose()).add(Matrix.eye(k, k).mul(0.5));
  return Float64Array.from(spd.to1DArray());
}

describe('dense symmetric matrices', () => {
  const random = new SeededRandom(3);
  for (const k of [1, 2, 5, 12]) {
    it(`k = ${k}: Cholesky, solve, inverse and log-determinant match ml-matrix`, () => {
      const a = randomSpd(random, k);
      const reference = new Matrix(
        Array.from({ length: k }, (_, i) => Array.from(a.subarray(i * k, (i + 1) * k))),
      );
      const l = Float64Array.from(a);
      expect(choleskyInPlace(l, k)).toBe(true);
      const referenceL = new CholeskyDecomposition(reference).lowerTriangularMatrix;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) expect(l[i * k + j]).toBeCloseTo(referenceL.get(i, j), 10);
      const b = Float64Array.from({ length: k }, () => random.normal());
      const x = Float64Array.from(b);
      choleskySolve(l, k, x);
      const referenceX = new CholeskyDecomposition(reference).solve(Matrix.columnVector(Array.from(b)));
      for (let i = 0; i < k; i++) expect(x[i]).toBeCloseTo(referenceX.get(i, 0), 9);
      const referenceInverse = inverse(reference);
      const ours = inverseFromCholesky(l, k);
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) expect(ours[i * k + j]).toBeCloseTo(referenceInverse.get(i, j), 8);
      expect(logDeterminantFromCholesky(l, k)).toBeCloseTo(Math.log(determinant(reference)), 8);
    });
  }

  it('refuses a matrix that is not positive definite', () => {
    expect(inverseSymmetric(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});

describe('seeded draws', () => {
  it('gamma and chi-square have their means and variances', () => {
    const random = new SeededRandom(1);
    for (const shape of [0.5, 1, 3.5, 40]) {
      const draws = Array.from({ length: 20_000 }, () => random.gamma(shape));
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length;
      expect(Math.abs(mean / shape - 1)).toBeLessThan(0.03);
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.08);
    }
  });

  it('Wishart(df, S) draws average df S', () => {
    const random = new SeededRandom(2);
    const k = 3;
    const scale = Float64Array.from([2, 0.5, 0, 0.5, 1, 0.3, 0, 0.3, 1.5]);
    const root = Float64Array.from(scale);
    choleskyInPlace(root, k);
    const sum = new Float64Array(k * k);
    const draws = 5000;
    for (let d = 0; d < draws; d++) {
      const w = wishartRoot(random, 7, root, k);
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          let value = 0;
          for (let p = 0; p < k; p++) value += (w[i * k + p] as number) * (w[j * k + p] as number);
          sum[i * k + j] = (sum[i * k + j] as number) + value / draws;
        }
    }
    for (let index = 0; index < k * k; index++)
      expect(Math.abs((sum[index] as number) - 7 * (scale[index] as number))).toBeLessThan(0.25);
  });

  it('the same seed gives the same stream', () => {
    const a = new SeededRandom(9);
    const b = new SeededRandom(9);
    expect(Array.from({ length: 5 }, () => a.normal())).toEqual(Array.from({ length: 5 }, () => b.normal()));
  });
});
