/**
 * Ratings conjoint against R's conjoint package (v1.42, on R 4.2.2) on the tea data, 100 respondents x 13
 * profiles, to 1e-8: pooled effects-coded part-worths with SE, t and p; R2, adjusted R2, F; importances from
 * the aggregate part-worths and averaged over respondents; every respondent's part-worths and importances
 * (tea_expected_individual_partworths.csv). Long and wide imports give the same estimates.
 */
import { describe, expect, it } from 'vitest';
import { estimateRatings, importancePercentages, type RatingsEstimate } from '../../../model/conjoint';
import { readFixtureTable } from '../stats/fixture-table';
import {
  referenceName,
  TEA_ATTRIBUTES,
  teaExpected,
  teaLabels,
  teaRatingsLong,
  teaRatingsWide,
} from './tea-fixture';

const TOLERANCE = 1e-8;

function estimate(data = teaRatingsLong()): RatingsEstimate {
  const result = estimateRatings(data);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Part-worths keyed `attribute.label` as the reference file keys them. */
function flatPartWorths(entry: RatingsEstimate['partWorths']): Map<string, number> {
  const flat = new Map<string, number>();
  for (const attribute of entry) {
    if (attribute.kind !== 'categorical') continue;
    for (const [level, value] of Object.entries(attribute.levels))
      flat.set(`${attribute.attribute}.${teaLabels.get(attribute.attribute)?.get(level) ?? level}`, value);
  }
  return flat;
}

describe('tea ratings (R conjoint package)', () => {
  const result = estimate();
  const aggregate = teaExpected.aggregate_ols;

  it('pooled OLS: estimates, SE, t, p of the estimated coefficients', () => {
    expect(result.fit.n).toBe(aggregate.n);
    expect(result.fit.dfResidual).toBe(aggregate.df_residual);
    const rows = new Map(result.coefficients.map((row) => [referenceName(row.name), row]));
    for (const [name, want] of Object.entries(aggregate.coefficients)) {
      const row = rows.get(name);
      expect(row, name).toBeDefined();
      expect(Math.abs((row?.estimate ?? Number.NaN) - want.estimate)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs((row?.stdError ?? Number.NaN) - want.std_error)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs((row?.t ?? Number.NaN) - want.t_value)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs((row?.p ?? Number.NaN) - want.p_value)).toBeLessThanOrEqual(TOLERANCE);
      // Relative agreement deep in the tail (the intercept's p is 5.8e-222).
      expect(Math.abs((row?.p ?? Number.NaN) / want.p_value - 1)).toBeLessThan(1e-6);
    }
    expect(result.derivedLevels).toEqual(['price:3', 'variety:3', 'kind:3', 'aroma:2']);
  });

  it('pooled part-worths of every level, the derived ones included', () => {
    const flat = flatPartWorths(result.partWorths);
    for (const attribute of TEA_ATTRIBUTES)
      for (const [label, value] of Object.entries(aggregate.part_worths[attribute] ?? {}))
        expect(
          Math.abs((flat.get(`${attribute}.${label}`) ?? Number.NaN) - value),
          `${attribute}.${label}`,
        ).toBeLessThanOrEqual(TOLERANCE);
    expect(
      Math.abs((result.fit.estimates[0] ?? Number.NaN) - aggregate.part_worths.intercept),
    ).toBeLessThanOrEqual(TOLERANCE);
  });

  it('R2, adjusted R2, residual SE and F', () => {
    expect(Math.abs(result.fit.rSquared - aggregate.r_squared)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(result.fit.adjRSquared - aggregate.adj_r_squared)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(result.fit.residualStandardError - aggregate.residual_se)).toBeLessThanOrEqual(TOLERANCE);
    expect(
      Math.abs((result.fit.fStatistic?.value ?? Number.NaN) - aggregate.f_statistic),
    ).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs((result.fit.fStatistic?.p ?? Number.NaN) / aggregate.f_p_value - 1)).toBeLessThan(1e-6);
  });

  it('importances both ways, labelled', () => {
    const fromAggregate = result.importances.aggregate;
    expect(fromAggregate.basis).toBe('aggregate-part-worths');
    for (const [attribute, value] of Object.entries(aggregate.importance_from_aggregate_partworths_pct))
      expect(Math.abs((fromAggregate.percent[attribute] ?? Number.NaN) - value)).toBeLessThanOrEqual(
        TOLERANCE,
      );
    const averaged = result.importances.perRespondent;
    expect(averaged?.basis).toBe('per-respondent-average');
    expect(averaged?.respondents).toBe(100);
    expect(averaged?.excludedRespondents).toEqual([]);
    for (const [attribute, value] of Object.entries(
      teaExpected.individual.mean_importance_pct_all_respondents,
    ))
      expect(Math.abs((averaged?.percent[attribute] ?? Number.NaN) - value)).toBeLessThanOrEqual(TOLERANCE);
    expect(fromAggregate.label).not.toBe(averaged?.label);
  });

  it('every respondent: part-worths and importances (tea_expected_individual_partworths.csv)', () => {
    const table = readFixtureTable('conjoint/tea_expected_individual_partworths.csv');
    expect(result.respondents).toHaveLength(table.rows.length);
    let largest = 0;
    for (const row of table.rows) {
      const respondent = result.respondents.find((entry) => entry.respondent === row[0]);
      expect(respondent?.partWorths).toBeDefined();
      const flat = flatPartWorths(respondent?.partWorths ?? []);
      flat.set('intercept', respondent?.estimates?.[0] ?? Number.NaN);
      const importance = new Map(
        Object.entries(respondent?.partWorths === null ? {} : importanceOf(respondent?.partWorths ?? [])),
      );
      table.columns.slice(1).forEach((column, index) => {
        const want = Number(row[index + 1]);
        const got = column.startsWith('importance.')
          ? importance.get(column.slice('importance.'.length))
          : flat.get(column);
        largest = Math.max(largest, Math.abs((got ?? Number.NaN) - want));
      });
    }
    // The CSV is written with 15 significant digits.
    expect(largest).toBeLessThanOrEqual(TOLERANCE);
  });

  it('wide and long imports give the same part-worths', () => {
    const wide = estimate(teaRatingsWide());
    expect(Array.from(wide.fit.estimates)).toEqual(Array.from(result.fit.estimates));
    expect(wide.respondents.map((entry) => Array.from(entry.estimates ?? []))).toEqual(
      result.respondents.map((entry) => Array.from(entry.estimates ?? [])),
    );
  });
});

function importanceOf(partWorths: RatingsEstimate['partWorths']): Record<string, number> {
  return importancePercentages(partWorths) ?? {};
}
