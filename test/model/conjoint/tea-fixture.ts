/**
 * The tea study (R package conjoint, M. Baran 2007) as the tests read it: the ratings come with level
 * indexes (1, 2, 3), tea_levels.csv gives their labels; our names are `attribute:index`.
 */
import { importRatingsLong, importRatingsWide, type RatingsData } from '../../../model/conjoint';
import { readFixtureJson, readFixtureTable } from '../stats/fixture-table';

export const TEA_ATTRIBUTES = ['price', 'variety', 'kind', 'aroma'] as const;

export interface TeaExpected {
  readonly aggregate_ols: {
    readonly n: number;
    readonly coefficients: Record<
      string,
      { estimate: number; std_error: number; t_value: number; p_value: number }
    >;
    readonly part_worths: Record<string, Record<string, number>> & { intercept: number };
    readonly r_squared: number;
    readonly adj_r_squared: number;
    readonly residual_se: number;
    readonly df_residual: number;
    readonly f_statistic: number;
    readonly f_p_value: number;
    readonly importance_from_aggregate_partworths_pct: Record<string, number>;
  };
  readonly individual: {
    readonly mean_importance_pct_all_respondents: Record<string, number>;
    readonly respondent_1: {
      part_worths: Record<string, Record<string, number>>;
      importance_pct: Record<string, number>;
    };
  };
  readonly simulation: {
    readonly mean_total_utility: number[];
    readonly first_choice_pct: number[];
    readonly share_of_preference_logit_pct_all_respondents: number[];
    readonly btl_pct_respondents_with_all_nonnegative_utilities: number[];
    readonly logit_pct_respondents_with_all_nonnegative_utilities: number[];
    readonly n_respondents_all_nonnegative: number;
    readonly share_of_preference_from_aggregate_model_pct: number[];
  };
}

export const teaExpected = readFixtureJson('conjoint/tea_expected.json') as TeaExpected;

/** attribute -> level index (as text) -> label, from tea_levels.csv. */
export const teaLabels: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const labels = new Map<string, Map<string, string>>();
  for (const [attribute = '', index = '', label = ''] of readFixtureTable('conjoint/tea_levels.csv').rows) {
    const levels = labels.get(attribute) ?? new Map<string, string>();
    levels.set(index, label);
    labels.set(attribute, levels);
  }
  return labels;
})();

/** Our coefficient name `price:1` as the reference names it: `price.low`. */
export function referenceName(name: string): string {
  if (name === '(Intercept)') return 'intercept';
  const [attribute = '', level = ''] = name.split(':');
  return `${attribute}.${teaLabels.get(attribute)?.get(level) ?? level}`;
}

export function teaRatingsLong(): RatingsData {
  const data = importRatingsLong(readFixtureTable('conjoint/tea_ratings_long.csv'), {
    respondent: 'respondent',
    rating: 'rating',
    attributes: TEA_ATTRIBUTES,
  });
  if (!data.ok) throw new Error(data.problems.map((problem) => problem.message).join('; '));
  return data.value;
}

export function teaRatingsWide(): RatingsData {
  const data = importRatingsWide(readFixtureTable('conjoint/tea_ratings_wide.csv'), {
    respondent: 'respondent',
    profiles: readFixtureTable('conjoint/tea_profiles.csv'),
    attributes: TEA_ATTRIBUTES,
  });
  if (!data.ok) throw new Error(data.problems.map((problem) => problem.message).join('; '));
  return data.value;
}
