/** Importances: percentages of part-worth ranges that sum to 100 (a law, tested on random part-worths). */
import { describe, expect, it } from 'vitest';
import {
  SeededRandom,
  importancePercentages,
  importancesAveraged,
  importancesFromAggregate,
  partWorthRange,
  type AttributePartWorths,
} from '../../../model/conjoint';

function randomPartWorths(random: SeededRandom): AttributePartWorths[] {
  const levels = (count: number) => {
    const values = Array.from({ length: count }, () => random.normal());
    const mean = values.reduce((a, b) => a + b, 0) / count;
    return Object.fromEntries(values.map((value, index) => [`level ${index}`, value - mean]));
  };
  return [
    { kind: 'categorical', attribute: 'a', levels: levels(2 + random.integer(4)) },
    { kind: 'categorical', attribute: 'b', levels: levels(2 + random.integer(4)) },
    { kind: 'numeric', attribute: 'price', perUnit: -Math.abs(random.normal()) / 10, range: [0, 20] },
  ];
}

describe('importances', () => {
  it('sum to 100, from aggregate part-worths and averaged over respondents', () => {
    const random = new SeededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const partWorths = randomPartWorths(random);
      const total = Object.values(importancesFromAggregate(partWorths).percent).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(100, 10);
    }
    const respondents = Array.from({ length: 50 }, (_, index) => ({
      respondent: String(index),
      partWorths: randomPartWorths(random),
    }));
    const averaged = importancesAveraged(respondents);
    expect(Object.values(averaged.percent).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(averaged.respondents).toBe(50);
  });

  it("a numeric attribute's range is |slope| x its value range", () => {
    expect(
      partWorthRange({ kind: 'numeric', attribute: 'price', perUnit: -0.1, range: [5, 25] }),
    ).toBeCloseTo(2, 12);
  });

  it('leaves out respondents whose ranges are all zero, and says so', () => {
    const flat: AttributePartWorths[] = [{ kind: 'categorical', attribute: 'a', levels: { x: 0, y: 0 } }];
    const real: AttributePartWorths[] = [{ kind: 'categorical', attribute: 'a', levels: { x: 1, y: -1 } }];
    expect(importancePercentages(flat)).toBeNull();
    const averaged = importancesAveraged([
      { respondent: 'flat', partWorths: flat },
      { respondent: 'real', partWorths: real },
    ]);
    expect(averaged.excludedRespondents).toEqual(['flat']);
    expect(averaged.percent).toEqual({ a: 100 });
  });
});
