/**
 * p-values deep in the tails, against R 4.2.2 (2 * pt(-|t|, df), 2 * pnorm(-|z|), pf(f, df1, df2,
 * lower.tail = FALSE), printed to 17 digits): relative agreement where 1 - cdf would have returned 0.
 */
import { describe, expect, it } from 'vitest';
import { fUpperTailP, normalTwoSidedP, studentTTwoSidedP } from '../../../model/stats';

const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe('tail probabilities (R pt, pnorm, pf)', () => {
  it('Student t, two-sided', () => {
    expect(relative(studentTTwoSidedP(-39.18394359, 1292), 5.7515771514704701e-222)).toBeLessThan(1e-10);
    expect(relative(studentTTwoSidedP(39.18394359, 1292), 5.7515771514704701e-222)).toBeLessThan(1e-10);
    expect(relative(studentTTwoSidedP(-8, 3), 0.0040765775877854666)).toBeLessThan(1e-12);
    expect(relative(studentTTwoSidedP(0.5, 10), 0.62789360574297293)).toBeLessThan(1e-12);
    expect(relative(studentTTwoSidedP(-60, 5), 2.4336377589983817e-8)).toBeLessThan(1e-10);
    expect(studentTTwoSidedP(0, 7)).toBe(1);
  });

  it('normal, two-sided', () => {
    expect(relative(normalTwoSidedP(-14.54442083), 6.3364860935026255e-48)).toBeLessThan(1e-10);
    expect(relative(normalTwoSidedP(30), 9.8134278542963744e-198)).toBeLessThan(1e-10);
    expect(relative(normalTwoSidedP(0.1), 0.92034432544594202)).toBeLessThan(1e-12);
  });

  it('F, upper tail', () => {
    expect(relative(fUpperTailP(18.26003817, 7, 1292), 2.7714546834188046e-23)).toBeLessThan(1e-10);
    expect(relative(fUpperTailP(500, 3, 20), 5.7209589092631947e-19)).toBeLessThan(1e-10);
    expect(relative(fUpperTailP(0.2, 5, 41), 0.96064179333278021)).toBeLessThan(1e-12);
    expect(fUpperTailP(0, 2, 3)).toBe(1);
    expect(fUpperTailP(Number.POSITIVE_INFINITY, 2, 3)).toBe(0);
  });

  it('NaN in, NaN out', () => {
    expect(studentTTwoSidedP(Number.NaN, 3)).toBeNaN();
    expect(normalTwoSidedP(Number.NaN)).toBeNaN();
    expect(fUpperTailP(Number.NaN, 1, 1)).toBeNaN();
  });
});
