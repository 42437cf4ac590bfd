/**
 * Coding laws: effects-coded part-worths sum to zero per attribute; dummy-coded ones, centred, equal the
 * effects-coded ones of the same model (the MNL on Fishing fitted both ways); a profile's coded row times
 * the coefficients is its utility; part-worth weights reproduce the part-worths.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceSetsFromData,
  codeProfile,
  estimateRatings,
  fitMnl,
  importChoicesLong,
  parameterLayout,
  partWorthsOf,
  partWorthWeights,
  profileUtility,
  type EstimationAttribute,
} from '../../../model/conjoint';
import { readFixtureTable } from '../stats/fixture-table';
import { teaRatingsLong } from './tea-fixture';

const attributes: EstimationAttribute[] = [
  { kind: 'categorical', name: 'a', levels: ['x', 'y', 'z'] },
  { kind: 'numeric', name: 'price', values: [1, 4] },
  { kind: 'categorical', name: 'b', levels: ['p', 'q'] },
];

describe('coding', () => {
  it('names: intercept, attribute:level, numeric by column, none last', () => {
    expect(parameterLayout(attributes, { coding: 'effects', intercept: true }).names).toEqual([
      '(Intercept)',
      'a:x',
      'a:y',
      'price',
      'b:p',
    ]);
    expect(parameterLayout(attributes, { coding: 'dummy', none: true }).names).toEqual([
      'a:y',
      'a:z',
      'price',
      'b:q',
      'none',
    ]);
  });

  it("a profile's coded row times the coefficients is its utility, and weights give the part-worths", () => {
    for (const coding of ['effects', 'dummy'] as const) {
      const layout = parameterLayout(attributes, { coding, intercept: coding === 'effects' });
      const beta = layout.names.map((_, index) => 0.3 * index - 0.4);
      const row = new Float64Array(layout.names.length);
      for (const profile of [
        [0, 2, 1],
        [2, 4, 0],
        [1, 1, 1],
      ]) {
        codeProfile(layout, profile, row);
        expect(row.reduce((sum, value, index) => sum + value * (beta[index] as number), 0)).toBeCloseTo(
          profileUtility(layout, profile, beta),
          12,
        );
      }
      const partWorths = partWorthsOf(layout, beta);
      const a = partWorths[0];
      if (a?.kind !== 'categorical') throw new Error('a is categorical');
      ['x', 'y', 'z'].forEach((level, index) => {
        const weights = partWorthWeights(layout, 0, index);
        expect(weights.reduce((sum, weight, p) => sum + weight * (beta[p] as number), 0)).toBeCloseTo(
          a.levels[level] as number,
          12,
        );
      });
    }
  });

  it('effects-coded part-worths sum to zero per attribute, for every tea respondent', () => {
    const result = estimateRatings(teaRatingsLong());
    if (!result.ok) throw new Error(result.error);
    for (const respondent of result.value.respondents)
      for (const attribute of respondent.partWorths ?? [])
        if (attribute.kind === 'categorical')
          expect(Math.abs(Object.values(attribute.levels).reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
  });

  it('dummy coding, centred, gives the effects-coded part-worths of the same MNL (Fishing)', () => {
    const data = importChoicesLong(readFixtureTable('conjoint/fishing_long.csv'), {
      respondent: 'id',
      alternative: 'alt',
      choice: 'choice',
      attributes: ['alt', 'price', 'catch'],
      numeric: ['price', 'catch'],
    });
    if (!data.ok) throw new Error('Fishing does not import');
    const fits = (['dummy', 'effects'] as const).map((coding) => {
      const layout = parameterLayout(data.value.attributes, { coding });
      const fit = fitMnl(choiceSetsFromData(data.value, layout));
      if (!fit.ok) throw new Error(fit.error);
      return { fit: fit.value, partWorths: partWorthsOf(layout, fit.value.estimates) };
    });
    const [dummy, effects] = fits;
    expect(dummy?.fit.logLik).toBeCloseTo(effects?.fit.logLik ?? Number.NaN, 8);
    const levels = (entry: typeof dummy) =>
      entry?.partWorths[0]?.kind === 'categorical' ? entry.partWorths[0].levels : {};
    for (const [level, value] of Object.entries(levels(dummy)))
      expect(value).toBeCloseTo(levels(effects)[level] ?? Number.NaN, 8);
    expect(Object.values(levels(dummy)).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
  });
});
