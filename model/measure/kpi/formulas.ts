/**
 * The business KPIs the measurement toolkit tracks, each with the formula's source. Inputs are plain numbers;
 * each function returns null when the figure is undefined (no customers at the start, no answers) rather than
 * a NaN that would travel into a chart.
 */

/** Net Promoter Score answers: 0-10, promoters 9-10, detractors 0-6 (Reichheld 2003, "The One Number You Need
 * to Grow", Harvard Business Review 81(12):46). */
export interface NpsTally {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly responses: number;
  /** % promoters − % detractors, from -100 to 100; null without responses. */
  readonly nps: number | null;
}

export function netPromoterScore(answers: readonly number[]): NpsTally {
  let promoters = 0;
  let detractors = 0;
  for (const answer of answers) {
    if (answer >= 9) promoters++;
    else if (answer <= 6) detractors++;
  }
  const responses = answers.length;
  return {
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    responses,
    nps: responses === 0 ? null : ((promoters - detractors) / responses) * 100,
  };
}

/**
 * Customer retention rate over a period, in %: (E − N) / S × 100 with S customers at the start, E at the end and
 * N acquired during it (Kumar & Reinartz 2018, "Customer Relationship Management", 3rd ed., ch. 5; the usual CRR).
 */
export function customerRetentionRate(start: number, end: number, acquired: number): number | null {
  return start > 0 ? ((end - acquired) / start) * 100 : null;
}

/**
 * Employee retention rate in %: the share of the people employed at the start who are still employed at the end
 * (SHRM, "Determining Employee Retention and Turnover Rates"); new hires do not count.
 */
export function employeeRetentionRate(headcountAtStart: number, stayersFromStart: number): number | null {
  return headcountAtStart > 0 ? (stayersFromStart / headcountAtStart) * 100 : null;
}

/**
 * Turnover (separations) rate in %: separations over the average headcount of the period (U.S. Bureau of Labor
 * Statistics, JOLTS: separations divided by employment, × 100).
 */
export function turnoverRate(separations: number, averageHeadcount: number): number | null {
  return averageHeadcount > 0 ? (separations / averageHeadcount) * 100 : null;
}

/**
 * The cost of replacing people who left. Two models:
 * - `share`: a share of annual salary per leaver. Boushey & Glynn (2012, "There Are Significant Business Costs to
 *   Replacing Employees", Center for American Progress) find a median of 21% of annual salary across 30 case
 *   studies (16% for jobs paying under $30,000, 20% up to $75,000, 213% for executives); 0.21 is the default.
 * - `itemized`: separation, vacancy, replacement (recruiting, hiring) and training costs per leaver plus lost
 *   productivity while the newcomer learns the job, the cost categories of Cascio & Boudreau (2011, "Investing in
 *   People", 2nd ed., ch. 4).
 */
export type ReplacementCostModel =
  | { readonly kind: 'share'; readonly annualSalary: number; readonly shareOfSalary?: number }
  | {
      readonly kind: 'itemized';
      readonly separation: number;
      readonly vacancy: number;
      readonly replacement: number;
      readonly training: number;
      readonly lostProductivity: number;
    };

export const DEFAULT_REPLACEMENT_SHARE = 0.21;

/** Cost of one leaver under the model. */
export function replacementCostPerLeaver(model: ReplacementCostModel): number {
  if (model.kind === 'share') return model.annualSalary * (model.shareOfSalary ?? DEFAULT_REPLACEMENT_SHARE);
  return model.separation + model.vacancy + model.replacement + model.training + model.lostProductivity;
}

export function turnoverCost(leavers: number, model: ReplacementCostModel): number {
  return leavers * replacementCostPerLeaver(model);
}

/**
 * Customer lifetime value with a constant margin m per period, retention rate r (0-1) and discount rate d:
 * CLV = m · r / (1 + d − r) over an infinite horizon, margins received at the end of each period the customer
 * stays (Gupta & Lehmann 2003, "Customers as Assets", J. Interactive Marketing 17(1):9, eq. 4). With a
 * `horizon` of T periods: Σ_{t=1..T} m r^t / (1 + d)^t.
 */
export function customerLifetimeValue(
  margin: number,
  retention: number,
  discount: number,
  horizon?: number,
): number | null {
  if (!(retention >= 0 && retention < 1) || !(discount > -1)) return null;
  if (horizon === undefined) return (margin * retention) / (1 + discount - retention);
  let value = 0;
  for (let t = 1; t <= horizon; t++) value += (margin * retention ** t) / (1 + discount) ** t;
  return value;
}
