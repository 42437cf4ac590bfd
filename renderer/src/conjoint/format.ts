/**
 * How the Conjoint and Regression pages write numbers: estimates with the Dynamics view's 4 significant digits
 * (one place for that, dynamics/charts/number-format.ts), p-values as journals print them (APA: "< .001" below
 * a thousandth), shares and importances as percentages with one decimal.
 */
import { formatPrecise, formatValue } from '../dynamics/charts/number-format';

export { formatPrecise, formatValue };

/** An estimate or statistic that may be missing (null in a saved report): a dash then. */
export function formatStatistic(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatValue(value);
}

/** An estimate or standard error in a coefficient table: 6 significant digits, to compare with R's output. */
export function formatEstimate(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatPrecise(value);
}

export function formatPValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value < 0.001) return '< 0.001';
  return value.toFixed(3);
}

/** 0.4567 -> "45.7%". */
export function formatShare(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '—';
}

/** 45.67 (already in percent) -> "45.7%". */
export function formatPercent(percent: number): string {
  return Number.isFinite(percent) ? `${percent.toFixed(1)}%` : '—';
}

/** A short local date and time for "estimated at" lines. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
