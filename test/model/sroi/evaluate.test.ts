/**
 * The SROI calculation against examples worked by hand from the formulas of A Guide to Social Return on
 * Investment (Cabinet Office / SROI Network 2012): impact = quantity × proxy × (1 − deadweight) ×
 * (1 − displacement) × (1 − attribution) (4.4); drop-off from the outcome's second year (4.3, 5.1); value in
 * year t discounted by (1 + r)^t from year 1 (5.2); ratio = PV / inputs, net ratio = NPV / inputs (5.3);
 * payback = inputs / (year-1 value / 12) (5.5). Each expected number is written out below; the arithmetic
 * was done by hand and checked on a calculator, never taken from this code.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis, type SroiEvaluation } from '../../../model/sroi';
import { analysis, input, outcome } from './analyses';

function evaluated(...args: Parameters<typeof evaluateAnalysis>): SroiEvaluation {
  const result = evaluateAnalysis(...args);
  if (!result.ok) throw new Error(result.errors.map((issue) => issue.message).join('; '));
  return result.value;
}

const close = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index] as number, 9));
};

describe('one outcome over three years with drop-off, discounted at 3.5%', () => {
  // quantity 10, proxy 1000, deadweight 20%, displacement 0, attribution 25%, drop-off 10%, 3 years; inputs 10,000.
  // impact  = 10 × 1000 × (1 − 0.2) × (1 − 0) × (1 − 0.25) = 10,000 × 0.8 × 0.75 = 6000
  // year 1  = 6000; year 2 = 6000 × 0.9 = 5400; year 3 = 5400 × 0.9 = 4860
  // PV      = 6000 / 1.035 + 5400 / 1.035² + 4860 / 1.035³
  //         = 6000 / 1.035 + 5400 / 1.071225 + 4860 / 1.108717875
  //         = 5797.101449 + 5040.957782 + 4383.441550 = 15221.500781
  // NPV     = 15221.500781 − 10000 = 5221.500781; ratio = 1.5221500781; net ratio = 0.5221500781
  // payback = 10000 / (6000 / 12) = 10000 / 500 = 20 months
  // discounted payback: after year 1, 5797.101449 < 10000; after year 2, 10838.06 ≥ 10000, so in year 2:
  //   12 + 12 × (10000 − 6000/1.035) / (5400/1.035²) = 12 + 12 × (10000 × 1.071225 − 6000 × 1.035) / 5400
  //   = 12 + 12 × (10712.25 − 6210) / 5400 = 12 + 12 × 0.83375 = 22.005 months
  const result = evaluated(
    analysis(
      [
        outcome({
          id: 'a',
          quantity: 10,
          proxyValue: 1000,
          deadweight: 0.2,
          attribution: 0.25,
          dropOff: 0.1,
          durationYears: 3,
        }),
      ],
      [input(10_000)],
    ),
  );

  it('projects the impact with drop-off from the second year', () => {
    expect(result.horizonYears).toBe(3);
    close(result.valuesByYear, [6000, 5400, 4860]);
    expect(result.outcomes[0]?.impactYear1).toBeCloseTo(6000, 9);
  });

  it('discounts from year 1 and gives PV, NPV and both ratios', () => {
    close(result.presentValuesByYear, [5797.101449275363, 5040.957781978576, 4383.441549546589]);
    expect(result.presentValue).toBeCloseTo(15221.500780800528, 8);
    expect(result.npv).toBeCloseTo(5221.500780800528, 8);
    expect(result.ratio).toBeCloseTo(1.5221500780800528, 12);
    expect(result.netRatio).toBeCloseTo(0.5221500780800528, 12);
    expect(result.totalInputs).toBe(10_000);
  });

  it('gives the payback by the Guide’s formula and the discounted payback', () => {
    expect(result.paybackMonths).toBeCloseTo(20, 12);
    expect(result.discountedPaybackMonths).toBeCloseTo(22.005, 9);
  });
});

describe('two stakeholders, no discounting', () => {
  // Inputs: the business 5000 in cash; staff time in kind, 40 h × 25 = 1000; total 6000.
  // Staff:     quantity 4, proxy 2000, deadweight 50%, 2 years, no drop-off → 4 × 2000 × 0.5 = 4000 a year.
  // Customers: quantity 100, proxy 50, deadweight 10%, displacement 20%, attribution 50%, 1 year
  //            → 100 × 50 × 0.9 × 0.8 × 0.5 = 1800.
  // Years: [4000 + 1800, 4000] = [5800, 4000]; r = 0 so PV = 9800; NPV = 3800; ratio = 9800/6000 = 1.633333;
  // net ratio = 0.633333. Staff hold 8000/9800 = 81.63% of the value, customers 1800/9800 = 18.37%.
  // Payback = 6000 / (5800/12) = 12.413793 months. Discounted (r = 0): 5800 < 6000 after year 1, then
  // 12 + 12 × (6000 − 5800) / 4000 = 12 + 0.6 = 12.6 months.
  const result = evaluated(
    analysis(
      [
        outcome({
          id: 'staff',
          stakeholder: 'Staff',
          quantity: 4,
          proxyValue: 2000,
          deadweight: 0.5,
          durationYears: 2,
        }),
        outcome({
          id: 'customers',
          stakeholder: 'Customers',
          quantity: 100,
          proxyValue: 50,
          deadweight: 0.1,
          displacement: 0.2,
          attribution: 0.5,
        }),
      ],
      [
        input(5000),
        input(1000, {
          stakeholder: 'Staff',
          description: 'training time',
          kind: 'in-kind',
          hours: 40,
          hourlyRate: 25,
        }),
      ],
      { discountRate: 0 },
    ),
  );

  it('adds the outcomes year by year', () => {
    close(result.valuesByYear, [5800, 4000]);
    expect(result.presentValue).toBeCloseTo(9800, 9);
    expect(result.npv).toBeCloseTo(3800, 9);
    expect(result.ratio).toBeCloseTo(9800 / 6000, 12);
    expect(result.netRatio).toBeCloseTo(3800 / 6000, 12);
  });

  it('breaks the value down per outcome and per stakeholder, and the inputs per stakeholder', () => {
    expect(result.outcomes.map((entry) => [entry.id, entry.presentValue])).toEqual([
      ['staff', 8000],
      ['customers', expect.closeTo(1800, 9) as number],
    ]);
    expect(result.stakeholders.map((entry) => entry.stakeholder)).toEqual(['Staff', 'Customers']);
    expect(result.stakeholders[0]?.shareOfPresentValue).toBeCloseTo(8000 / 9800, 12);
    expect(result.stakeholders[1]?.shareOfPresentValue).toBeCloseTo(1800 / 9800, 12);
    close(result.stakeholders[1]?.valuesByYear ?? [], [1800, 0]);
    expect(result.inputsByStakeholder).toEqual([
      { stakeholder: 'Staff', value: 1000 },
      { stakeholder: 'The business', value: 5000 },
    ]);
  });

  it('gives the payback by the Guide’s formula and the discounted payback', () => {
    expect(result.paybackMonths).toBeCloseTo(12.413793103448276, 12);
    expect(result.discountedPaybackMonths).toBeCloseTo(12.6, 12);
  });
});

describe('an outcome that starts in year 2', () => {
  // quantity 1, proxy 1000, no filters, drop-off 50%, 2 years from year 2; inputs 1000; r = 3.5%.
  // Years: [0, 1000, 500] (drop-off from the outcome's own second year, analysis year 3).
  // PV = 1000 / 1.035² + 500 / 1.035³ = 933.510700 + 450.971353 = 1384.482053.
  // Payback by the Guide's formula: year 1 has no value, so there is none (null).
  // Discounted: 933.510700 < 1000 after year 2; in year 3:
  //   24 + 12 × (1000 − 1000/1.035²) / (500/1.035³) = 24 + 12 × (1000 × 1.108717875 − 1000 × 1.035) / 500
  //   = 24 + 12 × 0.14743575 = 25.769229 months.
  const result = evaluated(
    analysis([outcome({ id: 'late', startYear: 2, durationYears: 2, dropOff: 0.5 })], [input(1000)]),
  );

  it('has no value before its start and counts drop-off from its own second year', () => {
    close(result.valuesByYear, [0, 1000, 500]);
    expect(result.outcomes[0]?.impactYear1).toBe(1000);
    expect(result.presentValue).toBeCloseTo(1384.4820532004142, 9);
  });

  it('has no Guide payback (year 1 is empty) but a discounted one', () => {
    expect(result.paybackMonths).toBeNull();
    expect(result.discountedPaybackMonths).toBeCloseTo(25.769229, 9);
  });
});

describe('payback and discounted payback of a steady outcome', () => {
  // 1200 a year for 5 years, inputs 3000, r = 3.5%.
  // Guide: 3000 / (1200 / 12) = 3000 / 100 = 30 months.
  // Discounted values: 1159.420290, 1120.212840, 1082.331247, 1045.730673, 1010.367800 (PV 5418.062851).
  // Cumulative: 1159.42, 2279.63 (< 3000), 3361.96 (≥ 3000): in year 3,
  //   24 + 12 × (3000 × 1.035³ − 1200 × 1.035² − 1200 × 1.035) / 1200
  //   = 24 + 12 × (3326.153625 − 1285.47 − 1242) / 1200 = 24 + 12 × 0.66556969 = 31.986836 months.
  const steady = (inputs: number) =>
    evaluated(analysis([outcome({ id: 'steady', proxyValue: 1200, durationYears: 5 })], [input(inputs)]));

  it('matches the hand-worked months', () => {
    const result = steady(3000);
    expect(result.paybackMonths).toBeCloseTo(30, 12);
    expect(result.presentValue).toBeCloseTo(5418.062850564898, 9);
    expect(result.discountedPaybackMonths).toBeCloseTo(31.98683625, 9);
  });

  it('gives no discounted payback when the present value never reaches the inputs', () => {
    // PV 5418.06 < 6000; the Guide's formula still says 6000 / 100 = 60 months.
    const result = steady(6000);
    expect(result.discountedPaybackMonths).toBeNull();
    expect(result.paybackMonths).toBeCloseTo(60, 12);
    expect(result.ratio).toBeLessThan(1);
  });
});

describe('details', () => {
  it('counts part of the last year for a fractional duration', () => {
    // 2.5 years, drop-off 20%, r = 0: 1000, 800, and half of 640 = 320; PV 2120.
    const result = evaluated(
      analysis([outcome({ id: 'part', durationYears: 2.5, dropOff: 0.2 })], [input(1000)], {
        discountRate: 0,
      }),
    );
    close(result.valuesByYear, [1000, 800, 320]);
    expect(result.presentValue).toBeCloseTo(2120, 9);
  });

  it('takes simulated quantities year by year for a linked outcome, and warns when they are missing', () => {
    // Quantities 2, 3, 5; proxy 100; attribution 50%; r = 0: 100, 150, 250.
    const link = {
      model: 'Empathy SMB',
      scenario: 'Empathy programme',
      baseline: 'Status quo',
      variable: 'Customers',
      aggregation: 'annual-mean',
    } as const;
    const linked = analysis(
      [
        outcome({
          id: 'linked',
          quantity: 4,
          proxyValue: 100,
          attribution: 0.5,
          durationYears: 3,
          quantityLink: link,
        }),
      ],
      [input(100)],
      { discountRate: 0 },
    );
    const simulated = evaluateAnalysis(linked, { quantitiesByYear: { linked: [2, 3, 5, 8] } });
    expect(simulated.ok && simulated.warnings).toEqual([]);
    const value = simulated.ok ? simulated.value : undefined;
    close(value?.valuesByYear ?? [], [100, 150, 250]);
    expect(value?.outcomes[0]?.impactYear1).toBe(100);
    expect(value?.outcomes[0]?.quantitySource).toBe('simulation');

    // Without them: the stored quantity 4 every year (200 a year), and a warning that names the outcome.
    const stored = evaluateAnalysis(linked);
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    close(stored.value.valuesByYear, [200, 200, 200]);
    expect(stored.value.outcomes[0]?.quantitySource).toBe('document');
    expect(stored.warnings.map((warning) => [warning.code, warning.message])).toEqual([
      [
        'link-not-evaluated',
        'outcome "linked" quantityLink is not evaluated: the quantity stored in the document (4) is used for every year',
      ],
    ]);
  });

  it('counts a harm (a negative proxy) against the benefits', () => {
    // 3000 − 1000 = 2000 in year 1, r = 0, inputs 1000: ratio 2.
    const result = evaluated(
      analysis(
        [
          outcome({ id: 'gain', proxyValue: 3000 }),
          outcome({ id: 'harm', proxyValue: -1000, stakeholder: 'Neighbours' }),
        ],
        [input(1000)],
        { discountRate: 0 },
      ),
    );
    expect(result.ratio).toBeCloseTo(2, 12);
  });

  it('gives a ratio of 0 and no payback for an analysis without outcomes', () => {
    const result = evaluated(analysis([], [input(500)]));
    expect(result).toMatchObject({
      horizonYears: 0,
      presentValue: 0,
      ratio: 0,
      netRatio: -1,
      paybackMonths: null,
    });
    expect(result.discountedPaybackMonths).toBeNull();
    expect(result.stakeholders).toEqual([]);
  });
});
