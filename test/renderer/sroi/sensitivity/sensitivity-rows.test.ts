import { describe, expect, it } from 'vitest';
import { analyseSensitivity, DEFAULT_RANGES, type SroiAnalysis } from '../../../../model/sroi';
import {
  describeChange,
  formatAssumptionValue,
  rangeAmount,
  rangeFromText,
  TORNADO_BARS,
  tornadoRows,
} from '../../../../renderer/src/sroi/sensitivity/sensitivity-rows';

const outcome = (id: string, quantity: number) => ({
  id,
  stakeholder: 'Staff',
  outcome: id,
  indicator: 'Survey',
  quantity,
  durationYears: 2,
  startYear: 1,
  proxyValue: 200,
  proxySource: 'Assumption',
  deadweight: 0.1,
  displacement: 0,
  attribution: 0.2,
  dropOff: 0.3,
});

const analysis: SroiAnalysis = {
  name: 'Coaching',
  discountRate: 0.035,
  inputs: [{ stakeholder: 'Firm', description: 'Fees', value: 1000 }],
  outcomes: [outcome('big', 10), outcome('small', 1)],
};

describe('sensitivity rows', () => {
  const result = analyseSensitivity(analysis);
  if (!result.ok) throw new Error('the analysis evaluates');
  const sensitivity = result.value;

  it('draws the largest swings, leaving out assumptions that do not move the ratio', () => {
    const rows = tornadoRows(sensitivity, 'GBP');
    expect(rows.length).toBeLessThanOrEqual(TORNADO_BARS);
    expect(rows[0]?.label).toBe('big · Duration');
    expect(rows[0]?.range).toBe('1 yr – 3 yr');
    const swings = rows.map((row) => Math.abs(row.ratioAtHigh - row.ratioAtLow));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(swings.every((swing) => swing > 0)).toBe(true);
  });

  it('writes values as the editor does and the change a switching value needs', () => {
    const deadweight = sensitivity.assumptions.find(
      (row) => row.outcomeId === 'big' && row.assumption === 'deadweight',
    );
    if (deadweight === undefined) throw new Error('no deadweight row');
    expect(formatAssumptionValue(deadweight, 0.1, 'GBP')).toBe('10%');
    // The ratio is 1:1 when the deadweight takes the present value down to the inputs.
    expect(deadweight.switchingValue).not.toBeNull();
    const points = ((deadweight.switchingValue ?? 0) - 0.1) * 100;
    expect(describeChange(deadweight)).toBe(`+${points.toFixed(1)} points`);
    const proxy = sensitivity.assumptions.find(
      (row) => row.outcomeId === 'big' && row.assumption === 'proxyValue',
    );
    if (proxy === undefined) throw new Error('no proxy row');
    expect(formatAssumptionValue(proxy, 200, 'GBP')).toBe('£200');
    expect(describeChange(proxy)).toMatch(/^−\d+(\.\d)?%$/);
  });

  it('types ranges in the unit shown: points, years, percent of the value', () => {
    expect(rangeAmount('deadweight', DEFAULT_RANGES.deadweight)).toBeCloseTo(10, 12);
    expect(rangeAmount('durationYears', DEFAULT_RANGES.durationYears)).toBe(1);
    expect(rangeAmount('proxyValue', DEFAULT_RANGES.proxyValue)).toBeCloseTo(20, 12);
    expect(rangeFromText('deadweight', DEFAULT_RANGES.deadweight, 15)).toEqual({ absolute: 0.15 });
    expect(rangeFromText('durationYears', DEFAULT_RANGES.durationYears, 2)).toEqual({ absolute: 2 });
    expect(rangeFromText('quantity', DEFAULT_RANGES.quantity, 50)).toEqual({ relative: 0.5 });
  });
});
