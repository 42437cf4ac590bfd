/**
 * The span a constant's slider covers. A model can declare it: XMILE 1.0 lets a variable carry a display range
 * (`<range min="0" max="1"/>`, one of a variable's display options), which Stella writes for slider and graph
 * bounds; the reader keeps it among the variable's `extra` nodes because the engine does not interpret it. Without one, the slider spans
 * from zero to twice the value (the "halve or double it" question a workshop asks first), or -1..1 around zero.
 */
import type { Variable } from '../../../../model/sd';
import { childElements, isElement, type XmlElement } from '../../../../model/sd/xml-tree';

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  /** The slider's step: a round number giving a few hundred positions. */
  readonly step: number;
  /**
   * Where the bounds come from: the variable's `<range>`, the sensitivity range its documentation gives
   * (the empathy model writes "Sensitivity range: 6 to 24" in a constant's doc, from the grounding file's
   * parameter table), or the span around the value.
   */
  readonly source: 'model' | 'documentation' | 'span';
}

/** How many positions a slider should have at least (the step is the round number at or below the span/this). */
const POSITIONS = 200;

/** The `<range min max>` a variable declares, when both bounds are finite numbers and min < max. */
export function declaredRange(variable: Variable | undefined): { min: number; max: number } | undefined {
  if (variable === undefined) return undefined;
  const holder: XmlElement = { tag: 'variable', attributes: {}, children: variable.extra };
  const range = childElements(holder, 'range')[0] ?? variable.extra.filter(isElement).find(isRangeTag);
  const minText = range?.attributes['min'];
  const maxText = range?.attributes['max'];
  if (minText === undefined || maxText === undefined || minText.trim() === '' || maxText.trim() === '')
    return undefined;
  const min = Number(minText);
  const max = Number(maxText);
  return Number.isFinite(min) && Number.isFinite(max) && min < max ? { min, max } : undefined;
}

/** Vendor-prefixed copies of the same element (`isee:range`) count too: some exporters namespace it. */
const isRangeTag = (element: XmlElement): boolean => element.tag.endsWith(':range');

/**
 * A round step (1, 2 or 5 times a power of ten) that divides the span into at least POSITIONS positions, so
 * arrow keys move in steps a person can read and a drag is smooth.
 */
export function niceStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / POSITIONS;
  const power = 10 ** Math.floor(Math.log10(raw));
  // raw lies in [power, 10 power): the largest of 5, 2, 1 times power not above it.
  const factor = [5, 2, 1].find((candidate) => candidate * power <= raw * (1 + 1e-12)) ?? 1;
  return roundToStep(factor * power, power);
}

/** The span around a value when the model declares none: 0..2v for positive v, 2v..0 for negative, -1..1 at 0. */
export function spanAround(value: number): { min: number; max: number } {
  if (!Number.isFinite(value) || value === 0) return { min: -1, max: 1 };
  return value > 0 ? { min: 0, max: 2 * value } : { min: 2 * value, max: 0 };
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const DOCUMENTED_RANGE = new RegExp(
  `sensitivity range:?\\s*(${NUMBER})\\s*(?:to|–|—|\\.\\.)\\s*(${NUMBER})`,
  'i',
);

/** "Sensitivity range: 6 to 24" in the variable's documentation, when both are numbers and min < max. */
export function documentedRange(variable: Variable | undefined): { min: number; max: number } | undefined {
  const match = variable?.doc === undefined ? null : DOCUMENTED_RANGE.exec(variable.doc);
  if (match === null) return undefined;
  const min = Number(match[1]);
  const max = Number(match[2]);
  return Number.isFinite(min) && Number.isFinite(max) && min < max ? { min, max } : undefined;
}

/**
 * The slider's range: the model's `<range>`, else the documented sensitivity range, else the span around the
 * value; widened to take in the model's own value when a declared range leaves it out (the slider must be able
 * to show where the model stands).
 */
export function sliderRange(modelValue: number, variable: Variable | undefined): SliderRange {
  const declared = declaredRange(variable);
  const documented = declared === undefined ? documentedRange(variable) : undefined;
  const chosen = declared ?? documented ?? spanAround(modelValue);
  const min = Number.isFinite(modelValue) ? Math.min(chosen.min, modelValue) : chosen.min;
  const max = Number.isFinite(modelValue) ? Math.max(chosen.max, modelValue) : chosen.max;
  const source = declared !== undefined ? 'model' : documented !== undefined ? 'documentation' : 'span';
  return { min, max, step: niceStep(max - min), source };
}

/** A slider position as a number without binary noise (0.30000000000000004 -> 0.3), at the step's precision. */
export function roundToStep(value: number, step: number): number {
  if (!Number.isFinite(value) || !(step > 0)) return value;
  // One decimal more than the step has, so steps of 0.25 or 2.5 survive; tiny steps fall back to 12 digits.
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(step)));
  return decimals <= 15 ? Number(value.toFixed(decimals)) : Number(value.toPrecision(12));
}
