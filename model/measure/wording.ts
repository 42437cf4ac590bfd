/** Numbers as the plain-words readings print them: few digits, thousands separated, a minus sign that reads. */

/** `digits` significant decimals for small magnitudes, fewer as numbers grow (1234.5 → "1,235"). */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? Math.min(1, digits) : digits;
  const text = magnitude.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return value < 0 && Number(text.replace(/,/g, '')) !== 0 ? `-${text}` : text;
}

/** A proportion as a percentage: 0.1234 → "12.3%". */
export const formatPercent = (value: number): string => `${formatNumber(value * 100, 1)}%`;

/** A p-value as journals print it: "p < 0.001" below a thousandth, else three decimals. */
export const formatP = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** "95%" for alpha 0.05. */
export const confidenceLabel = (alpha: number): string =>
  `${formatNumber((1 - alpha) * 100, 1).replace(/\.0$/, '')}%`;
