import type { SroiAnalysis } from './analysis';
import { computeEvaluation, evaluateAnalysis, type EvaluateOptions } from './evaluate';
import type { SroiResult } from './issues';
import { findSwitchingValue, LINEAR_ASSUMPTIONS } from './switching-value';
import {
  baseValueOf,
  domainOf,
  SENSITIVITY_ASSUMPTIONS,
  valueKindOf,
  withAssumption,
  type AssumptionSubject,
  type AssumptionValueKind,
  type SensitivityAssumption,
} from './variation';

/**
 * Sensitivity analysis, one assumption of one outcome at a time (A Guide to Social Return on Investment,
 * Cabinet Office / SROI Network 2012, stage 5, section 5.4): each is swept over a range around its value and
 * the ratio recomputed; the swings make a tornado chart; the switching value says where the ratio is 1:1.
 */

/** A range around the assumption's value: ± an amount (rates, years), or ± a fraction of it (money, counts). */
export type AssumptionRange = { readonly absolute: number } | { readonly relative: number };

/**
 * Default ranges. The Guide does not fix them; these are ours, wide enough to matter and narrow enough to stay
 * plausible: ±10 percentage points for the stage 4 rates, ±1 year of duration, ±20% for proxies and quantities.
 */
export const DEFAULT_RANGES: Readonly<Record<SensitivityAssumption, AssumptionRange>> = {
  deadweight: { absolute: 0.1 },
  displacement: { absolute: 0.1 },
  attribution: { absolute: 0.1 },
  dropOff: { absolute: 0.1 },
  durationYears: { absolute: 1 },
  proxyValue: { relative: 0.2 },
  quantity: { relative: 0.2 },
};

export const DEFAULT_SWEEP_POINTS = 11;

export interface SensitivityOptions extends EvaluateOptions {
  readonly ranges?: Partial<Record<SensitivityAssumption, AssumptionRange>>;
  /** Points in each sweep, the ends included (at least 2). */
  readonly points?: number;
}

export interface SweepPoint {
  readonly value: number;
  readonly presentValue: number;
  readonly ratio: number;
}

export interface AssumptionSensitivity {
  readonly outcomeId: string;
  readonly assumption: SensitivityAssumption;
  readonly valueKind: AssumptionValueKind;
  readonly baseValue: number;
  /** The range's ends after clipping to the values the assumption may take. */
  readonly lowValue: number;
  readonly highValue: number;
  readonly ratioAtLow: number;
  readonly ratioAtHigh: number;
  /** |ratioAtHigh − ratioAtLow|: the bar's length in the tornado chart. */
  readonly swing: number;
  readonly sweep: readonly SweepPoint[];
  /** The value that makes the ratio 1:1 (switching-value.ts), `null` if no valid value does. */
  readonly switchingValue: number | null;
}

export interface TornadoBar {
  readonly outcomeId: string;
  readonly assumption: SensitivityAssumption;
  readonly lowValue: number;
  readonly highValue: number;
  readonly ratioAtLow: number;
  readonly ratioAtHigh: number;
  readonly swing: number;
}

export interface SensitivityAnalysis {
  readonly baseRatio: number;
  readonly totalInputs: number;
  /** Every outcome × assumption, in the order of the document and of SENSITIVITY_ASSUMPTIONS. */
  readonly assumptions: readonly AssumptionSensitivity[];
  /** The same, largest swing first: the tornado chart's bars from the top. */
  readonly tornado: readonly TornadoBar[];
}

function rangeAround(base: number, range: AssumptionRange, domain: { low: number; high: number }) {
  const delta = 'absolute' in range ? range.absolute : Math.abs(base) * range.relative;
  const clip = (value: number) => Math.min(domain.high, Math.max(domain.low, value));
  return { low: clip(base - delta), high: clip(base + delta) };
}

/** Evenly spaced values from low to high, both included (one value when they coincide). */
function sweepValues(low: number, high: number, points: number): number[] {
  if (low === high) return [low];
  return Array.from({ length: points }, (_, index) =>
    index === points - 1 ? high : low + ((high - low) * index) / (points - 1),
  );
}

/** The tornado chart's bars: every assumption, largest swing first (ties keep the document's order). */
export function tornadoBars(assumptions: readonly AssumptionSensitivity[]): TornadoBar[] {
  return assumptions
    .map(({ outcomeId, assumption, lowValue, highValue, ratioAtLow, ratioAtHigh, swing }) => ({
      outcomeId,
      assumption,
      lowValue,
      highValue,
      ratioAtLow,
      ratioAtHigh,
      swing,
    }))
    .sort((a, b) => b.swing - a.swing);
}

/** Sweeps every assumption of every outcome; validation issues of the analysis come back as errors. */
export function analyseSensitivity(
  analysis: SroiAnalysis,
  options: SensitivityOptions = {},
): SroiResult<SensitivityAnalysis> {
  const base = evaluateAnalysis(analysis, options);
  if (!base.ok) return base;
  const quantitiesByYear = options.quantitiesByYear ?? {};
  const points = Math.max(2, Math.floor(options.points ?? DEFAULT_SWEEP_POINTS));
  const { totalInputs } = base.value;

  const assumptions = analysis.outcomes.flatMap((outcome) =>
    SENSITIVITY_ASSUMPTIONS.map((assumption): AssumptionSensitivity => {
      const subject: AssumptionSubject = { analysis, quantitiesByYear, outcome, assumption };
      const presentValueAt = (value: number) => {
        const varied = withAssumption(subject, value);
        return computeEvaluation(varied.analysis, { quantitiesByYear: varied.quantitiesByYear }).value
          .presentValue;
      };
      const baseValue = baseValueOf(subject);
      const domain = domainOf(subject);
      const { low, high } = rangeAround(
        baseValue,
        options.ranges?.[assumption] ?? DEFAULT_RANGES[assumption],
        domain,
      );
      const sweep = sweepValues(low, high, points).map((value): SweepPoint => {
        const presentValue = presentValueAt(value);
        return { value, presentValue, ratio: presentValue / totalInputs };
      });
      const ratioAtLow = sweep[0]?.ratio ?? base.value.ratio;
      const ratioAtHigh = sweep.at(-1)?.ratio ?? base.value.ratio;
      return {
        outcomeId: outcome.id,
        assumption,
        valueKind: valueKindOf(subject),
        baseValue,
        lowValue: low,
        highValue: high,
        ratioAtLow,
        ratioAtHigh,
        swing: Math.abs(ratioAtHigh - ratioAtLow),
        sweep,
        switchingValue: findSwitchingValue(
          presentValueAt,
          totalInputs,
          domain,
          LINEAR_ASSUMPTIONS.has(assumption),
        ),
      };
    }),
  );
  return {
    ok: true,
    warnings: base.warnings,
    value: { baseRatio: base.value.ratio, totalInputs, assumptions, tornado: tornadoBars(assumptions) },
  };
}
