/**
 * How long until the value created covers the investment: A Guide to Social Return on Investment (Cabinet
 * Office / SROI Network 2012), stage 5, section 5.5 (payback period), plus a discounted variant.
 */

const MONTHS_PER_YEAR = 12;

/**
 * The Guide's payback period (section 5.5), in months:
 *
 *   payback = investment / (annual impact / 12)
 *
 * with the annual impact taken as the total value of year 1 (undiscounted). The formula assumes the year-1
 * value recurs every month at the same rate, so it may exceed the outcomes' duration; it is what the Guide
 * reports. `null` when year 1 creates no value (for instance, every outcome starts in year 2).
 */
export function paybackMonths(totalInputs: number, valueInYear1: number): number | null {
  return valueInYear1 > 0 ? totalInputs / (valueInYear1 / MONTHS_PER_YEAR) : null;
}

/**
 * The discounted payback, in months: the time until the cumulative discounted value reaches the inputs,
 * with each year's discounted value taken to accrue evenly through that year (so the crossing is
 * interpolated linearly within the year):
 *
 *   find the first year t with D_1 + ... + D_t ≥ inputs, where D_t = value_t / (1 + r)^t;
 *   months = 12 × (t − 1) + 12 × (inputs − (D_1 + ... + D_{t−1})) / D_t
 *
 * `null` if the cumulative discounted value never reaches the inputs within the analysis. Unlike the Guide's
 * formula it follows drop-off, outcomes that start late and discounting.
 */
export function discountedPaybackMonths(
  totalInputs: number,
  presentValuesByYear: readonly number[],
): number | null {
  if (!(totalInputs > 0)) return 0;
  let cumulative = 0;
  for (let index = 0; index < presentValuesByYear.length; index++) {
    const discounted = presentValuesByYear[index] ?? 0;
    if (cumulative + discounted >= totalInputs) {
      // discounted > 0 here: cumulative < totalInputs before this year (else we would have returned).
      return MONTHS_PER_YEAR * index + (MONTHS_PER_YEAR * (totalInputs - cumulative)) / discounted;
    }
    cumulative += discounted;
  }
  return null;
}
