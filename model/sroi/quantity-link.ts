import type { SroiOutcome } from './analysis';
import { issueAt, type SroiIssue, type SroiResult } from './issues';
import { lastYearOf } from './validate';

/**
 * Turns two simulation runs into an outcome's quantity per analysis year, as its `quantityLink` says
 * (analysis.ts): quantity_k = scale × aggregate over year k of (scenario − baseline). The runs themselves come
 * from the caller (the Dynamics worker, a CLI command): this stays pure.
 *
 * Year k of the analysis covers model time [startTime + (k − 1) × U, startTime + k × U), U being the model's
 * time units per year (12 for a model in months). Over that window:
 * - "annual-mean": the mean of the saved values, i.e. the time average, for stocks (customers on the books);
 * - "annual-sum": Σ value_i × (t_{i+1} − t_i) over the saved times in the window, the left rectangle rule by
 *   which Euler integration accumulates a flow into a stock, for flows (quits per month → quits in the year);
 *   with a save step larger than dt, or RK integration, it approximates the integral;
 * - "year-end": the value saved at the window's end, startTime + k × U.
 * All three are linear, so aggregating the difference equals the difference of the aggregates.
 */

export interface LinkedRuns {
  /** The saved times, the same in both runs (one model, two scenarios). */
  readonly time: ArrayLike<number>;
  /** The linked variable's values in the scenario's run. */
  readonly scenario: ArrayLike<number>;
  /** The linked variable's values in the baseline's run. */
  readonly baseline: ArrayLike<number>;
}

export interface LinkedQuantityOptions {
  /** Model time units in a year (see timeUnitsPerYear). */
  readonly timeUnitsPerYear: number;
  /** The model time at which analysis year 1 begins; default the first saved time. */
  readonly startTime?: number;
  /** How many analysis years to produce; default the last year the outcome has a value in. */
  readonly years?: number;
}

const UNITS_PER_YEAR: Readonly<Record<string, number>> = {
  year: 1,
  yr: 1,
  quarter: 4,
  month: 12,
  mo: 12,
  // Calendar conventions: 52 weeks and 365 days. Pass your own number where a model counts otherwise.
  week: 52,
  day: 365,
};

/** Model time units per year for the usual XMILE time unit names ("Months" → 12), `undefined` if unknown. */
export function timeUnitsPerYear(timeUnits: string): number | undefined {
  const name = timeUnits.trim().toLowerCase().replace(/s$/, '');
  return UNITS_PER_YEAR[name];
}

/** The quantities of one linked outcome for analysis years 1..years (index 0 is year 1). */
export function quantitiesFromRuns(
  outcome: Pick<SroiOutcome, 'id' | 'quantityLink' | 'startYear' | 'durationYears'>,
  runs: LinkedRuns,
  options: LinkedQuantityOptions,
): SroiResult<number[]> {
  const fail = (problem: string): SroiResult<number[]> => ({
    ok: false,
    errors: [issueAt('linked-quantities', { outcomeId: outcome.id, field: 'quantityLink' }, problem)],
    warnings: [],
  });
  const link = outcome.quantityLink;
  if (link === undefined) return fail('is missing: the outcome takes its quantity from the document');
  const { time, scenario, baseline } = runs;
  if (scenario.length !== time.length || baseline.length !== time.length)
    return fail(
      `needs runs saved at the same times (${time.length} times, ${scenario.length} scenario values, ${baseline.length} baseline values)`,
    );
  const unitsPerYear = options.timeUnitsPerYear;
  if (!(unitsPerYear > 0) || !Number.isFinite(unitsPerYear))
    return fail(`needs a positive number of time units per year (got ${unitsPerYear})`);
  if (time.length < 2) return fail('needs runs with at least two saved times');
  const startTime = options.startTime ?? (time[0] as number);
  const years = options.years ?? lastYearOf(outcome);
  const step = (time[1] as number) - (time[0] as number);
  // Saved times are start + i × step in floating point: compare with a tolerance well under a step.
  const tolerance = Math.min(1e-9 * unitsPerYear, step / 1000);
  const endTime = startTime + years * unitsPerYear;
  if ((time[time.length - 1] as number) < endTime - tolerance)
    return fail(
      `"${link.variable}" needs runs to time ${endTime} for ${years} year${years === 1 ? '' : 's'} (the runs stop at ${time[time.length - 1]})`,
    );

  const difference = (index: number) => (scenario[index] as number) - (baseline[index] as number);
  const scale = link.scale ?? 1;
  const quantities: number[] = [];
  const issues: SroiIssue[] = [];
  for (let year = 1; year <= years; year++) {
    const from = startTime + (year - 1) * unitsPerYear - tolerance;
    const to = startTime + year * unitsPerYear - tolerance;
    let total = 0;
    let count = 0;
    let atEnd: number | undefined;
    for (let index = 0; index < time.length; index++) {
      const t = time[index] as number;
      if (Math.abs(t - (to + tolerance)) <= tolerance) atEnd = difference(index);
      if (t < from || t >= to) continue;
      const width = index + 1 < time.length ? (time[index + 1] as number) - t : step;
      total += link.aggregation === 'annual-sum' ? difference(index) * width : difference(index);
      count++;
    }
    let value: number | undefined;
    if (link.aggregation === 'year-end') value = atEnd;
    else if (count > 0) value = link.aggregation === 'annual-sum' ? total : total / count;
    if (value === undefined)
      return fail(
        `"${link.variable}" has no saved time ${link.aggregation === 'year-end' ? 'at the end' : 'in'} of analysis year ${year}`,
      );
    value *= scale;
    if (!Number.isFinite(value))
      issues.push(
        issueAt(
          'non-finite',
          { outcomeId: outcome.id, field: 'quantityLink' },
          `"${link.variable}" is not a finite number in analysis year ${year}`,
        ),
      );
    quantities.push(value);
  }
  if (issues.length > 0) return { ok: false, errors: issues, warnings: [] };
  return { ok: true, value: quantities, warnings: [] };
}
