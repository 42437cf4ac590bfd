/**
 * The market simulator against R's conjoint package on tea (tea_expected.json "simulation", to 1e-8): mean
 * total utilities, first choice, the mean of individual logit shares, logit shares of the aggregate model,
 * and caBTL / caLogit (which keep only respondents whose utilities are all >= 0). Laws: shares sum to 1 for
 * every method, with and without None; randomized first choice without error is first choice, and with a
 * large error tends to equal shares.
 */
import { describe, expect, it } from 'vitest';
import {
  estimateRatings,
  simulateShares,
  type RatingsEstimate,
  type SimulationMethod,
  type SimulatorProduct,
} from '../../../model/conjoint';
import { readFixtureTable } from '../stats/fixture-table';
import { teaExpected, teaRatingsLong } from './tea-fixture';

const estimate: RatingsEstimate = (() => {
  const result = estimateRatings(teaRatingsLong());
  if (!result.ok) throw new Error(result.error);
  return result.value;
})();
const individual = estimate.respondents.map((entry) => entry.estimates ?? new Float64Array());
const products: SimulatorProduct[] = readFixtureTable('conjoint/tea_simulation_profiles.csv').rows.map(
  (row) => ({
    name: `product ${row[0] ?? ''}`,
    values: row.slice(1).map((cell) => Number(cell) - 1),
  }),
);
const expected = teaExpected.simulation;
const percent = (shares: readonly number[]) => shares.map((share) => share * 100);

function expectAll(actual: readonly number[], wanted: readonly number[], tolerance = 1e-8): void {
  expect(actual).toHaveLength(wanted.length);
  actual.forEach((value, index) =>
    expect(Math.abs(value - (wanted[index] as number))).toBeLessThanOrEqual(tolerance),
  );
}

describe('tea simulator (R conjoint package)', () => {
  const simulate = (method: SimulationMethod, respondents: readonly ArrayLike<number>[] = individual) =>
    simulateShares({ layout: estimate.layout, respondents, products, method });

  it('mean total utility and first choice (ties to the first product)', () => {
    const result = simulate({ kind: 'first-choice' });
    expectAll(result.meanUtility, expected.mean_total_utility);
    expectAll(percent(result.shares), expected.first_choice_pct);
  });

  it('share of preference: mean of individual logit shares', () => {
    expectAll(
      percent(simulate({ kind: 'share-of-preference' }).shares),
      expected.share_of_preference_logit_pct_all_respondents,
    );
  });

  it('share of preference from the aggregate model', () => {
    const result = simulate({ kind: 'share-of-preference' }, [estimate.fit.estimates]);
    expectAll(percent(result.shares), expected.share_of_preference_from_aggregate_model_pct);
  });

  it('BTL and logit over respondents whose utilities are all >= 0 (caBTL, caLogit)', () => {
    const btl = simulate({ kind: 'btl' });
    expect(btl.respondentsCounted).toBe(expected.n_respondents_all_nonnegative);
    expect(btl.respondentsExcluded).toBe(100 - expected.n_respondents_all_nonnegative);
    expectAll(percent(btl.shares), expected.btl_pct_respondents_with_all_nonnegative_utilities);
    const nonNegative = individual.filter(
      (beta) => simulate({ kind: 'btl' }, [beta]).respondentsCounted === 1,
    );
    expectAll(
      percent(simulate({ kind: 'share-of-preference' }, nonNegative).shares),
      expected.logit_pct_respondents_with_all_nonnegative_utilities,
    );
  });
});

describe('simulator laws', () => {
  const methods: SimulationMethod[] = [
    { kind: 'first-choice' },
    { kind: 'share-of-preference', exponent: 0.5 },
    { kind: 'share-of-preference', exponent: 3 },
    { kind: 'randomized-first-choice', draws: 200, seed: 3 },
    { kind: 'randomized-first-choice', draws: 200, seed: 3, productVariability: 0.5 },
  ];
  for (const method of methods)
    for (const none of [undefined, { utility: 3.3 }])
      it(`shares sum to 1: ${JSON.stringify(method)}${none === undefined ? '' : ' with None'}`, () => {
        const result = simulateShares({
          layout: estimate.layout,
          respondents: individual,
          products,
          method,
          ...(none === undefined ? {} : { none }),
        });
        expect(result.shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
        expect(result.shares.every((share) => share >= 0 && share <= 1)).toBe(true);
        expect(result.names).toHaveLength(products.length + (none === undefined ? 0 : 1));
      });

  it('randomized first choice without error is first choice; with a huge error, shares even out', () => {
    const base = { layout: estimate.layout, respondents: individual, products };
    const exact = simulateShares({ ...base, method: { kind: 'first-choice' } });
    const noError = simulateShares({
      ...base,
      method: { kind: 'randomized-first-choice', draws: 10, attributeVariability: 0 },
    });
    expect(noError.shares).toEqual(exact.shares);
    const noisy = simulateShares({
      ...base,
      method: {
        kind: 'randomized-first-choice',
        draws: 400,
        attributeVariability: 0,
        productVariability: 1e6,
        seed: 9,
      },
    });
    for (const share of noisy.shares) expect(Math.abs(share - 0.25)).toBeLessThan(0.02);
  });

  it('a larger exponent sharpens shares toward first choice', () => {
    const base = { layout: estimate.layout, respondents: [estimate.fit.estimates], products };
    const soft = simulateShares({ ...base, method: { kind: 'share-of-preference', exponent: 0.1 } }).shares;
    const sharp = simulateShares({ ...base, method: { kind: 'share-of-preference', exponent: 500 } }).shares;
    expect(Math.max(...sharp)).toBeGreaterThan(Math.max(...soft));
    expect(Math.max(...sharp)).toBeCloseTo(1, 6);
  });

  it('None needs a coefficient or a utility', () => {
    expect(() =>
      simulateShares({
        layout: estimate.layout,
        respondents: individual,
        products,
        method: { kind: 'first-choice' },
        none: {},
      }),
    ).toThrow(/None/);
  });
});
