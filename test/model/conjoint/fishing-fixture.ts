/** The Fishing data (R package mlogit, Herriges & Kling 1999) and its clogit reference, as the tests read them. */
import {
  choiceSetsFromData,
  fitMnl,
  importChoicesLong,
  parameterLayout,
  type MnlFit,
} from '../../../model/conjoint';
import { readFixtureJson, readFixtureTable } from '../stats/fixture-table';

export interface ExpectedModel {
  readonly coefficients: Record<
    string,
    { estimate: number; std_error: number; z_value: number; p_value: number }
  >;
  readonly loglik: number;
  readonly loglik_null_equal_shares: number;
  readonly n_choice_sets: number;
  readonly mcfadden_r2: number;
  readonly aic: number;
}
export const fishingExpected = (
  readFixtureJson('conjoint/fishing_mnl_expected.json') as {
    fishing: {
      model_1: ExpectedModel & { wtp_catch: { value: number; delta_method_se: number } };
      model_2: ExpectedModel;
    };
  }
).fishing;

/** Our names for the reference's: ASCs are levels of the alternative attribute `alt`. */
export const OUR_NAME: Readonly<Record<string, string>> = {
  asc_pier: 'alt:pier',
  asc_boat: 'alt:boat',
  asc_charter: 'alt:charter',
  price: 'price',
  catch: 'catch',
  income_pier: 'income:pier',
  income_boat: 'income:boat',
  income_charter: 'income:charter',
};

export function fishingModel1(): MnlFit {
  const data = importChoicesLong(readFixtureTable('conjoint/fishing_long.csv'), {
    respondent: 'id',
    alternative: 'alt',
    choice: 'choice',
    attributes: ['alt', 'price', 'catch'],
    numeric: ['price', 'catch'],
    study: {
      name: 'Fishing',
      attributes: [{ kind: 'categorical', name: 'alt', levels: ['beach', 'pier', 'boat', 'charter'] }],
      prohibitions: [],
    },
  });
  if (!data.ok) throw new Error(data.problems.map((problem) => problem.message).join('; '));
  const layout = parameterLayout(data.value.attributes, { coding: 'dummy' });
  const fit = fitMnl(choiceSetsFromData(data.value, layout));
  if (!fit.ok) throw new Error(fit.error);
  return fit.value;
}
