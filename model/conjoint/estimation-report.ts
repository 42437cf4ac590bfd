/**
 * Estimation results as JSON-ready reports, the same for the CLI (`conjoint estimate`) and, later, the app's
 * worker: coefficients `{ name: { estimate, stdError, t|z, p } }` (a numeric attribute named after its column,
 * a categorical level `attribute:level`), fit statistics, part-worths, importances both ways with their
 * labels, and willingness to pay. NaN and infinities become null (JSON has neither).
 */
import type { Result } from '../stats/data-table';
import type { ChoiceData } from './choice-import';
import { choiceSetsFromData } from './choice-sets';
import { partWorthsOf, type AttributePartWorths, type ParameterLayout } from './coding';
import { numericColumnScales, runHierarchicalBayes, type HbHooks } from './hierarchical-bayes';
import { importancesAveraged, importancesFromAggregate, type Importances } from './importance';
import { fitMnl, largestSet, mnlLogLikelihood } from './mnl';
import { estimateRatings } from './ratings-estimation';
import type { RatingsData } from './ratings-import';
import { wtpForAttributes } from './willingness-to-pay';

/** A finite number, or null. */
export const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export const partWorthsJson = (partWorths: readonly AttributePartWorths[]) =>
  Object.fromEntries(
    partWorths.map((entry) => [
      entry.attribute,
      entry.kind === 'numeric' ? { perUnit: entry.perUnit, range: entry.range } : entry.levels,
    ]),
  );

export const importancesJson = (importances: Importances) => ({
  label: importances.label,
  percent: importances.percent,
  ...(importances.respondents === undefined ? {} : { respondents: importances.respondents }),
  ...(importances.excludedRespondents === undefined
    ? {}
    : { excludedRespondents: importances.excludedRespondents }),
});

const namedValues = (names: readonly string[], values: ArrayLike<number>) =>
  Object.fromEntries(names.map((name, index) => [name, finiteOrNull(values[index] as number)]));

/** A JSON-ready estimation report, and the coefficient table for CSV. */
export interface EstimationReport {
  readonly document: Record<string, unknown>;
  /** Coefficient rows for CSV output. */
  readonly rows: readonly (readonly [string, number, number, number, number])[];
  readonly statistic: 't' | 'z';
}

/** Ratings: pooled and per-respondent OLS part-worths, fit statistics, importances both ways. */
export function ratingsReport(data: RatingsData): Result<EstimationReport> {
  const result = estimateRatings(data);
  if (!result.ok) return result;
  const estimate = result.value;
  const fit = estimate.fit;
  return {
    ok: true,
    value: {
      statistic: 't',
      rows: estimate.coefficients.map((row) => [row.name, row.estimate, row.stdError, row.t, row.p] as const),
      document: {
        coding: 'effects',
        coefficients: Object.fromEntries(
          estimate.coefficients.map((row) => [
            row.name,
            {
              estimate: finiteOrNull(row.estimate),
              stdError: finiteOrNull(row.stdError),
              t: finiteOrNull(row.t),
              p: finiteOrNull(row.p),
            },
          ]),
        ),
        derivedLevels: estimate.derivedLevels,
        logLik: finiteOrNull(fit.logLik),
        n: fit.n,
        respondents: data.respondents.length,
        rSquared: finiteOrNull(fit.rSquared),
        adjRSquared: finiteOrNull(fit.adjRSquared),
        residualStandardError: finiteOrNull(fit.residualStandardError),
        fStatistic:
          fit.fStatistic === null
            ? null
            : {
                value: finiteOrNull(fit.fStatistic.value),
                df1: fit.fStatistic.df1,
                df2: fit.fStatistic.df2,
                p: finiteOrNull(fit.fStatistic.p),
              },
        aic: finiteOrNull(fit.aic),
        bic: finiteOrNull(fit.bic),
        partWorths: partWorthsJson(estimate.partWorths),
        importances: {
          aggregatePartWorths: importancesJson(estimate.importances.aggregate),
          ...(estimate.importances.perRespondent === null
            ? {}
            : { perRespondentAverage: importancesJson(estimate.importances.perRespondent) }),
        },
        individual: Object.fromEntries(
          estimate.respondents.map((entry) => [
            entry.respondent,
            entry.estimates === null
              ? { problem: entry.problem ?? 'not estimated' }
              : {
                  coefficients: namedValues(estimate.layout.names, entry.estimates),
                  rSquared: entry.rSquared,
                },
          ]),
        ),
      },
    },
  };
}

/** Choice: the MNL with fit statistics, part-worths, importances and, with a price, WTP by ratio. */
export function choiceReport(
  data: ChoiceData,
  layout: ParameterLayout,
  price: string | undefined,
): Result<EstimationReport> {
  const sets = choiceSetsFromData(data, layout);
  const result = fitMnl(sets);
  if (!result.ok) return { ok: false, error: `the MNL cannot be estimated: ${result.error}` };
  const fit = result.value;
  const partWorths = partWorthsOf(layout, fit.estimates);
  const wtp = price === undefined ? [] : wtpForAttributes(layout, fit.estimates, fit.covariance, price);
  return {
    ok: true,
    value: {
      statistic: 'z',
      rows: fit.coefficients.map((row) => [row.name, row.estimate, row.stdError, row.z, row.p] as const),
      document: {
        coding: 'dummy',
        coefficients: Object.fromEntries(
          fit.coefficients.map((row) => [
            row.name,
            {
              estimate: finiteOrNull(row.estimate),
              stdError: finiteOrNull(row.stdError),
              z: finiteOrNull(row.z),
              p: finiteOrNull(row.p),
            },
          ]),
        ),
        logLik: fit.logLik,
        logLikNull: fit.logLikNull,
        mcfaddenR2: fit.mcfaddenR2,
        aic: fit.aic,
        bic: fit.bic,
        n: fit.nSets,
        respondents: data.respondents.length,
        iterations: fit.iterations,
        partWorths: partWorthsJson(partWorths),
        importances: { aggregatePartWorths: importancesJson(importancesFromAggregate(partWorths)) },
        ...(price === undefined
          ? {}
          : {
              price,
              willingnessToPay: wtp.map((entry) => ({
                ...entry,
                method: 'coefficient ratio, delta-method SE',
              })),
            }),
      },
    },
  };
}

/**
 * Hierarchical Bayes: population means with posterior SDs, each respondent's part-worths, importances both
 * ways and, with a price, WTP from the population-mean draws. Numeric attributes are sampled per value range.
 */
export function hbReport(
  data: ChoiceData,
  layout: ParameterLayout,
  price: string | undefined,
  options: { readonly seed: number; readonly iterations: number; readonly burnIn: number },
  hooks: HbHooks = {},
): Result<EstimationReport> {
  const sets = choiceSetsFromData(data, layout);
  const k = sets.k;
  const result = runHierarchicalBayes(
    sets,
    {
      iterations: options.iterations,
      burnIn: options.burnIn,
      seed: options.seed,
      columnScales: numericColumnScales(layout),
    },
    hooks,
  );
  if (!result.ok) return { ok: false, error: `hierarchical Bayes cannot run: ${result.error}` };
  const hb = result.value;
  const draws = hb.populationMean.draws;
  const count = draws.length / k;
  // A posterior two-sided tail probability, 2 min(P(mu > 0), P(mu < 0)): the Bayesian reading of "p".
  const tail = (p: number) => {
    let positive = 0;
    for (let d = 0; d < count; d++) if ((draws[d * k + p] as number) > 0) positive++;
    return Math.min(1, (2 * Math.min(positive, count - positive)) / count);
  };
  const rows = hb.names.map((name, p) => {
    const estimate = hb.populationMean.mean[p] as number;
    const stdError = hb.populationMean.sd[p] as number;
    return [name, estimate, stdError, estimate / stdError, tail(p)] as const;
  });
  const individualPartWorths = hb.respondents.map((respondent, r) => ({
    respondent,
    partWorths: partWorthsOf(layout, hb.individualMeans.subarray(r * k, (r + 1) * k)),
  }));
  const meanOfIndividuals = new Float64Array(k);
  for (let r = 0; r < hb.respondents.length; r++)
    for (let p = 0; p < k; p++)
      meanOfIndividuals[p] =
        (meanOfIndividuals[p] as number) + (hb.individualMeans[r * k + p] as number) / hb.respondents.length;
  const aggregatePartWorths = partWorthsOf(layout, meanOfIndividuals);
  const scratch = new Float64Array(largestSet(sets));
  let logLik = 0;
  for (let r = 0; r < hb.respondents.length; r++)
    logLik += mnlLogLikelihood(
      sets,
      hb.individualMeans.subarray(r * k, (r + 1) * k),
      sets.respondentStart[r] as number,
      sets.respondentStart[r + 1] as number,
      scratch,
    );
  const priceIndex = price === undefined ? -1 : hb.names.indexOf(price);
  // WTP per kept draw of the population mean: its posterior mean and SD (no delta method needed).
  const wtp =
    priceIndex < 0
      ? undefined
      : wtpForAttributes(layout, hb.populationMean.mean, new Float64Array(k * k), price as string).map(
          (entry) => {
            const ratios: number[] = [];
            for (let d = 0; d < count; d++) {
              const single = wtpForAttributes(
                layout,
                draws.subarray(d * k, (d + 1) * k),
                new Float64Array(k * k),
                price as string,
              ).find((candidate) => candidate.label === entry.label);
              if (single !== undefined) ratios.push(single.value);
            }
            const mean = ratios.reduce((sum, value) => sum + value, 0) / ratios.length;
            const sd = Math.sqrt(
              ratios.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, ratios.length - 1),
            );
            return {
              label: entry.label,
              attribute: entry.attribute,
              ...(entry.level === undefined ? {} : { level: entry.level, versus: entry.versus }),
              value: mean,
              stdError: sd,
              method: 'ratio of population-mean draws',
            };
          },
        );
  return {
    ok: true,
    value: {
      statistic: 'z',
      rows,
      document: {
        coding: 'dummy',
        inference:
          'posterior: estimate = posterior mean of the population mean, stdError = its posterior SD, z = estimate/stdError, p = 2 min(P(>0), P(<0)) over the kept draws',
        coefficients: Object.fromEntries(
          rows.map(([name, estimate, stdError, z, p]) => [
            name,
            {
              estimate: finiteOrNull(estimate),
              stdError: finiteOrNull(stdError),
              z: finiteOrNull(z),
              p: finiteOrNull(p),
            },
          ]),
        ),
        prior:
          'bayesm rhierMnlRwMixture defaults (Amu = 0.01, nu = k + 3, V = nu I), numeric attributes sampled per value range',
        logLik,
        n: sets.chosen.length,
        respondents: hb.respondents.length,
        seed: options.seed,
        iterations: hb.iterations,
        burnIn: options.burnIn,
        keptDraws: hb.keptDraws,
        status: hb.status,
        acceptanceRate: hb.acceptanceRate,
        populationSd: namedValues(
          hb.names,
          hb.names.map((_, p) => Math.sqrt(hb.populationCovariance[p * k + p] as number)),
        ),
        partWorths: partWorthsJson(aggregatePartWorths),
        importances: {
          perRespondentAverage: importancesJson(importancesAveraged(individualPartWorths)),
          aggregatePartWorths: importancesJson(importancesFromAggregate(aggregatePartWorths)),
        },
        ...(wtp === undefined ? {} : { price, willingnessToPay: wtp }),
        individual: Object.fromEntries(
          hb.respondents.map((respondent, r) => [
            respondent,
            { coefficients: namedValues(hb.names, hb.individualMeans.subarray(r * k, (r + 1) * k)) },
          ]),
        ),
      },
    },
  };
}
