/**
 * How numbers read in sliders, read-outs, KPI cards and tables: few significant digits, thousands grouped, no
 * trailing zeros, and a minus sign that is a real minus. One place, so a value reads the same everywhere.
 */
import { format } from 'd3';

// `r` rounds to significant digits in plain decimal notation (429,400 rather than 4.294e+5); `~` drops trailing
// zeros after the point. Exponents only where plain digits would mislead: below 0.001 and from 1e15.
const compact = format(',.4~r');
const precise = format(',.6~r');
const percent = format('+.1%');
const signedCompact = format('+,.3~r');
const scientific = format('.3~e');

const outsidePlain = (value: number): boolean =>
  value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e15);

/** A value as shown to people (4 significant digits). */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '−∞';
  return (outsidePlain(value) ? scientific(value) : compact(value)).replace('-', '−');
}

/** A value written back into a typed input: more digits, no grouping, a plain ASCII minus. */
export function formatInputValue(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(10))) : '';
}

/** A value with more digits, for a tooltip or a table cell where precision matters more than width. */
export function formatPrecise(value: number): string {
  if (!Number.isFinite(value) || outsidePlain(value)) return formatValue(value);
  return precise(value).replace('-', '−');
}

/** A signed change, 3 significant digits (`+1.2k`-style is avoided: people read `+1,230`). */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '—';
  if (change === 0) return '±0';
  if (outsidePlain(change)) return `${change > 0 ? '+' : ''}${formatValue(change)}`;
  return signedCompact(change).replace('-', '−');
}

/** A relative change; undefined when the reference is zero (no percentage of nothing). */
export function formatRelativeChange(change: number, reference: number): string | undefined {
  if (reference === 0 || !Number.isFinite(change) || !Number.isFinite(reference)) return undefined;
  return percent(change / Math.abs(reference)).replace('-', '−');
}
