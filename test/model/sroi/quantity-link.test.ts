/**
 * From two simulated runs to an outcome's quantity per analysis year. The runs here are written by hand (a
 * model in months saved every quarter-month would be longer but no different), so each expected quantity can
 * be added up in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateAnalysis,
  quantitiesFromRuns,
  timeUnitsPerYear,
  type QuantityAggregation,
  type SroiOutcome,
} from '../../../model/sroi';
import { outcome } from './analyses';

/** A run in months, saved every 6 months, over 2 years: times 0, 6, 12, 18, 24. */
const time = [0, 6, 12, 18, 24];
const scenario = [10, 14, 20, 26, 30];
const baseline = [10, 12, 14, 16, 18];
// Differences: 0, 2, 6, 10, 12.

function linked(aggregation: QuantityAggregation, fields: Partial<SroiOutcome> = {}): SroiOutcome {
  return outcome({
    id: 'customers',
    durationYears: 2,
    quantityLink: {
      model: 'Empathy SMB',
      scenario: 'Empathy programme',
      baseline: 'Status quo',
      variable: 'Customers',
      aggregation,
    },
    ...fields,
  });
}

const quantities = (subject: SroiOutcome, runs = { time, scenario, baseline }, startTime?: number) => {
  const result = quantitiesFromRuns(subject, runs, {
    timeUnitsPerYear: 12,
    ...(startTime === undefined ? {} : { startTime }),
  });
  return result.ok ? result.value : result.errors.map((issue) => issue.message);
};

describe('quantitiesFromRuns', () => {
  it('annual-mean: the mean difference over the times saved in each year', () => {
    // Year 1 holds times 0 and 6: (0 + 2) / 2 = 1. Year 2 holds 12 and 18: (6 + 10) / 2 = 8.
    expect(quantities(linked('annual-mean'))).toEqual([1, 8]);
  });

  it('annual-sum: the difference × the save step, added over each year (a flow per month → per year)', () => {
    // Year 1: 0 × 6 + 2 × 6 = 12. Year 2: 6 × 6 + 10 × 6 = 96.
    expect(quantities(linked('annual-sum'))).toEqual([12, 96]);
  });

  it('year-end: the difference saved at the end of each year', () => {
    // Month 12: 6; month 24: 12.
    expect(quantities(linked('year-end'))).toEqual([6, 12]);
  });

  it('applies the scale, e.g. −1 to count quits avoided', () => {
    const subject = linked('annual-sum');
    const link = subject.quantityLink;
    if (link === undefined) throw new Error('linked() always links');
    expect(quantities({ ...subject, quantityLink: { ...link, scale: -1 } })).toEqual([-12, -96]);
  });

  it('starts analysis year 1 at the given model time', () => {
    // From month 6: year 1 holds 6 and 12 → (2 + 6) / 2 = 4; the run must reach month 18 for one year.
    expect(quantities(linked('annual-mean', { durationYears: 1 }), undefined, 6)).toEqual([4]);
  });

  it('produces the years the outcome lasts, from year 1 (analysis years index the series)', () => {
    const late = linked('year-end', { startYear: 2, durationYears: 1 });
    expect(quantities(late)).toEqual([6, 12]);
  });

  it('feeds evaluateAnalysis', () => {
    const subject = linked('annual-mean', { proxyValue: 100 });
    const series = quantitiesFromRuns(subject, { time, scenario, baseline }, { timeUnitsPerYear: 12 });
    expect(series.ok).toBe(true);
    if (!series.ok) return;
    const evaluated = evaluateAnalysis(
      {
        name: 'linked',
        discountRate: 0,
        inputs: [{ stakeholder: 'The business', description: 'cash', value: 100 }],
        outcomes: [subject],
      },
      { quantitiesByYear: { customers: series.value } },
    );
    // 1 × 100 + 8 × 100 = 900.
    expect(evaluated.ok && evaluated.value.presentValue).toBe(900);
  });

  it('says why runs cannot give the quantities', () => {
    expect(quantities(linked('annual-mean', { durationYears: 3 }))).toEqual([
      'outcome "customers" quantityLink "Customers" needs runs to time 36 for 3 years (the runs stop at 24)',
    ]);
    expect(quantities(linked('annual-mean'), { time, scenario: [1, 2], baseline })).toEqual([
      'outcome "customers" quantityLink needs runs saved at the same times (5 times, 2 scenario values, 5 baseline values)',
    ]);
    expect(quantities(outcome({ id: 'plain' }))).toEqual([
      'outcome "plain" quantityLink is missing: the outcome takes its quantity from the document',
    ]);
    // Saved every 5 months, no time falls on month 12.
    expect(
      quantities(linked('year-end'), {
        time: [0, 5, 10, 15, 20, 25],
        scenario: [0, 0, 0, 0, 0, 0],
        baseline: [0, 0, 0, 0, 0, 0],
      }),
    ).toEqual([
      'outcome "customers" quantityLink "Customers" has no saved time at the end of analysis year 1',
    ]);
    expect(
      quantities(linked('annual-mean'), { time, scenario: [10, 14, Number.NaN, 26, 30], baseline }),
    ).toEqual(['outcome "customers" quantityLink "Customers" is not a finite number in analysis year 2']);
  });
});

describe('timeUnitsPerYear', () => {
  it('knows the usual XMILE time units', () => {
    expect(['Months', 'month', 'Years', 'Quarters', 'Weeks', 'days'].map(timeUnitsPerYear)).toEqual([
      12, 12, 1, 4, 52, 365,
    ]);
    expect(timeUnitsPerYear('fortnights')).toBeUndefined();
  });
});
