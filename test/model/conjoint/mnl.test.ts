/**
 * MNL against R 4.2.2 survival::clogit (cross-checked by a Newton-Raphson in R) on mlogit's Fishing data,
 * 1,182 choosers x 4 modes: coefficients to 1e-6, SEs to 1e-5, log-likelihood to 1e-4, p from the normal
 * (test/fixtures/conjoint/fishing_mnl_expected.json). Model 1 goes through the response import and the
 * dummy coding the CLI uses (alternative as a categorical attribute: ASCs against beach); model 2 adds
 * income x alternative, built as coded rows.
 */
import { describe, expect, it } from 'vitest';
import { choiceSetsFromRows, fitMnl, type MnlFit } from '../../../model/conjoint';
import { readFixtureTable } from '../stats/fixture-table';
import { fishingExpected, fishingModel1, OUR_NAME, type ExpectedModel } from './fishing-fixture';

function expectMatches(fit: MnlFit, expected: ExpectedModel): void {
  expect(fit.nSets).toBe(expected.n_choice_sets);
  expect(
    Object.keys(expected.coefficients)
      .map((name) => OUR_NAME[name])
      .sort(),
  ).toEqual([...fit.names].sort());
  for (const [name, want] of Object.entries(expected.coefficients)) {
    const row = fit.coefficients.find((coefficient) => coefficient.name === OUR_NAME[name]);
    expect(row, name).toBeDefined();
    if (row === undefined) continue;
    expect(Math.abs(row.estimate - want.estimate), name).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(row.stdError - want.std_error), name).toBeLessThanOrEqual(1e-5);
    expect(Math.abs(row.z - want.z_value) / Math.abs(want.z_value), name).toBeLessThan(1e-6);
    expect(Math.abs(row.p - want.p_value) / want.p_value, name).toBeLessThan(1e-5);
  }
  expect(Math.abs(fit.logLik - expected.loglik)).toBeLessThanOrEqual(1e-4);
  expect(Math.abs(fit.logLikNull - expected.loglik_null_equal_shares)).toBeLessThanOrEqual(1e-4);
  expect(Math.abs(fit.mcfaddenR2 - expected.mcfadden_r2)).toBeLessThanOrEqual(1e-7);
  expect(Math.abs(fit.aic - expected.aic)).toBeLessThanOrEqual(2e-4);
}

describe('MNL on Fishing (R survival::clogit)', () => {
  it('model 1: ASCs, price and catch', () => {
    expectMatches(fishingModel1(), fishingExpected.model_1);
  });

  it('model 2: with income x alternative (beach = 0)', () => {
    const table = readFixtureTable('conjoint/fishing_long.csv');
    const modes = ['pier', 'boat', 'charter'];
    const names = [
      ...modes.map((mode) => `alt:${mode}`),
      'price',
      'catch',
      ...modes.map((mode) => `income:${mode}`),
    ];
    const sets: { rows: number[][]; chosen: number; respondent: string }[] = [];
    for (const row of table.rows) {
      const [id = '', alt = '', choice = '', price = '', fishCatch = '', income = ''] = row;
      const dummies = modes.map((mode) => (mode === alt ? 1 : 0));
      const coded = [
        ...dummies,
        Number(price),
        Number(fishCatch),
        ...dummies.map((dummy) => dummy * Number(income)),
      ];
      let set = sets[sets.length - 1];
      if (set === undefined || set.respondent !== id) {
        set = { rows: [], chosen: -1, respondent: id };
        sets.push(set);
      }
      if (choice === '1') set.chosen = set.rows.length;
      set.rows.push(coded);
    }
    const fit = fitMnl(choiceSetsFromRows(names, sets));
    if (!fit.ok) throw new Error(fit.error);
    expectMatches(fit.value, fishingExpected.model_2);
  });

  it('reports perfect separation instead of running away', () => {
    // The first alternative always has the higher x and is always chosen: the MLE is at infinity.
    const sets = Array.from({ length: 20 }, (_, s) => ({ rows: [[1 + (s % 3)], [0]], chosen: 0 }));
    const fit = fitMnl(choiceSetsFromRows(['x'], sets));
    expect(fit.ok).toBe(false);
  });
});
