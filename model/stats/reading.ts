/**
 * A regression coefficient read out in plain words for people who do not read coefficient tables: what one
 * more unit of a predictor goes with, what was held fixed, how sure we are, and the reminder that a
 * regression on observational data shows association, not cause (the caution of Angrist & Pischke,
 * "Mostly Harmless Econometrics", ch. 3, and of the APA's reporting standards, JARS-Quant 2018).
 */
import type { DesignTerm } from './design-matrix';
import type { OlsFit, StandardErrorKind } from './ols';
import { coefficientTable } from './ols';

export interface ReadingLabels {
  /** What the outcome is called, e.g. "NPS". Default: the outcome column's name. */
  readonly outcome?: string;
  /** The outcome's unit in the plural, e.g. "NPS points": then "0.8 more NPS points" is written. */
  readonly outcomeUnits?: string;
  /** Per predictor column: its label and the unit of one step, e.g. { label: "empathy score", unit: "point" }. */
  readonly predictors?: Readonly<Record<string, { readonly label?: string; readonly unit?: string }>>;
}

const SE_WORDS: Readonly<Record<StandardErrorKind, string>> = {
  classical: 'classical standard errors',
  hc0: 'robust HC0 standard errors',
  hc1: 'robust HC1 standard errors',
  hc3: 'robust HC3 standard errors',
};

export const CAUSATION_CAVEAT = 'This is an association, not proof of cause.';

/** Two significant digits, without exponent notation for everyday sizes. */
export function formatEstimate(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  if (magnitude < 1e-4) return value.toPrecision(2);
  return String(Number(value.toPrecision(2)));
}

export function formatP(p: number): string {
  if (Number.isNaN(p)) return 'p not available';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${String(Number(p.toPrecision(p < 0.01 ? 1 : 2)))}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * One paragraph about coefficient `name` of a fit, e.g. "Each point of empathy score goes with 0.8 more NPS
 * points, holding tenure and team fixed (p = 0.003; robust HC1 standard errors). This is an association,
 * not proof of cause."
 */
export function readCoefficient(
  fit: OlsFit,
  terms: readonly DesignTerm[],
  outcomeColumn: string,
  name: string,
  kind: StandardErrorKind,
  labels: ReadingLabels = {},
): string | null {
  const index = fit.names.indexOf(name);
  if (index < 0) return null;
  const row = coefficientTable(fit, kind)[index];
  if (row === undefined) return null;
  const outcome = labels.outcome ?? outcomeColumn;
  const labelOf = (term: DesignTerm) => labels.predictors?.[term.column]?.label ?? term.column;
  const term = terms.find((candidate) => candidate.coefficientIndexes.includes(index));
  const evidence = `(${formatP(row.p)}; ${SE_WORDS[kind]})`;
  const doubt = row.p < 0.05 ? '' : ' At the 5% level the data cannot tell it apart from no association.';
  if (term === undefined) {
    return `With every numeric predictor at zero and every category at its reference level, ${outcome} is expected to be ${formatEstimate(row.estimate)} ${evidence}.${doubt}`;
  }
  const others = terms.filter((other) => other !== term).map(labelOf);
  const holding = others.length === 0 ? '' : `, holding ${listWords(others)} fixed`;
  const size = formatEstimate(Math.abs(row.estimate));
  const change =
    labels.outcomeUnits !== undefined
      ? `${size} ${row.estimate >= 0 ? 'more' : 'fewer'} ${labels.outcomeUnits}`
      : `${outcome} ${size} ${row.estimate >= 0 ? 'higher' : 'lower'}`;
  let subject: string;
  if (term.kind === 'numeric') {
    const unit = labels.predictors?.[term.column]?.unit;
    subject =
      unit === undefined ? `Each one-unit increase in ${labelOf(term)}` : `Each ${unit} of ${labelOf(term)}`;
  } else {
    const level = name.slice(term.text.length);
    subject = `${labelOf(term)} "${level}" rather than "${term.reference ?? ''}"`;
  }
  return `${subject} goes with ${change}${holding} ${evidence}. ${CAUSATION_CAVEAT}${doubt}`;
}
