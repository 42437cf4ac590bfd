/**
 * Laws the calculation must obey on any analysis, checked on seeded random analyses (pure-rand, so every run
 * draws the same ones): filters and drop-off only ever lower the ratio; with no discounting and no drop-off
 * the present value is impact × duration; the breakdowns add up to the totals; the ratio is linear in the
 * quantities and inversely so in the inputs.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import {
  evaluateAnalysis,
  impactShare,
  type SroiAnalysis,
  type SroiEvaluation,
  type SroiOutcome,
} from '../../../model/sroi';
import { analysis, input, outcome } from './analyses';

const CASES = 200;

function randomAnalyses(seed: number, count: number): SroiAnalysis[] {
  const generator = xoroshiro128plus(seed);
  const unit = () => uniformFloat64(generator);
  const between = (low: number, high: number) => low + (high - low) * unit();
  const whole = (low: number, high: number) => Math.floor(between(low, high + 1));
  return Array.from({ length: count }, (_, index) => {
    const outcomes = Array.from({ length: whole(1, 4) }, (_, number) =>
      outcome({
        id: `o${number}`,
        stakeholder: ['Staff', 'Customers', 'The business'][whole(0, 2)] as string,
        quantity: between(0, 200),
        proxyValue: between(1, 5000),
        durationYears: unit() < 0.3 ? between(1, 6) : whole(1, 6),
        startYear: whole(1, 3),
        deadweight: unit(),
        displacement: unit() * 0.5,
        attribution: unit(),
        dropOff: unit() * 0.6,
      }),
    );
    return analysis(outcomes, [input(between(100, 50_000)), input(between(0, 5000))], {
      name: `random ${index}`,
      discountRate: unit() * 0.1,
    });
  });
}

function evaluated(subject: SroiAnalysis): SroiEvaluation {
  const result = evaluateAnalysis(subject);
  if (!result.ok) throw new Error(result.errors.map((issue) => issue.message).join('; '));
  return result.value;
}

const withEveryOutcome = (subject: SroiAnalysis, change: (entry: SroiOutcome) => Partial<SroiOutcome>) => ({
  ...subject,
  outcomes: subject.outcomes.map((entry) => ({ ...entry, ...change(entry) })),
});

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const relativeClose = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('SROI laws on random analyses', () => {
  const analyses = randomAnalyses(20_120, CASES);

  it.each(['deadweight', 'displacement', 'attribution', 'dropOff'] as const)(
    'the ratio never rises as %s rises',
    (field) => {
      for (const subject of analyses) {
        let previous = Number.POSITIVE_INFINITY;
        for (const value of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
          const ratio = evaluated(withEveryOutcome(subject, () => ({ [field]: value }))).ratio;
          expect(ratio).toBeLessThanOrEqual(previous * (1 + 1e-12));
          previous = ratio;
        }
      }
    },
  );

  it('with r = 0 and no drop-off, PV = Σ impact × duration', () => {
    for (const subject of analyses) {
      const flat = { ...withEveryOutcome(subject, () => ({ dropOff: 0 })), discountRate: 0 };
      const expected = sum(
        flat.outcomes.map(
          (entry) => entry.quantity * entry.proxyValue * impactShare(entry) * entry.durationYears,
        ),
      );
      relativeClose(evaluated(flat).presentValue, expected);
    }
  });

  it('discounting lowers the present value, more at a higher rate', () => {
    for (const subject of analyses) {
      const atRate = (discountRate: number) => evaluated({ ...subject, discountRate }).presentValue;
      const undiscounted = atRate(0);
      expect(atRate(0.035)).toBeLessThanOrEqual(undiscounted);
      expect(atRate(0.1)).toBeLessThanOrEqual(atRate(0.035));
    }
  });

  it('the breakdowns per outcome, per stakeholder and per year add up to the totals', () => {
    for (const subject of analyses) {
      const result = evaluated(subject);
      relativeClose(sum(result.outcomes.map((entry) => entry.presentValue)), result.presentValue);
      relativeClose(sum(result.stakeholders.map((entry) => entry.presentValue)), result.presentValue);
      relativeClose(sum(result.stakeholders.map((entry) => entry.shareOfPresentValue)), 1);
      relativeClose(sum(result.presentValuesByYear), result.presentValue);
      result.valuesByYear.forEach((value, year) =>
        relativeClose(sum(result.outcomes.map((entry) => entry.valuesByYear[year] ?? 0)), value),
      );
      relativeClose(sum(result.inputsByStakeholder.map((entry) => entry.value)), result.totalInputs);
      relativeClose(result.ratio - result.netRatio, 1);
      relativeClose(result.npv, result.presentValue - result.totalInputs);
    }
  });

  it('the ratio is linear in the quantities and inverse in the inputs', () => {
    for (const subject of analyses) {
      const base = evaluated(subject).ratio;
      relativeClose(
        evaluated(withEveryOutcome(subject, (entry) => ({ quantity: entry.quantity * 3 }))).ratio,
        3 * base,
      );
      const doubledInputs = {
        ...subject,
        inputs: subject.inputs.map((entry) => ({ ...entry, value: entry.value * 2 })),
      };
      relativeClose(evaluated(doubledInputs).ratio, base / 2);
    }
  });

  it('the discounted payback, when there is one, falls inside the analysis years', () => {
    for (const subject of analyses) {
      const result = evaluated(subject);
      if (result.discountedPaybackMonths === null) expect(result.ratio).toBeLessThan(1 + 1e-12);
      else {
        expect(result.discountedPaybackMonths).toBeGreaterThanOrEqual(0);
        expect(result.discountedPaybackMonths).toBeLessThanOrEqual(12 * result.horizonYears + 1e-9);
      }
    }
  });
});
