import type { SroiAnalysis, SroiOutcome } from './analysis';
import { MAX_ANALYSIS_YEARS, type QuantitiesByYear } from './validate';

/**
 * One assumption of one outcome, changed with everything else held: the unit of the Guide's sensitivity
 * analysis (A Guide to Social Return on Investment, Cabinet Office / SROI Network 2012, stage 5, section 5.4,
 * which lists deadweight, attribution and drop-off, the financial proxies and the quantities of outcomes).
 */

export const SENSITIVITY_ASSUMPTIONS = [
  'deadweight',
  'displacement',
  'attribution',
  'dropOff',
  'durationYears',
  'proxyValue',
  'quantity',
] as const;
export type SensitivityAssumption = (typeof SENSITIVITY_ASSUMPTIONS)[number];

/** The values an assumption may take and stay valid (validate.ts); switching values are sought within it. */
export interface AssumptionDomain {
  readonly low: number;
  readonly high: number;
}

/**
 * How an assumption's value reads. For an outcome whose quantities come from a simulation, "quantity" is a
 * factor on the whole simulated series (1 = as simulated), since there is no single quantity to vary.
 */
export type AssumptionValueKind = 'value' | 'scale';

export interface AssumptionSubject {
  readonly analysis: SroiAnalysis;
  readonly quantitiesByYear: QuantitiesByYear;
  readonly outcome: SroiOutcome;
  readonly assumption: SensitivityAssumption;
}

const isSimulatedQuantity = (subject: AssumptionSubject) =>
  subject.assumption === 'quantity' && subject.quantitiesByYear[subject.outcome.id] !== undefined;

export const valueKindOf = (subject: AssumptionSubject): AssumptionValueKind =>
  isSimulatedQuantity(subject) ? 'scale' : 'value';

/** The assumption's value in the analysis as written (1 for the scale of a simulated series). */
export const baseValueOf = (subject: AssumptionSubject): number =>
  isSimulatedQuantity(subject) ? 1 : subject.outcome[subject.assumption];

export function domainOf(subject: AssumptionSubject): AssumptionDomain {
  const { outcome } = subject;
  switch (subject.assumption) {
    case 'deadweight':
    case 'displacement':
    case 'attribution':
    case 'dropOff':
      return { low: 0, high: 1 };
    case 'durationYears': {
      // A simulated series only covers the years it was run for.
      const simulated = subject.quantitiesByYear[outcome.id];
      const lastYear = simulated === undefined ? MAX_ANALYSIS_YEARS : simulated.length;
      return { low: 1, high: Math.min(MAX_ANALYSIS_YEARS, lastYear - outcome.startYear + 1) };
    }
    case 'quantity':
      return { low: 0, high: Number.POSITIVE_INFINITY };
    case 'proxyValue':
      // A benefit stays a benefit and a harm a harm: the sign of a proxy is a judgement, not an estimate.
      return outcome.proxyValue < 0
        ? { low: Number.NEGATIVE_INFINITY, high: 0 }
        : { low: 0, high: Number.POSITIVE_INFINITY };
  }
}

/** The analysis (and simulated quantities) with the subject's assumption set to `value`. */
export function withAssumption(
  subject: AssumptionSubject,
  value: number,
): { readonly analysis: SroiAnalysis; readonly quantitiesByYear: QuantitiesByYear } {
  const { analysis, quantitiesByYear, outcome, assumption } = subject;
  const replace = (changed: SroiOutcome) => ({
    ...analysis,
    outcomes: analysis.outcomes.map((candidate) => (candidate.id === outcome.id ? changed : candidate)),
  });
  if (isSimulatedQuantity(subject)) {
    const series = quantitiesByYear[outcome.id] ?? [];
    return {
      analysis,
      quantitiesByYear: { ...quantitiesByYear, [outcome.id]: series.map((quantity) => quantity * value) },
    };
  }
  return { analysis: replace({ ...outcome, [assumption]: value }), quantitiesByYear };
}
