import { describe, expect, it } from 'vitest';
import { domainWith, shortLabel, stackByYear } from '../../../../renderer/src/sroi/charts/chart-layout';

describe('SROI chart layout', () => {
  it('keeps zero and the anchors in the domain, bars of money starting at the axis', () => {
    expect(domainWith([10, 20])).toEqual([0, 21]);
    const [low, high] = domainWith([2.2, 3.6], [2.63, 1]);
    expect(low).toBeLessThan(1);
    expect(high).toBeGreaterThan(3.6);
    expect(domainWith([-5, 5])).toEqual([-5.5, 5.5]);
    expect(domainWith([])).toEqual([0, 1]);
  });

  it('stacks benefits up from zero and harms down from it, year by year', () => {
    const segments = stackByYear(
      [
        { key: 'Firm', values: [10, 20] },
        { key: 'Staff', values: [5, -4] },
      ],
      2,
    );
    const at = (key: string, year: number) =>
      segments.find((segment) => segment.key === key && segment.year === year);
    expect(at('Firm', 1)).toMatchObject({ from: 0, to: 10 });
    expect(at('Staff', 1)).toMatchObject({ from: 10, to: 15 });
    expect(at('Staff', 2)).toMatchObject({ from: -4, to: 0, value: -4 });
  });

  it('shortens long labels with an ellipsis', () => {
    expect(shortLabel('customer-retention · Displacement', 12)).toBe('customer-re…');
    expect(shortLabel('short', 12)).toBe('short');
  });
});
