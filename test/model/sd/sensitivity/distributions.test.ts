import { describe, expect, it } from 'vitest';
import { quantileFunction, type Distribution } from '../../../../model/sd/sensitivity';
import { R, close } from './reference';

function quantile(distribution: Distribution): (u: number) => number {
  const made = quantileFunction(distribution);
  if (!made.ok) throw new Error(made.error);
  return made.quantile;
}

describe('quantile functions', () => {
  it('uniform is linear between its bounds', () => {
    const q = quantile({ type: 'uniform', min: 2, max: 6 });
    expect([q(0), q(0.25), q(0.5), q(1)]).toEqual([2, 3, 4, 6]);
  });

  it('triangular inverts its CDF on both sides of the mode', () => {
    const q = quantile({ type: 'triangular', min: 0, mode: 1, max: 4 });
    // F(x) = x^2 / 4 below the mode (F(1) = 1/4), 1 - (4 - x)^2 / 12 above it.
    expect(q(0.25)).toBeCloseTo(1, 14);
    expect(q(0.0625)).toBeCloseTo(0.5, 14);
    expect(q(1 - 4 / 12)).toBeCloseTo(2, 14);
    expect(q(0)).toBe(0);
    expect(q(1)).toBe(4);
  });

  it("lognormal by meanlog/sdlog and by mean/sd matches R's qlnorm", () => {
    const byLog = quantile({ type: 'lognormal', meanlog: 0.5, sdlog: 0.25 });
    const byValue = quantile({ type: 'lognormal', mean: 2, sd: 0.5 });
    R.qlnorm.u.forEach((u, index) => {
      expect(close(byLog(u), R.qlnorm['meanlog0.5sdlog0.25'][index] as number, 1e-14)).toBe(true);
      expect(close(byValue(u), R.qlnorm['mean2sd0.5'][index] as number, 1e-14)).toBe(true);
    });
  });

  it('normal, untruncated, is mean + sd * qnorm', () => {
    const q = quantile({ type: 'normal', mean: 10, sd: 2 });
    expect(q(0.5)).toBe(10);
    expect(q(0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 12);
  });

  it('truncated normal matches the inversion written in R, also far above the mean', () => {
    const inside = quantile({ type: 'normal', mean: 10, sd: 2, min: 9, max: 14 });
    const tail = quantile({ type: 'normal', mean: 0, sd: 1, min: 3, max: 4 });
    R.truncnorm.u.forEach((u, index) => {
      expect(close(inside(u), R.truncnorm.mean10sd2on9to14[index] as number, 1e-12)).toBe(true);
      expect(close(tail(u), R.truncnorm.mean0sd1on3to4[index] as number, 1e-9)).toBe(true);
    });
    for (const u of [1e-12, 0.3, 1 - 1e-12]) {
      expect(inside(u)).toBeGreaterThanOrEqual(9);
      expect(inside(u)).toBeLessThanOrEqual(14);
    }
  });

  it('refuses a truncation range that holds no probability', () => {
    const made = quantileFunction({ type: 'normal', mean: 0, sd: 1, min: 60, max: 70 });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error).toMatch(/truncation range \[60, 70\] holds no probability/);
  });
});
