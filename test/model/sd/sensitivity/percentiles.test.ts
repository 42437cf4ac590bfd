import { describe, expect, it } from 'vitest';
import { percentiles, summarizeKpi, variableBands } from '../../../../model/sd/sensitivity';
import { R, close } from './reference';

const withNaN = R.quantile.x.map((value) => value ?? Number.NaN);

describe("type-7 percentiles (Hyndman & Fan 1996, R's default)", () => {
  it("equal R's quantile(type = 7, na.rm = TRUE) on a sample with ties and NAs", () => {
    const got = percentiles(
      withNaN,
      R.quantile.probs.map((p) => p * 100),
    );
    got.forEach((value, index) => expect(close(value, R.quantile.q[index] as number, 1e-15)).toBe(true));
  });

  it("equal R's on a small sample where each interpolates", () => {
    const got = percentiles(
      R.quantileSmall.x,
      R.quantileSmall.probs.map((p) => p * 100),
    );
    got.forEach((value, index) => expect(close(value, R.quantileSmall.q[index] as number, 1e-15)).toBe(true));
  });

  it('agree with a full sort on random data of every size (selection finds the same order statistics)', () => {
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const percents = [1, 5, 25, 50, 75, 95, 99];
    for (const n of [1, 2, 3, 7, 16, 17, 100, 1001]) {
      const values = Array.from({ length: n }, () => Math.round(next() * 50) / 5); // many ties
      const sorted = [...values].sort((a, b) => a - b);
      const expected = percents.map((percent) => {
        const index = 1 + (n - 1) * (percent / 100);
        const lo = Math.floor(index);
        const h = index - lo;
        const low = sorted[lo - 1] as number;
        const high = sorted[Math.min(n, lo + 1) - 1] as number;
        return h === 0 || high === low ? low : (1 - h) * low + h * high;
      });
      expect(percentiles(values, percents)).toEqual(expected);
    }
  });

  it('are NaN when every value is NaN, and order infinities', () => {
    expect(percentiles([Number.NaN, Number.NaN], [50])).toEqual([Number.NaN]);
    expect(percentiles([-Infinity, 1, 2, Infinity], [0.1, 50, 99.9])).toEqual([-Infinity, 1.5, Infinity]);
  });
});

describe('KPI summary', () => {
  it("gives R's mean and sd, and counts the missing runs", () => {
    const summary = summarizeKpi(withNaN, [5, 50, 95]);
    expect(summary.missing).toBe(2);
    expect(summary.runs).toBe(withNaN.length);
    expect(close(summary.mean, R.summary.mean, 1e-14)).toBe(true);
    expect(close(summary.sd, R.summary.sd, 1e-14)).toBe(true);
    expect(summary.percentiles.map((entry) => entry.percent)).toEqual([5, 50, 95]);
    expect(close(summary.percentiles[0]?.value ?? 0, R.quantile.q[0] as number, 1e-15)).toBe(true);
  });
});

describe('variable bands', () => {
  it('take each band time separately, percentiles in order', () => {
    // Two band times of five runs: 1..5 and 10..50 (time-major).
    const values = Float64Array.from([5, 3, 1, 2, 4, 50, 10, 40, 20, 30]);
    const bands = variableBands(values, 2, 5, [25, 50, 75]);
    // bands[q * points + b]
    expect(Array.from(bands)).toEqual([2, 20, 3, 30, 4, 40]);
    // The input is not reordered.
    expect(Array.from(values)).toEqual([5, 3, 1, 2, 4, 50, 10, 40, 20, 30]);
  });
});
