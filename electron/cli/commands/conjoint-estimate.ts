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
  choiceReport,
  hbReport,
  importChoicesLong,
  importRatingsLong,
  importRatingsWide,
  parameterLayout,
  ratingsReport,
  studySchema,
  type EstimationReport,
  type HbHooks,
  type ImportResult,
  type Study,
} from '../../../model/conjoint';
import type { Result } from '../../../model/stats';
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
import { parseList, readCsvTable } from './stats-regress';

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

/** An estimation that cannot run (collinear design, separation, ...) is bad input: exit 1 naming the file. */
function unwrapReport(file: string, result: Result<EstimationReport>): EstimationReport {
  if (!result.ok) throw new InputError(`${file}: ${result.error}`);
  return result.value;
}

/** HB progress on stderr, every tenth of the run. */
function hbProgress(iterations: number, io: CliIO): HbHooks {
  let lastReported = -1;
  return {
    progressEvery: Math.max(1, Math.floor(iterations / 10)),
    onProgress: (done, total) => {
      const percent = Math.round((done / total) * 100);
      if (percent !== lastReported) io.stderr(`hb: ${done}/${total} iterations (${percent}%)\n`);
      lastReported = percent;
    },
  };
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

    let estimated: EstimationReport;
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
      estimated = unwrapReport(file, ratingsReport(data));
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
      estimated = unwrapReport(
        file,
        kind === 'choice'
          ? choiceReport(data, layout, price)
          : hbReport(data, layout, price, { seed, iterations, burnIn }, hbProgress(iterations, io)),
      );
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
