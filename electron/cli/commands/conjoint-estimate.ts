/**
 * `conjoint estimate --data FILE.csv --kind ratings|choice|hb ...`: estimates a conjoint study from response
 * data and prints the coefficients `{ name: { estimate, stdError, t|z, p } }` with the fit, part-worths,
 * importances (both ways, labelled) and, when there is a numeric price, willingness to pay. A numeric
 * attribute's coefficient is named after its column, a categorical level `attribute:level`.
 * - ratings: OLS on effects-coded attributes, pooled and per respondent (long data, or wide with --profiles);
 * - choice: MNL by Newton-Raphson, categorical attributes dummy coded against their first level;
 * - hb: hierarchical Bayes MNL (bayesm's rhierMnlRwMixture sampler), seeded; progress on stderr.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  choiceSetsFromData,
  estimateRatings,
  fitMnl,
  importChoicesLong,
  importancesAveraged,
  importancesFromAggregate,
  importRatingsLong,
  importRatingsWide,
  mnlLogLikelihood,
  numericColumnScales,
  largestSet,
  parameterLayout,
  partWorthsOf,
  runHierarchicalBayes,
  studySchema,
  wtpForAttributes,
  type AttributePartWorths,
  type ImportResult,
  type Importances,
  type ParameterLayout,
  type Study,
} from '../../../model/conjoint';
import { APP_VERSION } from '../../app-info';
import {
  InputError,
  UsageError,
  parseCommandArgs,
  parseFormat,
  parsePositiveIntFlag,
  parseNumberFlag,
  type CliCommand,
  type CliIO,
} from '../command';
import { csvRow, writeResult } from '../output';
import { jsonNumber, parseList, readCsvTable } from './stats-regress';

const KINDS = ['ratings', 'choice', 'hb'] as const;
type Kind = (typeof KINDS)[number];

const DEFAULT_SEED = 1;
const DEFAULT_HB_ITERATIONS = 10_000;

function readStudy(path: string, io: CliIO): Study {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(io.cwd, path), 'utf8'));
  } catch (error) {
    throw new InputError(
      `cannot read study ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = studySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined || issue.path.length === 0 ? 'the file' : `"${issue.path.map(String).join('.')}"`;
    throw new InputError(`study ${path}: ${where}: ${issue?.message ?? 'is not a conjoint study'}`);
  }
  return parsed.data;
}

/** The import's problems on one line: the first three, and how many more. */
function unwrap<T>(file: string, result: ImportResult<T>): T {
  if (result.ok) return result.value;
  const shown = result.problems.slice(0, 3).map((problem) => problem.message);
  const more = result.totalProblems - shown.length;
  throw new InputError(
    `${file}: ${shown.join('; ')}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`,
  );
}

const partWorthsJson = (partWorths: readonly AttributePartWorths[]) =>
  Object.fromEntries(
    partWorths.map((entry) => [
      entry.attribute,
      entry.kind === 'numeric' ? { perUnit: entry.perUnit, range: entry.range } : entry.levels,
    ]),
  );

const importancesJson = (importances: Importances) => ({
  label: importances.label,
  percent: importances.percent,
  ...(importances.respondents === undefined ? {} : { respondents: importances.respondents }),
  ...(importances.excludedRespondents === undefined
    ? {}
    : { excludedRespondents: importances.excludedRespondents }),
});

const namedValues = (names: readonly string[], values: ArrayLike<number>) =>
  Object.fromEntries(names.map((name, index) => [name, jsonNumber(values[index] as number)]));

interface Estimated {
  readonly document: Record<string, unknown>;
  /** Coefficient rows for CSV output. */
  readonly rows: readonly (readonly [string, number, number, number, number])[];
  readonly statistic: 't' | 'z';
}

const USAGE = `conjoint estimate --data FILE.csv --kind ratings|choice|hb [--respondent COL] [--task COL] [--alternative COL] [--choice COL] [--rating COL] [--attributes a,b,c] [--numeric price] [--none-alternative K] [--seed S] [--format json|csv] [--out FILE]

Estimates part-worths from conjoint responses.
  --kind              ratings: OLS with effects coding, pooled and per respondent;
                      choice: multinomial logit (Newton-Raphson), dummy coding against each attribute's first level;
                      hb: hierarchical Bayes MNL (Gibbs with random-walk Metropolis, as bayesm's rhierMnlRwMixture)
  --attributes        the attribute columns (required)
  --numeric           attributes estimated as one linear coefficient (e.g. price)
  --respondent        respondent column (required for choice and hb; per-respondent ratings need it too)
  --rating            rating column (ratings, long data)
  --profiles FILE     ratings in wide form: one row per respondent, one rating column per row of this design file
  --task              task column (choice, hb; without it each respondent made one choice)
  --alternative       alternative column (choice, hb)
  --choice            the 1/0 chosen column (choice, hb)
  --none-alternative  the alternative label of "None of these" (choice, hb)
  --study FILE.json   the study: level order, numeric attributes, price
  --price COL         the numeric price attribute for willingness to pay (default: the study's, or a numeric "price")
  --seed, --iterations, --burn-in   hierarchical Bayes: seed (default ${DEFAULT_SEED}), iterations (default ${DEFAULT_HB_ITERATIONS}), burn-in (default half)
  --format            json (default) or csv (the coefficient table)
  --out               write to FILE instead of standard output
Levels are ordered as in the study, else as R orders factor levels (numbers numerically, text alphabetically).`;

export const conjointEstimateCommand: CliCommand = {
  name: 'conjoint estimate',
  summary: 'estimate conjoint part-worths (ratings OLS, choice MNL, hierarchical Bayes)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        data: { type: 'string' },
        kind: { type: 'string' },
        respondent: { type: 'string' },
        task: { type: 'string' },
        alternative: { type: 'string' },
        choice: { type: 'string' },
        rating: { type: 'string' },
        attributes: { type: 'string' },
        numeric: { type: 'string' },
        'none-alternative': { type: 'string' },
        seed: { type: 'string' },
        iterations: { type: 'string' },
        'burn-in': { type: 'string' },
        study: { type: 'string' },
        profiles: { type: 'string' },
        price: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (values.data === undefined) throw new UsageError('give the response file with --data FILE.csv');
    if (values.kind === undefined) throw new UsageError(`give --kind ${KINDS.join('|')}`);
    const kind = values.kind as Kind;
    if (!(KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got "${values.kind}")`);
    const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
    const attributes = parseList('--attributes', values.attributes);
    if (attributes.length === 0) throw new UsageError('give the attribute columns with --attributes a,b,c');
    const numeric = parseList('--numeric', values.numeric);
    const seed = values.seed === undefined ? DEFAULT_SEED : parseNumberFlag('--seed', values.seed);
    const iterations =
      values.iterations === undefined
        ? DEFAULT_HB_ITERATIONS
        : parsePositiveIntFlag('--iterations', values.iterations);
    const burnIn =
      values['burn-in'] === undefined
        ? Math.floor(iterations / 2)
        : parseNumberFlag('--burn-in', values['burn-in']);
    if (!Number.isInteger(burnIn) || burnIn < 0 || burnIn >= iterations)
      throw new UsageError(
        `--burn-in must be a whole number below --iterations (got "${values['burn-in'] ?? ''}")`,
      );
    if (kind === 'ratings') {
      for (const flag of ['task', 'alternative', 'choice', 'none-alternative'] as const)
        if (values[flag] !== undefined)
          throw new UsageError(`--${flag} is for --kind choice or hb, not ratings`);
      if (values.profiles === undefined && values.rating === undefined)
        throw new UsageError('give the rating column with --rating COL (or wide data with --profiles FILE)');
      if (values.profiles !== undefined && values.respondent === undefined)
        throw new UsageError('wide ratings (--profiles) need the respondent column, --respondent COL');
    } else {
      for (const flag of ['rating', 'profiles'] as const)
        if (values[flag] !== undefined) throw new UsageError(`--${flag} is for --kind ratings`);
      for (const flag of ['respondent', 'alternative', 'choice'] as const)
        if (values[flag] === undefined) throw new UsageError(`--kind ${kind} needs --${flag} COL`);
    }

    const study = values.study === undefined ? undefined : readStudy(values.study, io);
    const table = readCsvTable(values.data, io);
    const file = basename(values.data);
    const common = { attributes, numeric, ...(study === undefined ? {} : { study }) };
    const price =
      values.price ?? study?.price ?? numeric.find((name) => name.toLowerCase() === 'price') ?? undefined;
    if (
      values.price !== undefined &&
      !numeric.includes(values.price) &&
      study?.attributes.find((a) => a.name === values.price)?.kind !== 'numeric'
    )
      throw new UsageError(`--price ${values.price} must be a numeric attribute (list it in --numeric)`);

    let estimated: Estimated;
    if (kind === 'ratings') {
      const data = unwrap(
        file,
        values.profiles === undefined
          ? importRatingsLong(table, {
              ...common,
              rating: values.rating as string,
              ...(values.respondent === undefined ? {} : { respondent: values.respondent }),
            })
          : importRatingsWide(table, {
              ...common,
              respondent: values.respondent as string,
              profiles: readCsvTable(values.profiles, io),
            }),
      );
      estimated = ratingsDocument(data, file);
    } else {
      const data = unwrap(
        file,
        importChoicesLong(table, {
          ...common,
          respondent: values.respondent as string,
          alternative: values.alternative as string,
          choice: values.choice as string,
          ...(values.task === undefined ? {} : { task: values.task }),
          ...(values['none-alternative'] === undefined
            ? {}
            : { noneAlternative: values['none-alternative'] }),
        }),
      );
      const layout = parameterLayout(data.attributes, { coding: 'dummy', none: data.hasNone });
      estimated =
        kind === 'choice'
          ? choiceDocument(data, layout, price)
          : hbDocument(data, layout, price, { seed, iterations, burnIn }, io);
    }
    if (format === 'csv') {
      const lines = [
        csvRow(['name', 'estimate', 'stdError', estimated.statistic, 'p']),
        ...estimated.rows.map((row) => csvRow([...row])),
      ];
      writeResult(io, `${lines.join('\n')}\n`, values.out);
      return;
    }
    writeResult(
      io,
      JSON.stringify({ kind, data: file, appVersion: APP_VERSION, ...estimated.document }, null, 2),
      values.out,
    );
  },
};

function ratingsDocument(data: Parameters<typeof estimateRatings>[0], file: string): Estimated {
  const result = estimateRatings(data);
  if (!result.ok) throw new InputError(`${file}: ${result.error}`);
  const estimate = result.value;
  const fit = estimate.fit;
  return {
    statistic: 't',
    rows: estimate.coefficients.map((row) => [row.name, row.estimate, row.stdError, row.t, row.p] as const),
    document: {
      coding: 'effects',
      coefficients: Object.fromEntries(
        estimate.coefficients.map((row) => [
          row.name,
          {
            estimate: jsonNumber(row.estimate),
            stdError: jsonNumber(row.stdError),
            t: jsonNumber(row.t),
            p: jsonNumber(row.p),
          },
        ]),
      ),
      derivedLevels: estimate.derivedLevels,
      logLik: jsonNumber(fit.logLik),
      n: fit.n,
      respondents: data.respondents.length,
      rSquared: jsonNumber(fit.rSquared),
      adjRSquared: jsonNumber(fit.adjRSquared),
      residualStandardError: jsonNumber(fit.residualStandardError),
      fStatistic:
        fit.fStatistic === null
          ? null
          : {
              value: jsonNumber(fit.fStatistic.value),
              df1: fit.fStatistic.df1,
              df2: fit.fStatistic.df2,
              p: jsonNumber(fit.fStatistic.p),
            },
      aic: jsonNumber(fit.aic),
      bic: jsonNumber(fit.bic),
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
            : { coefficients: namedValues(estimate.layout.names, entry.estimates), rSquared: entry.rSquared },
        ]),
      ),
    },
  };
}

function choiceDocument(
  data: Parameters<typeof choiceSetsFromData>[0],
  layout: ParameterLayout,
  price: string | undefined,
): Estimated {
  const sets = choiceSetsFromData(data, layout);
  const result = fitMnl(sets);
  if (!result.ok) throw new InputError(`the MNL cannot be estimated: ${result.error}`);
  const fit = result.value;
  const partWorths = partWorthsOf(layout, fit.estimates);
  const wtp = price === undefined ? [] : wtpForAttributes(layout, fit.estimates, fit.covariance, price);
  return {
    statistic: 'z',
    rows: fit.coefficients.map((row) => [row.name, row.estimate, row.stdError, row.z, row.p] as const),
    document: {
      coding: 'dummy',
      coefficients: Object.fromEntries(
        fit.coefficients.map((row) => [
          row.name,
          {
            estimate: jsonNumber(row.estimate),
            stdError: jsonNumber(row.stdError),
            z: jsonNumber(row.z),
            p: jsonNumber(row.p),
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
  };
}

function hbDocument(
  data: Parameters<typeof choiceSetsFromData>[0],
  layout: ParameterLayout,
  price: string | undefined,
  options: { seed: number; iterations: number; burnIn: number },
  io: CliIO,
): Estimated {
  const sets = choiceSetsFromData(data, layout);
  const k = sets.k;
  let lastReported = -1;
  const result = runHierarchicalBayes(
    sets,
    {
      iterations: options.iterations,
      burnIn: options.burnIn,
      seed: options.seed,
      columnScales: numericColumnScales(layout),
    },
    {
      progressEvery: Math.max(1, Math.floor(options.iterations / 10)),
      onProgress: (done, total) => {
        const percent = Math.round((done / total) * 100);
        if (percent !== lastReported) io.stderr(`hb: ${done}/${total} iterations (${percent}%)\n`);
        lastReported = percent;
      },
    },
  );
  if (!result.ok) throw new InputError(`hierarchical Bayes cannot run: ${result.error}`);
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
            estimate: jsonNumber(estimate),
            stdError: jsonNumber(stdError),
            z: jsonNumber(z),
            p: jsonNumber(p),
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
  };
}
