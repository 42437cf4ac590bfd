import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from '../../../../model/sd/sensitivity';
import { R, close } from './reference';

describe('rank correlation', () => {
  it("gives ties their average rank, as R's rank()", () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });

  it("equals R's cor(method = 'spearman') with ties", () => {
    expect(close(spearman(R.spearman.a, R.spearman.b), R.spearman.rho, 1e-14)).toBe(true);
  });

  it('is 1 for any increasing relation, -1 for a decreasing one, NaN without variation', () => {
    const x = [0.1, 0.5, 0.2, 0.9, 0.3];
    expect(
      spearman(
        x,
        x.map((value) => Math.exp(value)),
      ),
    ).toBeCloseTo(1, 14);
    expect(
      spearman(
        x,
        x.map((value) => -value * value),
      ),
    ).toBeCloseTo(-1, 14);
    expect(spearman(x, [1, 1, 1, 1, 1])).toBeNaN();
  });

  it('leaves out pairs with a NaN', () => {
    expect(spearman([1, 2, 3, 4], [1, Number.NaN, 3, 4])).toBeCloseTo(1, 14);
  });
});
