import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../../model/sd/sensitivity/normal-quantile';
import { R } from './reference';

describe('normalQuantile (Wichura AS 241)', () => {
  it("matches R's qnorm in the centre and both tails to 1e-15 relative", () => {
    R.qnorm.p.forEach((p, index) => {
      const expected = R.qnorm.q[index] as number;
      const got = normalQuantile(p);
      expect(Math.abs(got - expected), `p = ${p}`).toBeLessThanOrEqual(
        1e-15 * Math.max(1, Math.abs(expected)),
      );
    });
  });

  it('is odd about one half and infinite at the ends', () => {
    for (const p of [0.01, 0.2, 0.4, 0.49]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
