import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatInputValue,
  formatPrecise,
  formatRelativeChange,
  formatValue,
} from '../../../../renderer/src/dynamics/charts/number-format';

describe('number format', () => {
  it('shows four significant digits in plain decimal notation, thousands grouped', () => {
    expect(formatValue(429_412.7)).toBe('429,400');
    expect(formatValue(7_550_123)).toBe('7,550,000');
    expect(formatValue(67.1)).toBe('67.1');
    expect(formatValue(0.025)).toBe('0.025');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-3.5)).toBe('−3.5');
  });

  it('keeps the scale of tiny and huge values with an exponent', () => {
    expect(formatValue(0.0004167)).toBe('4.167e−4');
    expect(formatValue(2e15)).toBe('2e+15');
  });

  it('says what is not a number', () => {
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-Infinity)).toBe('−∞');
  });

  it('writes typed-input values without grouping or binary noise', () => {
    expect(formatInputValue(0.1 + 0.2)).toBe('0.3');
    expect(formatInputValue(12000)).toBe('12000');
    expect(formatInputValue(-0.5)).toBe('-0.5');
  });

  it('signs changes and gives relative changes only against a non-zero reference', () => {
    expect(formatChange(1_140_000.4)).toBe('+1,140,000');
    expect(formatChange(-2.43)).toBe('−2.43');
    expect(formatChange(0)).toBe('±0');
    expect(formatRelativeChange(699, 3143)).toBe('+22.2%');
    expect(formatRelativeChange(-5, -10)).toBe('−50.0%');
    expect(formatRelativeChange(5, 0)).toBeUndefined();
  });

  it('shows more digits where precision matters', () => {
    expect(formatPrecise(178.625)).toBe('178.625');
    expect(formatPrecise(652.8314159)).toBe('652.831');
  });
});
