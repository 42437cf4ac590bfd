/**
 * How the SROI view writes money, shares, ratios and months: one place, so the editor, the results, the report
 * and the exports read alike. Money goes through Intl.NumberFormat with the analysis's ISO 4217 currency; an
 * analysis without one shows plain numbers (the calculation does not depend on it).
 */
import type { SroiAnalysis } from '../../../model/sroi';

const MINUS = '\u2212';
/**
 * The typographic minus, and none on a figure that rounds to zero: a quits-avoided series of −1 × 0 is "0", not
 * "−0" (Intl writes the sign of negative zero and of a small negative rounded away).
 */
const withMinus = (text: string): string =>
  /[1-9]/.test(text) ? text.replace('-', MINUS) : text.replace('-', '');

const formatters = new Map<string, Intl.NumberFormat>();
function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Money as people read it in a table: whole units, grouped ("£10,080", "−$1,222"). */
export function formatMoney(value: number, currency: string | undefined, digits = 0): string {
  if (!Number.isFinite(value)) return '—';
  const formatter = cached(`money:${currency ?? ''}:${digits}`, () =>
    currency === undefined
      ? new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
      : new Intl.NumberFormat('en-GB', {
          style: 'currency',
          currency,
          currencyDisplay: 'narrowSymbol',
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }),
  );
  return withMinus(formatter.format(value));
}

/** The currency's symbol alone ("£", "$", "€"), or "" without a currency. */
export function currencySymbol(currency: string | undefined): string {
  if (currency === undefined) return '';
  const parts = cached(
    `symbol:${currency}`,
    () => new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }),
  ).formatToParts(1);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** The ratio as money per unit invested, two decimals ("£3.41"). */
export const formatRatioMoney = (ratio: number, currency: string | undefined): string =>
  formatMoney(ratio, currency, 2);

/**
 * The headline the Social Value UK guide writes a ratio as: "£3.41 of social value for every £1 invested"
 * (A Guide to Social Return on Investment, 2012, section 5.3).
 */
export function headlineSentence(ratio: number, currency: string | undefined): string {
  return `${formatRatioMoney(ratio, currency)} of social value for every ${formatMoney(1, currency)} invested`;
}

/** "3.41 : 1", the ratio as the Guide's tables print it. */
export const formatRatio = (ratio: number): string =>
  Number.isFinite(ratio) ? `${withMinus(ratio.toFixed(2))} : 1` : '—';

/** A share in [0, 1] as a percentage, up to one decimal ("25%", "12.5%"). */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  return `${withMinus(String(Number((share * 100).toFixed(1))))}%`;
}

/** A plain number with up to `digits` decimals, grouped ("1,234.5"). */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  return withMinus(
    cached(
      `number:${digits}`,
      () => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }),
    ).format(value),
  );
}

/** A payback period in months, or what a missing one means. */
export function formatMonths(months: number | null, never: string): string {
  if (months === null) return never;
  return `${formatNumber(months, 1)} month${months === 1 ? '' : 's'}`;
}

export const currencyOf = (analysis: Pick<SroiAnalysis, 'currency'>): string | undefined => analysis.currency;
