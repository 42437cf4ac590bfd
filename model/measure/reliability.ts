/**
 * Internal consistency of each subscale: Cronbach's alpha (Cronbach 1951, Psychometrika 16:297),
 * alpha = k/(k-1) (1 - Σ var(item) / var(Σ items)), with sample variances (n - 1), on the reverse-scored items.
 *
 * Respondents are taken listwise per subscale: only those who answered every item of that subscale count (as
 * R's `psych::alpha(..., use = "complete.obs")` and SPSS RELIABILITY do); the count is reported. "Alpha if item
 * dropped" is alpha of the other k - 1 items on the same respondents, and the corrected item-total correlation
 * is the item's Pearson correlation with the sum of the other items (psych's r.drop).
 */
import { pearson } from '../sd/sensitivity/tornado';
import { sampleVariance as variance } from './moments';
import type { ScoredSurvey } from './scoring';

export interface ItemReliability {
  readonly item: string;
  /** Alpha of the subscale without this item (null when fewer than 2 items would remain). */
  readonly alphaIfDropped: number | null;
  /** Correlation of the item with the sum of the subscale's other items. */
  readonly correctedItemTotal: number | null;
}

export interface SubscaleReliability {
  readonly subscale: string;
  /** Respondents who answered every item of the subscale (listwise deletion). */
  readonly n: number;
  readonly items: number;
  /** Null with fewer than 2 items or 2 complete respondents, or when the total does not vary. */
  readonly alpha: number | null;
  readonly perItem: readonly ItemReliability[];
}

/** Alpha of the columns of `rows` (respondent × item), null when undefined. */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const k = rows[0]?.length ?? 0;
  if (k < 2 || rows.length < 2) return null;
  let itemVariances = 0;
  for (let j = 0; j < k; j++) itemVariances += variance(rows.map((row) => row[j] as number));
  const totalVariance = variance(rows.map((row) => row.reduce((sum, value) => sum + value, 0)));
  if (!(totalVariance > 0)) return null;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function subscaleReliability(survey: ScoredSurvey): SubscaleReliability[] {
  const { key } = survey;
  return key.subscales.map((subscale) => {
    const indices = subscale.items.map((item) => key.items.indexOf(item));
    const complete = survey.items
      .map((answers) => indices.map((index) => answers[index] as number))
      .filter((row) => row.every((value) => !Number.isNaN(value)));
    const perItem = subscale.items.map((item, j) => {
      const others = complete.map((row) => row.filter((_, at) => at !== j));
      const rest = others.map((row) => row.reduce((sum, value) => sum + value, 0));
      return {
        item,
        alphaIfDropped: cronbachAlpha(others),
        correctedItemTotal:
          complete.length < 3
            ? null
            : finiteOrNull(
                pearson(
                  complete.map((row) => row[j] as number),
                  rest,
                ),
              ),
      };
    });
    return {
      subscale: subscale.id,
      n: complete.length,
      items: subscale.items.length,
      alpha: cronbachAlpha(complete),
      perItem,
    };
  });
}
