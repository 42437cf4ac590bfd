/**
 * Ratings-based conjoint: OLS of the ratings on effects-coded attributes, pooled over everyone and once per
 * respondent (conjoint::caModel / caPartUtilities; Green & Srinivasan 1978). The pooled part-worths come with
 * standard errors, t and p (Student t); the level not estimated under effects coding (the last) gets its SE as
 * the linear combination minus the sum of the others. Matches R's conjoint package on the tea data to 1e-8.
 */
import type { Result } from '../stats/data-table';
import { coefficientTable, fitOls, linearCombination, type CoefficientRow, type OlsFit } from '../stats/ols';
import {
  codeProfile,
  levelName,
  parameterLayout,
  partWorthsOf,
  partWorthWeights,
  type AttributePartWorths,
  type ParameterLayout,
} from './coding';
import { importancesAveraged, importancesFromAggregate, type Importances } from './importance';
import { POOLED_RESPONDENT, type RatingObservation, type RatingsData } from './ratings-import';

export interface RespondentRatingsFit {
  readonly respondent: string;
  /** Coefficients in the layout's order (intercept first), or null when the respondent could not be fitted. */
  readonly estimates: Float64Array | null;
  readonly partWorths: readonly AttributePartWorths[] | null;
  readonly rSquared: number | null;
  /** Why there are no estimates (too few ratings, a design that does not vary), when there are none. */
  readonly problem?: string;
}

export interface RatingsEstimate {
  readonly layout: ParameterLayout;
  readonly fit: OlsFit;
  /** Every level's part-worth with SE, t and p, the derived (last) levels included, in attribute order. */
  readonly coefficients: readonly CoefficientRow[];
  /** Names of the levels computed as minus the sum of the others rather than estimated. */
  readonly derivedLevels: readonly string[];
  readonly partWorths: readonly AttributePartWorths[];
  readonly respondents: readonly RespondentRatingsFit[];
  readonly importances: {
    readonly aggregate: Importances;
    /** Null with a single (pooled) respondent. */
    readonly perRespondent: Importances | null;
  };
}

function fitObservations(
  layout: ParameterLayout,
  observations: readonly RatingObservation[],
): Result<OlsFit> {
  const k = layout.names.length;
  const n = observations.length;
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  observations.forEach((observation, i) => {
    codeProfile(layout, observation.values, x, i * k);
    y[i] = observation.rating;
  });
  return fitOls({ names: layout.names, x, y, n, k, hasIntercept: true });
}

/** The pooled table with each attribute's derived last level inserted after its estimated ones. */
function partWorthTable(layout: ParameterLayout, fit: OlsFit): { rows: CoefficientRow[]; derived: string[] } {
  const estimated = coefficientTable(fit, 'classical');
  const rows: CoefficientRow[] = layout.intercept && estimated[0] !== undefined ? [estimated[0]] : [];
  const derived: string[] = [];
  layout.attributes.forEach(({ attribute, columns }, a) => {
    for (const column of columns) rows.push(estimated[column] as CoefficientRow);
    if (attribute.kind === 'categorical') {
      const last = attribute.levels.length - 1;
      const name = levelName(attribute.name, attribute.levels[last] as string);
      derived.push(name);
      rows.push(linearCombination(fit, name, partWorthWeights(layout, a, last), 'classical'));
    }
  });
  return { rows, derived };
}

export function estimateRatings(data: RatingsData): Result<RatingsEstimate> {
  const layout = parameterLayout(data.attributes, { coding: 'effects', intercept: true });
  const pooled = fitObservations(layout, data.observations);
  if (!pooled.ok) return { ok: false, error: `the pooled model cannot be estimated: ${pooled.error}` };
  const { rows, derived } = partWorthTable(layout, pooled.value);
  const partWorths = partWorthsOf(layout, pooled.value.estimates);

  const byRespondent = new Map<string, RatingObservation[]>();
  for (const observation of data.observations) {
    const list = byRespondent.get(observation.respondent);
    if (list === undefined) byRespondent.set(observation.respondent, [observation]);
    else list.push(observation);
  }
  const single = data.respondents.length === 1 && data.respondents[0] === POOLED_RESPONDENT;
  const respondents: RespondentRatingsFit[] = single
    ? []
    : data.respondents.map((respondent) => {
        const fit = fitObservations(layout, byRespondent.get(respondent) ?? []);
        if (!fit.ok)
          return { respondent, estimates: null, partWorths: null, rSquared: null, problem: fit.error };
        return {
          respondent,
          estimates: fit.value.estimates,
          partWorths: partWorthsOf(layout, fit.value.estimates),
          rSquared: Number.isFinite(fit.value.rSquared) ? fit.value.rSquared : null,
        };
      });
  const fitted = respondents.flatMap((entry) =>
    entry.partWorths === null ? [] : [{ respondent: entry.respondent, partWorths: entry.partWorths }],
  );
  return {
    ok: true,
    value: {
      layout,
      fit: pooled.value,
      coefficients: rows,
      derivedLevels: derived,
      partWorths,
      respondents,
      importances: {
        aggregate: importancesFromAggregate(partWorths),
        perRespondent: single ? null : importancesAveraged(fitted),
      },
    },
  };
}
