/**
 * The sensitivity analysis (model/sroi's analyseSensitivity) as rows people read: assumption values written the
 * way the editor shows them (rates as percentages, durations in years, proxies as money, a simulated quantity as a
 * factor on its series), the tornado's bars, and the switching values with the change each needs.
 */
import type {
  AssumptionRange,
  AssumptionSensitivity,
  SensitivityAnalysis,
  SensitivityAssumption,
} from '../../../../model/sroi';
import type { TornadoRow } from '../charts/TornadoChart';
import { formatMoney, formatNumber, formatShare } from '../format';
import { ASSUMPTION_LABELS } from './sensitivity-settings';

const RATES: ReadonlySet<SensitivityAssumption> = new Set([
  'deadweight',
  'displacement',
  'attribution',
  'dropOff',
]);

/** How many bars the tornado shows: the largest swings; the table lists them all. */
export const TORNADO_BARS = 12;

/** One value of an assumption as it reads. */
export function formatAssumptionValue(
  row: Pick<AssumptionSensitivity, 'assumption' | 'valueKind'>,
  value: number,
  currency: string | undefined,
): string {
  if (row.valueKind === 'scale') return `×${formatNumber(value, 3)}`;
  if (RATES.has(row.assumption)) return formatShare(value);
  if (row.assumption === 'durationYears') return `${formatNumber(value, 2)} yr`;
  if (row.assumption === 'proxyValue') return formatMoney(value, currency, Math.abs(value) < 100 ? 2 : 0);
  return formatNumber(value, 2);
}

/** The change from the value now to the switching value: points for rates, a percentage for the rest. */
export function describeChange(row: AssumptionSensitivity): string {
  if (row.switchingValue === null) return '—';
  const delta = row.switchingValue - row.baseValue;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  if (RATES.has(row.assumption)) return `${sign}${formatNumber(Math.abs(delta) * 100, 1)} points`;
  if (row.assumption === 'durationYears') return `${sign}${formatNumber(Math.abs(delta), 2)} years`;
  if (row.baseValue === 0) return '—';
  return `${sign}${formatNumber(Math.abs(delta / row.baseValue) * 100, 1)}%`;
}

export const assumptionLabel = (row: Pick<AssumptionSensitivity, 'outcomeId' | 'assumption'>): string =>
  `${row.outcomeId} · ${ASSUMPTION_LABELS[row.assumption]}`;

/** The tornado's bars: largest swings first, assumptions that do not move the ratio left out. */
export function tornadoRows(analysis: SensitivityAnalysis, currency: string | undefined): TornadoRow[] {
  const byKey = new Map(analysis.assumptions.map((row) => [`${row.outcomeId}\u0000${row.assumption}`, row]));
  return analysis.tornado
    .filter((bar) => bar.swing > 1e-12)
    .slice(0, TORNADO_BARS)
    .map((bar) => {
      const row = byKey.get(`${bar.outcomeId}\u0000${bar.assumption}`);
      const kind = row ?? { assumption: bar.assumption, valueKind: 'value' as const };
      return {
        key: `${bar.outcomeId}\u0000${bar.assumption}`,
        label: assumptionLabel(bar),
        range: `${formatAssumptionValue(kind, bar.lowValue, currency)} – ${formatAssumptionValue(kind, bar.highValue, currency)}`,
        ratioAtLow: bar.ratioAtLow,
        ratioAtHigh: bar.ratioAtHigh,
      };
    });
}

/** What the switching value column says when there is none. */
export function noSwitchingValue(baseRatio: number): string {
  return baseRatio >= 1 ? 'none: stays above 1:1' : 'none: stays below 1:1';
}

/** A range's amount in the unit its input shows: points for rates, years, percent of the value. */
export function rangeAmount(assumption: SensitivityAssumption, range: AssumptionRange): number {
  if ('relative' in range) return range.relative * 100;
  return RATES.has(assumption) ? range.absolute * 100 : range.absolute;
}

/** A range in words: "±10 percentage points", "±1 year", "±20% of the value". */
export function describeRange(assumption: SensitivityAssumption, range: AssumptionRange): string {
  const amount = formatNumber(rangeAmount(assumption, range), 2);
  if ('relative' in range) return `±${amount}% of the value`;
  if (RATES.has(assumption)) return `±${amount} percentage point${amount === '1' ? '' : 's'}`;
  return `±${amount} year${amount === '1' ? '' : 's'}`;
}

export function rangeUnit(assumption: SensitivityAssumption, range: AssumptionRange): string {
  if ('relative' in range) return '% of the value';
  return RATES.has(assumption) ? 'percentage points' : 'years';
}

/** The range typed back: the same kind as before, in the unit its input shows. */
export function rangeFromText(
  assumption: SensitivityAssumption,
  previous: AssumptionRange,
  amount: number,
): AssumptionRange {
  if ('relative' in previous) return { relative: amount / 100 };
  return { absolute: RATES.has(assumption) ? amount / 100 : amount };
}
