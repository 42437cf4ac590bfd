/**
 * Attribute importance: an attribute's part-worth range as a share of the sum of ranges, in percent
 * (Green & Srinivasan 1978, J. Consumer Research 5:103; conjoint::caImportance). The two usual ways differ
 * and a screen must say which it shows: the average of each respondent's importances (every respondent's
 * ranges count, even when their preferences cancel in the aggregate), or the importances of the aggregate
 * part-worths (ranges of averages, which shrink when respondents disagree).
 */
import type { AttributePartWorths } from './coding';

export type ImportanceBasis = 'per-respondent-average' | 'aggregate-part-worths';

export const IMPORTANCE_LABELS: Readonly<Record<ImportanceBasis, string>> = {
  'per-respondent-average': 'Average of each respondent’s importances',
  'aggregate-part-worths': 'From the aggregate part-worths',
};

export interface Importances {
  readonly basis: ImportanceBasis;
  readonly label: string;
  /** Attribute -> percent; the values sum to 100. */
  readonly percent: Readonly<Record<string, number>>;
  /** Respondents averaged (per-respondent basis). */
  readonly respondents?: number;
  /** Respondents left out because all their ranges are zero (constant answers): importance is 0/0. */
  readonly excludedRespondents?: readonly string[];
}

/** The range of one attribute's part-worths; a numeric attribute's slope times its value range. */
export function partWorthRange(partWorths: AttributePartWorths): number {
  if (partWorths.kind === 'numeric')
    return Math.abs(partWorths.perUnit) * (partWorths.range[1] - partWorths.range[0]);
  const values = Object.values(partWorths.levels);
  return Math.max(...values) - Math.min(...values);
}

/** Ranges as percentages of their sum, or null when every range is zero. */
export function importancePercentages(
  partWorths: readonly AttributePartWorths[],
): Record<string, number> | null {
  const ranges = partWorths.map(partWorthRange);
  const total = ranges.reduce((sum, range) => sum + range, 0);
  if (!(total > 0)) return null;
  return Object.fromEntries(
    partWorths.map((entry, index) => [entry.attribute, ((ranges[index] as number) / total) * 100]),
  );
}

export function importancesFromAggregate(partWorths: readonly AttributePartWorths[]): Importances {
  const percent =
    importancePercentages(partWorths) ?? Object.fromEntries(partWorths.map((entry) => [entry.attribute, 0]));
  return { basis: 'aggregate-part-worths', label: IMPORTANCE_LABELS['aggregate-part-worths'], percent };
}

export function importancesAveraged(
  respondents: readonly {
    readonly respondent: string;
    readonly partWorths: readonly AttributePartWorths[];
  }[],
): Importances {
  const sums = new Map<string, number>();
  const excluded: string[] = [];
  let counted = 0;
  for (const { respondent, partWorths } of respondents) {
    const percent = importancePercentages(partWorths);
    if (percent === null) {
      excluded.push(respondent);
      continue;
    }
    counted++;
    for (const [attribute, value] of Object.entries(percent))
      sums.set(attribute, (sums.get(attribute) ?? 0) + value);
  }
  const attributes = respondents[0]?.partWorths.map((entry) => entry.attribute) ?? [];
  return {
    basis: 'per-respondent-average',
    label: IMPORTANCE_LABELS['per-respondent-average'],
    percent: Object.fromEntries(
      attributes.map((attribute) => [attribute, counted === 0 ? 0 : (sums.get(attribute) ?? 0) / counted]),
    ),
    respondents: counted,
    excludedRespondents: excluded,
  };
}
