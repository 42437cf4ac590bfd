import { describe, expect, it } from 'vitest';
import {
  currencySymbol,
  formatMoney,
  formatMonths,
  formatNumber,
  formatRatio,
  formatShare,
  headlineSentence,
} from '../../../renderer/src/sroi/format';

describe('SROI formats', () => {
  it('writes the headline as the Guide words a ratio', () => {
    expect(headlineSentence(3.4149, 'GBP')).toBe('£3.41 of social value for every £1 invested');
    expect(headlineSentence(0.96, 'USD')).toBe('$0.96 of social value for every $1 invested');
    expect(headlineSentence(2, undefined)).toBe('2.00 of social value for every 1 invested');
  });

  it('writes money grouped, with a real minus, and symbols for the usual currencies', () => {
    expect(formatMoney(30560, 'USD')).toBe('$30,560');
    expect(formatMoney(-1222.4, 'USD')).toBe('−$1,222');
    expect(formatMoney(9200, 'GBP', 2)).toBe('£9,200.00');
    expect(formatMoney(Number.NaN, 'GBP')).toBe('—');
    // A sign only where there is something to sign: −1 × 0 quits, or −0.4 rounded to whole units, is zero.
    expect(formatMoney(-0.4, 'USD')).toBe('$0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-0.01)).toBe('−0.01');
    expect(currencySymbol('EUR')).toBe('€');
    expect(currencySymbol(undefined)).toBe('');
  });

  it('writes ratios, shares and months', () => {
    expect(formatRatio(0.9601)).toBe('0.96 : 1');
    expect(formatRatio(-0.04)).toBe('−0.04 : 1');
    expect(formatShare(0.25)).toBe('25%');
    expect(formatShare(0.035)).toBe('3.5%');
    expect(formatMonths(25.37, 'never')).toBe('25.4 months');
    expect(formatMonths(1, 'never')).toBe('1 month');
    expect(formatMonths(null, 'not within the 4 years counted')).toBe('not within the 4 years counted');
  });
});
