import type { SroiOutcome } from './analysis';
import { lastYearOf } from './validate';

/**
 * One outcome's value in each year of the analysis: A Guide to Social Return on Investment (Cabinet Office /
 * SROI Network 2012), stage 4 (establishing impact) and stage 5, section 5.1 (projecting into the future).
 */

/** The assumptions a projection reads: the impact map row (sensitivity.ts varies them one at a time). */
export type OutcomeAssumptions = Pick<
  SroiOutcome,
  | 'quantity'
  | 'durationYears'
  | 'startYear'
  | 'proxyValue'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'dropOff'
>;

export interface OutcomeProjection {
  /**
   * The impact of the outcome's own first year (the impact map's last column, Guide 4.4):
   * quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution). For an outcome that starts
   * in year 3 it is the year-3 value, not zero.
   */
  readonly impactYear1: number;
  /** The undiscounted value in analysis years 1..horizon (index 0 is year 1); zero outside the outcome. */
  readonly valuesByYear: readonly number[];
}

/**
 * The share of an outcome that is the activity's own doing, after the Guide's stage 4 filters: deadweight and
 * displacement (section 4.1), then attribution (section 4.2), each a percentage taken off what remains, so
 * they multiply (section 4.4, "calculating your impact").
 */
export function impactShare(
  outcome: Pick<SroiOutcome, 'deadweight' | 'displacement' | 'attribution'>,
): number {
  return (1 - outcome.deadweight) * (1 - outcome.displacement) * (1 - outcome.attribution);
}

/**
 * Projects an outcome over analysis years 1..horizonYears.
 *
 * For the outcome's k-th year (k = 1, 2, ...), which is analysis year t = startYear + k − 1:
 *
 *   value_t = quantity_t × proxyValue × impactShare × (1 − dropOff)^(k − 1) × part_k
 *
 * - (1 − dropOff)^(k − 1): Guide 4.3 and 5.1, drop-off is a fixed percentage taken off the remaining level
 *   of the outcome at the end of each year, so it applies from the outcome's second year on, compounding.
 * - part_k = min(1, durationYears − (k − 1)): the Guide counts whole years; a fractional duration (2.5 years)
 *   counts that part of its last year. This is our extension, so that duration can be varied continuously in
 *   sensitivity analysis and a switching value found for it.
 * - quantity_t is the document's quantity, or, for an outcome linked to a simulation (quantity-link.ts), the
 *   caller's quantity for analysis year t. A simulated quantity may be negative in a year where the scenario
 *   falls behind its baseline: that is a real loss and is counted, not clipped. Drop-off still applies as
 *   written; set it to 0 when the simulation already shows how the outcome fades.
 */
export function projectOutcome(
  outcome: OutcomeAssumptions,
  horizonYears: number,
  quantitiesByYear?: readonly number[],
): OutcomeProjection {
  const share = impactShare(outcome);
  const quantityIn = (year: number) => quantitiesByYear?.[year - 1] ?? outcome.quantity;
  const valuesByYear = new Array<number>(horizonYears).fill(0);
  const lastYear = Math.min(lastYearOf(outcome), horizonYears);
  let remaining = 1; // (1 − dropOff)^(k − 1), kept as a running product
  for (let year = outcome.startYear, k = 1; year <= lastYear; year++, k++) {
    const part = Math.min(1, outcome.durationYears - (k - 1));
    valuesByYear[year - 1] = quantityIn(year) * outcome.proxyValue * share * remaining * part;
    remaining *= 1 - outcome.dropOff;
  }
  return {
    impactYear1: quantityIn(outcome.startYear) * outcome.proxyValue * share,
    valuesByYear,
  };
}
