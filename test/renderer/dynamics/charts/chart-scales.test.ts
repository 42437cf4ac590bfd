import { describe, expect, it } from 'vitest';
import {
  axisLabel,
  groupAxisLabel,
  hoverStep,
  layoutLegend,
  nearestIndex,
  nearestMeasured,
  seriesExtent,
  settleDomain,
  timeAxisLabel,
  valueDomain,
} from '../../../../renderer/src/dynamics/charts/chart-scales';

describe('chart scales', () => {
  it('finds the extent over every series, skipping values that are not finite', () => {
    expect(seriesExtent([Float64Array.of(3, NaN, 7), [Infinity, -2]])).toEqual([-2, 7]);
    expect(seriesExtent([])).toEqual([0, 1]);
    expect(seriesExtent([[NaN]])).toEqual([0, 1]);
  });

  it('starts positive quantities at zero when the lowest is under half the highest', () => {
    expect(valueDomain([[3000, 3800]])).toEqual([3000, 3800]);
    expect(valueDomain([[1000, 5000]])).toEqual([0, 5000]);
    expect(valueDomain([[-9, -1]])).toEqual([-10, 0]);
  });

  it('widens a flat line so it sits inside the chart', () => {
    const [low, high] = valueDomain([[70, 70, 70]]);
    expect(low).toBeLessThan(70);
    expect(high).toBeGreaterThan(70);
    expect(valueDomain([[0, 0]])).toEqual([-1, 1]);
  });

  it('draws a line that drifts by rounding noise as flat instead of zooming into it', () => {
    // An equilibrium: employee retention 0.67309 to 0.67316 over ten years (0.01%).
    const [low, high] = valueDomain([[0.67309, 0.67316]]);
    expect(high - low).toBeGreaterThanOrEqual(0.0134);
    expect(low).toBeLessThan(0.67309);
    expect(high).toBeGreaterThan(0.67316);
  });

  it('rounds the domain to nice ticks that contain the data', () => {
    const [low, high] = valueDomain([[0.6553, 0.6762]]);
    expect(low).toBeLessThanOrEqual(0.6553);
    expect(high).toBeGreaterThanOrEqual(0.6762);
    expect(Number((high * 1000).toFixed(6)) % 5).toBe(0);
  });

  it('snaps the pointer to the nearest saved time', () => {
    const time = Float64Array.from({ length: 241 }, (_, index) => index * 0.125);
    expect(nearestIndex(time, 0.06)).toBe(0);
    expect(nearestIndex(time, 0.07)).toBe(1);
    expect(nearestIndex(time, -5)).toBe(0);
    expect(nearestIndex(time, 99)).toBe(240);
    expect(nearestIndex(new Float64Array(0), 1)).toBe(-1);
  });

  it('labels axes with units', () => {
    expect(axisLabel('Customers', 'customers')).toBe('Customers (customers)');
    expect(axisLabel('Fatigue', undefined)).toBe('Fatigue');
    expect(axisLabel('Fatigue', '  ')).toBe('Fatigue');
    expect(timeAxisLabel('Months')).toBe('Time (Months)');
    expect(timeAxisLabel(undefined)).toBe('Time');
    expect(groupAxisLabel(['New Customers', 'Loyal Customers'], 'customers')).toBe('customers');
    expect(groupAxisLabel(['A', 'B'], undefined)).toBe('Value');
    expect(groupAxisLabel(['Cash'], 'dollars')).toBe('Cash (dollars)');
  });

  it('flows legend entries left to right and wraps them at the width', () => {
    const { placements, height } = layoutLegend(['Potential Customers', 'New Customers', 'baseline'], 300, {
      charWidth: 6,
      swatch: 20,
      gap: 10,
      row: 18,
    });
    // 20 + 19*6 = 134, then 10 gap; 20 + 13*6 = 98 fits (144 + 98 = 242); 'baseline' (68) would end at 320.
    expect(placements).toEqual([
      { x: 0, y: 0 },
      { x: 144, y: 0 },
      { x: 0, y: 18 },
    ]);
    expect(height).toBe(36);
    expect(layoutLegend([], 300).height).toBe(0);
  });

  it('lays out a legend drawn larger as a whole, the gaps between entries kept', () => {
    // Twice the size: 'ab' is (20 + 2*6)*2 = 64 wide, then the 10 gap; 'abc' (20 + 3*6)*2 = 76 would end at
    // 150, past 120, so it wraps to the second row, 2*18 = 36 down.
    const { placements, height } = layoutLegend(['ab', 'abc'], 120, {
      charWidth: 6,
      swatch: 20,
      gap: 10,
      row: 18,
      scale: 2,
    });
    expect(placements).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 36 },
    ]);
    expect(height).toBe(72);
  });
});

describe('settled y domain', () => {
  it('holds still while the data fits and fills half of it, and follows the data otherwise', () => {
    const first = settleDomain(undefined, [[3000, 3800]]);
    expect(first).toEqual([3000, 3800]);
    expect(settleDomain(first, [[3100, 3700]])).toBe(first);
    expect(settleDomain(first, [[3100, 3900]])).toEqual([3100, 3900]);
    expect(settleDomain(first, [[3400, 3500]])).toEqual([3400, 3500]);
  });
});

describe('nearestMeasured', () => {
  const quarterly = { time: [0, 3, 6, 9], values: [0.9, Number.NaN, 0.92, 0.93] };

  it('reads the measured point within half its spacing of the hovered time', () => {
    expect(nearestMeasured(quarterly, 7)).toEqual({ index: 2 });
    expect(nearestMeasured(quarterly, 1.5)).toEqual({ index: 0 });
    // Past 9 + 1.5 there is no measured value to read.
    expect(nearestMeasured(quarterly, 11)).toBeUndefined();
  });

  it('skips a missing value and reads nothing from an empty series', () => {
    expect(nearestMeasured(quarterly, 3)).toBeUndefined();
    expect(nearestMeasured({ time: [], values: [] }, 0)).toBeUndefined();
  });

  it('moves the read-out by key among the points, starting on the first and staying inside', () => {
    expect(hoverStep('ArrowRight', undefined, 5)).toBe(0);
    expect(hoverStep('End', undefined, 5)).toBe(0);
    expect(hoverStep('ArrowRight', 2, 5)).toBe(3);
    expect(hoverStep('ArrowLeft', 0, 5)).toBe(0);
    expect(hoverStep('ArrowRight', 4, 5)).toBe(4);
    expect(hoverStep('Home', 3, 5)).toBe(0);
    expect(hoverStep('End', 1, 5)).toBe(4);
    expect(hoverStep('PageUp', 1, 50, 5)).toBe(6);
    expect(hoverStep('PageDown', 3, 50, 5)).toBe(0);
    expect(hoverStep('PageUp', 1, 50)).toBeUndefined();
    expect(hoverStep('a', 1, 5)).toBeUndefined();
  });
});
