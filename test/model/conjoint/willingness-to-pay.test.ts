/**
 * Willingness to pay: the coefficient ratio with its delta-method SE against the Fishing reference (WTP for
 * catch = -b_catch / b_price, 15.214832, SE 4.61240688), and simulation-based WTP, which with one aggregate
 * respondent and logit shares must equal the ratio (a price increase of exactly the utility gain / -b_price
 * restores the share) and is smaller once the improved product's competitors share its level.
 */
import { describe, expect, it } from 'vitest';
import {
  parameterLayout,
  simulatedWtp,
  wtpForAttributes,
  wtpRatio,
  type EstimationAttribute,
} from '../../../model/conjoint';
import { fishingExpected, fishingModel1 } from './fishing-fixture';

describe('WTP from the coefficient ratio (Fishing)', () => {
  const fit = fishingModel1();
  const layout = parameterLayout(
    [
      { kind: 'categorical', name: 'alt', levels: ['beach', 'pier', 'boat', 'charter'] },
      { kind: 'numeric', name: 'price', values: [1.29, 666.11] },
      { kind: 'numeric', name: 'catch', values: [0.0002, 2.3101] },
    ],
    { coding: 'dummy' },
  );

  it('catch: value and delta-method SE', () => {
    const want = fishingExpected.model_1.wtp_catch;
    const priceIndex = fit.names.indexOf('price');
    const weights = fit.names.map((name) => (name === 'catch' ? 1 : 0));
    const wtp = wtpRatio(fit.estimates, fit.covariance, weights, priceIndex);
    expect(Math.abs(wtp.value - want.value)).toBeLessThan(1e-4);
    expect(Math.abs(wtp.stdError - want.delta_method_se)).toBeLessThan(1e-4);
    expect(Math.abs(wtp.value / want.value - 1)).toBeLessThan(1e-6);
  });

  it('for every other attribute: per unit, and each level against the reference', () => {
    expect(layout.names).toEqual(fit.names);
    const all = wtpForAttributes(layout, fit.estimates, fit.covariance, 'price');
    expect(all.map((entry) => entry.label)).toEqual([
      'alt: pier vs beach',
      'alt: boat vs beach',
      'alt: charter vs beach',
      'catch (per unit)',
    ]);
    const pier = all[0];
    const b = (name: string) => fit.estimates[fit.names.indexOf(name)] as number;
    expect(pier?.value).toBeCloseTo(-b('alt:pier') / b('price'), 12);
    expect(all[3]?.value).toBeCloseTo(fishingExpected.model_1.wtp_catch.value, 4);
  });
});

describe('simulation-based WTP', () => {
  const attributes: EstimationAttribute[] = [
    { kind: 'categorical', name: 'agent', levels: ['bot', 'human'] },
    { kind: 'numeric', name: 'price', values: [5, 20] },
  ];
  const layout = parameterLayout(attributes, { coding: 'dummy' });
  const beta = [1.2, -0.1]; // human +1.2, price -0.1 per unit: ratio WTP = 12
  const products = [
    { name: 'ours', values: [0, 10] },
    { name: 'rival', values: [0, 10] },
  ];

  it('one aggregate respondent, logit shares: equals the ratio', () => {
    const result = simulatedWtp({
      layout,
      respondents: [beta],
      products,
      product: 0,
      attribute: 0,
      improvedValue: 1,
      price: 1,
    });
    expect(result.value).toBeCloseTo(12, 6);
    expect(result.improvedShare).toBeGreaterThan(result.baseShare);
    expect(result.extrapolated).toBe(true);
  });

  it('heterogeneous respondents: a price that restores the share exactly', () => {
    const respondents = [
      [2, -0.1],
      [0.2, -0.3],
      [1, -0.05],
    ];
    const result = simulatedWtp({
      layout,
      respondents,
      products,
      product: 0,
      attribute: 0,
      improvedValue: 1,
      price: 1,
      includeNone: false,
    });
    expect(result.value).not.toBeNull();
    expect(result.value as number).toBeGreaterThan(0);
  });

  it('no gain, no WTP', () => {
    const result = simulatedWtp({
      layout,
      respondents: [[0, -0.1]],
      products,
      product: 0,
      attribute: 0,
      improvedValue: 1,
      price: 1,
    });
    expect(result.value).toBe(0);
  });
});
