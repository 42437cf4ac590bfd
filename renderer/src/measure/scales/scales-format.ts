/**
 * Numbers on the Scales tab: alphas and correlations with a fixed number of decimals (as psych and SPSS print
 * them, so a reader can compare digit for digit), a real minus sign, and a dash for a figure that is undefined.
 */
export function formatFixed(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits).replace('-', '−');
}
