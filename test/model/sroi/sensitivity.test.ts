/**
 * Sensitivity analysis and switching values, checked against a direct re-evaluation of the changed analysis
 * and against switching values worked by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseSensitivity,
  evaluateAnalysis,
  SENSITIVITY_ASSUMPTIONS,
  type SensitivityAnalysis,
  type SensitivityAssumption,
  type SensitivityOptions,
  type SroiAnalysis,
} from '../../../model/sroi';
import { analysis, input, outcome } from './analyses';

function analysed(subject: SroiAnalysis, options: SensitivityOptions = {}): SensitivityAnalysis {
  const result = analyseSensitivity(subject, options);
  if (!result.ok) throw new Error(result.errors.map((issue) => issue.message).join('; '));
  return result.value;
}

/** The ratio of `subject` with one assumption of one outcome set to `value`, evaluated from scratch. */
function ratioWith(
  subject: SroiAnalysis,
  outcomeId: string,
  assumption: SensitivityAssumption,
  value: number,
  quantitiesByYear?: Record<string, number[]>,
): number {
  const scaled = assumption === 'quantity' && quantitiesByYear?.[outcomeId] !== undefined;
  const changed = {
    ...subject,
    outcomes: subject.outcomes.map((entry) =>
      entry.id === outcomeId && !scaled ? { ...entry, [assumption]: value } : entry,
    ),
  };
  const quantities =
    scaled && quantitiesByYear !== undefined
      ? {
          ...quantitiesByYear,
          [outcomeId]: (quantitiesByYear[outcomeId] ?? []).map((quantity) => quantity * value),
        }
      : quantitiesByYear;
  const result = evaluateAnalysis(changed, quantities === undefined ? {} : { quantitiesByYear: quantities });
  if (!result.ok) throw new Error(result.errors.map((issue) => issue.message).join('; '));
  return result.value.ratio;
}

const programme = analysis(
  [
    outcome({
      id: 'staff',
      quantity: 3,
      proxyValue: 4000,
      deadweight: 0.05,
      attribution: 0.3,
      dropOff: 0.2,
      durationYears: 3,
    }),
    outcome({
      id: 'customers',
      stakeholder: 'Customers',
      quantity: 40,
      proxyValue: 300,
      deadweight: 0.2,
      displacement: 0.5,
      attribution: 0.25,
      dropOff: 0.25,
      durationYears: 2,
      startYear: 2,
    }),
  ],
  [input(20_000)],
);

describe('analyseSensitivity', () => {
  const result = analysed(programme);

  it('sweeps every assumption of every outcome, in the document’s order', () => {
    expect(result.assumptions.map((entry) => `${entry.outcomeId}.${entry.assumption}`)).toEqual(
      ['staff', 'customers'].flatMap((id) =>
        SENSITIVITY_ASSUMPTIONS.map((assumption) => `${id}.${assumption}`),
      ),
    );
    const base = evaluateAnalysis(programme);
    expect(base.ok && base.value.ratio).toBe(result.baseRatio);
  });

  it('gives the ratio of a direct re-evaluation at every point of every sweep', () => {
    for (const entry of result.assumptions)
      for (const point of entry.sweep)
        expect(point.ratio).toBeCloseTo(
          ratioWith(programme, entry.outcomeId, entry.assumption, point.value),
          12,
        );
  });

  it('uses the default ranges, clipped to the values an assumption may take', () => {
    const find = (id: string, assumption: SensitivityAssumption) =>
      result.assumptions.find((entry) => entry.outcomeId === id && entry.assumption === assumption);
    // deadweight 0.05 ± 0.1 → [0, 0.15]; duration 3 ± 1; proxy 4000 ± 20%; quantity 40 ± 20%.
    expect(find('staff', 'deadweight')).toMatchObject({ baseValue: 0.05, lowValue: 0 });
    expect(find('staff', 'deadweight')?.highValue).toBeCloseTo(0.15, 15);
    expect(find('staff', 'durationYears')).toMatchObject({ lowValue: 2, highValue: 4 });
    expect(find('staff', 'proxyValue')).toMatchObject({ lowValue: 3200, highValue: 4800 });
    expect(find('customers', 'quantity')).toMatchObject({ lowValue: 32, highValue: 48, valueKind: 'value' });
    expect(find('customers', 'quantity')?.sweep).toHaveLength(11);
  });

  it('takes other ranges and sweep sizes', () => {
    const custom = analysed(programme, { ranges: { proxyValue: { absolute: 500 } }, points: 3 });
    const proxy = custom.assumptions.find(
      (entry) => entry.outcomeId === 'staff' && entry.assumption === 'proxyValue',
    );
    expect(proxy?.sweep.map((point) => point.value)).toEqual([3500, 4000, 4500]);
  });

  it('brings the ratio to 1:1 at each switching value', () => {
    const found = result.assumptions.filter((entry) => entry.switchingValue !== null);
    expect(found.length).toBeGreaterThan(0);
    for (const entry of found)
      expect(
        ratioWith(programme, entry.outcomeId, entry.assumption, entry.switchingValue as number),
      ).toBeCloseTo(1, 9);
  });

  it('orders the tornado by swing, largest first, one bar per assumption', () => {
    expect(result.tornado).toHaveLength(result.assumptions.length);
    const swings = result.tornado.map((bar) => bar.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const bar of result.tornado)
      expect(bar.swing).toBeCloseTo(Math.abs(bar.ratioAtHigh - bar.ratioAtLow), 15);
  });

  it('returns the analysis’s validation errors', () => {
    const bad = analyseSensitivity({ ...programme, inputs: [] });
    expect(bad.ok).toBe(false);
  });
});

describe('switching values worked by hand', () => {
  // One outcome, r = 0, 1 year: quantity 10 × proxy 100 = 1000; inputs 500, so the ratio is 2.
  // PV = 1000 × (1 − x) for deadweight, displacement and attribution: 1000 (1 − x) = 500 → x = 0.5.
  // PV = 100 × quantity = 500 → quantity 5; PV = 10 × proxy = 500 → proxy 50.
  // Drop-off does not touch a one-year outcome, and duration cannot go below 1 year: no switching value.
  const oneYear = analysis([outcome({ id: 'o', quantity: 10, proxyValue: 100 })], [input(500)], {
    discountRate: 0,
  });
  const switching = (subject: SroiAnalysis, options: SensitivityOptions = {}) =>
    Object.fromEntries(
      analysed(subject, options).assumptions.map((entry) => [entry.assumption, entry.switchingValue]),
    );

  it('solves the linear assumptions in closed form', () => {
    const values = switching(oneYear);
    expect(values['deadweight']).toBeCloseTo(0.5, 12);
    expect(values['displacement']).toBeCloseTo(0.5, 12);
    expect(values['attribution']).toBeCloseTo(0.5, 12);
    expect(values['quantity']).toBeCloseTo(5, 12);
    expect(values['proxyValue']).toBeCloseTo(50, 12);
    expect(values['dropOff']).toBeNull();
    expect(values['durationYears']).toBeNull();
  });

  it('bisects drop-off and duration', () => {
    // Two years, inputs 1500: 1000 + 1000 (1 − d) = 1500 → d = 0.5.
    const twoYears = analysis(
      [outcome({ id: 'o', quantity: 10, proxyValue: 100, durationYears: 2 })],
      [input(1500)],
      { discountRate: 0 },
    );
    expect(switching(twoYears)['dropOff']).toBeCloseTo(0.5, 10);
    // No drop-off: PV = 1000 × duration (the last year in part) = 1500 → 1.5 years.
    expect(switching(twoYears)['durationYears']).toBeCloseTo(1.5, 10);
  });

  it('gives null when no valid value reaches 1:1', () => {
    // Inputs 2000: even with deadweight 0 the ratio is 0.5, and it only falls as deadweight rises.
    const values = switching({ ...oneYear, inputs: [input(2000)] });
    expect(values['deadweight']).toBeNull();
    expect(values['attribution']).toBeNull();
    expect(values['quantity']).toBeCloseTo(20, 12);
    // A proxy keeps its sign: a harm never switches into a benefit.
    const harm = analysis(
      [outcome({ id: 'gain', proxyValue: 1000 }), outcome({ id: 'harm', proxyValue: -100 })],
      [input(2000)],
      { discountRate: 0 },
    );
    const harmProxy = analysed(harm).assumptions.find(
      (entry) => entry.outcomeId === 'harm' && entry.assumption === 'proxyValue',
    );
    expect(harmProxy?.switchingValue).toBeNull();
  });
});

describe('an outcome with simulated quantities', () => {
  const link = {
    model: 'Empathy SMB',
    scenario: 'Empathy programme',
    baseline: 'Status quo',
    variable: 'Customers',
    aggregation: 'annual-mean',
  } as const;
  const linked = analysis(
    [outcome({ id: 'linked', proxyValue: 100, durationYears: 3, quantityLink: link })],
    [input(1000)],
    { discountRate: 0 },
  );
  const quantitiesByYear = { linked: [2, 4, 6, 8] };
  const result = analysed(linked, { quantitiesByYear });
  const find = (assumption: SensitivityAssumption) =>
    result.assumptions.find((entry) => entry.assumption === assumption);

  it('varies the quantity as a scale on the simulated series', () => {
    // PV = 100 × (2 + 4 + 6) × scale = 1200 × scale = 1000 → scale 5/6.
    expect(find('quantity')).toMatchObject({
      valueKind: 'scale',
      baseValue: 1,
      lowValue: 0.8,
      highValue: 1.2,
    });
    expect(find('quantity')?.switchingValue).toBeCloseTo(5 / 6, 12);
    for (const point of find('quantity')?.sweep ?? [])
      expect(point.ratio).toBeCloseTo(
        ratioWith(linked, 'linked', 'quantity', point.value, quantitiesByYear),
        12,
      );
  });

  it('keeps the duration within the simulated years', () => {
    // Four simulated years: duration 3 ± 1 is clipped to [2, 4].
    expect(find('durationYears')).toMatchObject({ lowValue: 2, highValue: 4 });
  });
});
