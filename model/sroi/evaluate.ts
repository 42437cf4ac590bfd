import type { SroiAnalysis } from './analysis';
import type { SroiIssue, SroiResult } from './issues';
import { issueAt } from './issues';
import { discountedPaybackMonths, paybackMonths } from './payback';
import { projectOutcome } from './projection';
import { lastYearOf, validateAnalysis, type QuantitiesByYear } from './validate';

/**
 * Evaluates an SROI analysis as A Guide to Social Return on Investment (Cabinet Office / SROI Network 2012),
 * stage 5, calculates it: project each outcome over the years (5.1, projection.ts), discount to a present value
 * and take the inputs off (5.2), divide by the inputs (5.3), and the payback period (5.5, payback.ts). Pure:
 * quantities from a simulation arrive as numbers (quantity-link.ts turns runs into them).
 */

export interface EvaluateOptions {
  /** For outcomes with a `quantityLink`: the quantity in each analysis year (index 0 is year 1), by id. */
  readonly quantitiesByYear?: QuantitiesByYear;
}

export interface OutcomeEvaluation {
  readonly id: string;
  readonly stakeholder: string;
  /** The impact of the outcome's own first year (Guide 4.4); see projection.ts. */
  readonly impactYear1: number;
  /** Undiscounted value in analysis years 1..horizon. */
  readonly valuesByYear: readonly number[];
  readonly presentValuesByYear: readonly number[];
  readonly presentValue: number;
  /** Where the quantity came from: the document, or the caller's simulated quantities. */
  readonly quantitySource: 'document' | 'simulation';
}

export interface StakeholderEvaluation {
  readonly stakeholder: string;
  readonly presentValue: number;
  readonly valuesByYear: readonly number[];
  /** This stakeholder's part of the total present value (0 when the total is 0). */
  readonly shareOfPresentValue: number;
}

export interface StakeholderInputs {
  readonly stakeholder: string;
  readonly value: number;
}

export interface SroiEvaluation {
  readonly discountRate: number;
  /** The last analysis year any outcome has a value in. */
  readonly horizonYears: number;
  /**
   * The inputs are not discounted: they are the investment made at the start of year 1, taken off the present
   * value as they stand (Guide 5.2).
   */
  readonly totalInputs: number;
  readonly inputsByStakeholder: readonly StakeholderInputs[];
  /** Undiscounted total value in analysis years 1..horizon. */
  readonly valuesByYear: readonly number[];
  readonly presentValuesByYear: readonly number[];
  readonly presentValue: number;
  /** Net present value, PV − inputs (Guide 5.2). */
  readonly npv: number;
  /** SROI ratio, PV / inputs (Guide 5.3). */
  readonly ratio: number;
  /** Net SROI ratio, NPV / inputs (Guide 5.3). */
  readonly netRatio: number;
  readonly paybackMonths: number | null;
  readonly discountedPaybackMonths: number | null;
  readonly outcomes: readonly OutcomeEvaluation[];
  readonly stakeholders: readonly StakeholderEvaluation[];
}

/**
 * Guide 5.2: the present value of year t's value is value_t / (1 + r)^t, discounting from year 1 (the Guide's
 * worked example discounts the first year too).
 */
export const presentValueOf = (value: number, discountRate: number, year: number): number =>
  value / (1 + discountRate) ** year;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Adds `values` into `into`, year by year. */
function addInto(into: number[], values: readonly number[]) {
  values.forEach((value, index) => (into[index] = (into[index] ?? 0) + value));
}

/** Stakeholders in the order of the analysis's list, then in the order they first appear. */
function stakeholderOrder(analysis: SroiAnalysis): string[] {
  const names = [
    ...(analysis.stakeholders ?? []).map((stakeholder) => stakeholder.name),
    ...analysis.outcomes.map((outcome) => outcome.stakeholder),
    ...analysis.inputs.map((input) => input.stakeholder),
  ];
  return [...new Set(names)];
}

/** Evaluates an analysis; validation issues (validate.ts) come back as `{ ok: false, errors }`. */
export function evaluateAnalysis(
  analysis: SroiAnalysis,
  options: EvaluateOptions = {},
): SroiResult<SroiEvaluation> {
  const errors = validateAnalysis(analysis, options.quantitiesByYear);
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  return computeEvaluation(analysis, options);
}

/**
 * The calculation itself, for an analysis already validated (sensitivity.ts evaluates many variations of one
 * valid analysis, each kept within the rules by construction).
 */
export function computeEvaluation(
  analysis: SroiAnalysis,
  options: EvaluateOptions = {},
): { readonly ok: true; readonly value: SroiEvaluation; readonly warnings: readonly SroiIssue[] } {
  const quantitiesByYear = options.quantitiesByYear ?? {};
  const warnings: SroiIssue[] = [];
  const rate = analysis.discountRate;
  const horizonYears = Math.max(0, ...analysis.outcomes.map(lastYearOf));
  const discount = (values: readonly number[]) =>
    values.map((value, index) => presentValueOf(value, rate, index + 1));

  const outcomes = analysis.outcomes.map((outcome): OutcomeEvaluation => {
    const quantities = quantitiesByYear[outcome.id];
    if (outcome.quantityLink !== undefined && quantities === undefined)
      warnings.push(
        issueAt(
          'link-not-evaluated',
          { outcomeId: outcome.id, field: 'quantityLink' },
          `is not evaluated: the quantity stored in the document (${outcome.quantity}) is used for every year`,
        ),
      );
    const projection = projectOutcome(outcome, horizonYears, quantities);
    const presentValuesByYear = discount(projection.valuesByYear);
    return {
      id: outcome.id,
      stakeholder: outcome.stakeholder,
      impactYear1: projection.impactYear1,
      valuesByYear: projection.valuesByYear,
      presentValuesByYear,
      presentValue: sum(presentValuesByYear),
      quantitySource: quantities === undefined ? 'document' : 'simulation',
    };
  });

  const valuesByYear = new Array<number>(horizonYears).fill(0);
  for (const outcome of outcomes) addInto(valuesByYear, outcome.valuesByYear);
  const presentValuesByYear = discount(valuesByYear);
  const presentValue = sum(presentValuesByYear);
  const totalInputs = sum(analysis.inputs.map((input) => input.value));
  const npv = presentValue - totalInputs;

  const order = stakeholderOrder(analysis);
  const stakeholders = order
    .map((stakeholder): StakeholderEvaluation => {
      const own = outcomes.filter((outcome) => outcome.stakeholder === stakeholder);
      const values = new Array<number>(horizonYears).fill(0);
      for (const outcome of own) addInto(values, outcome.valuesByYear);
      const stakeholderPresentValue = sum(own.map((outcome) => outcome.presentValue));
      return {
        stakeholder,
        presentValue: stakeholderPresentValue,
        valuesByYear: values,
        shareOfPresentValue: presentValue === 0 ? 0 : stakeholderPresentValue / presentValue,
      };
    })
    .filter((stakeholder) =>
      analysis.outcomes.some((outcome) => outcome.stakeholder === stakeholder.stakeholder),
    );
  const inputsByStakeholder = order
    .map((stakeholder) => ({
      stakeholder,
      value: sum(
        analysis.inputs.filter((input) => input.stakeholder === stakeholder).map((input) => input.value),
      ),
    }))
    .filter((entry) => analysis.inputs.some((input) => input.stakeholder === entry.stakeholder));

  return {
    ok: true,
    warnings,
    value: {
      discountRate: rate,
      horizonYears,
      totalInputs,
      inputsByStakeholder,
      valuesByYear,
      presentValuesByYear,
      presentValue,
      npv,
      ratio: presentValue / totalInputs,
      netRatio: npv / totalInputs,
      paybackMonths: paybackMonths(totalInputs, valuesByYear[0] ?? 0),
      discountedPaybackMonths: discountedPaybackMonths(totalInputs, presentValuesByYear),
      outcomes,
      stakeholders,
    },
  };
}
