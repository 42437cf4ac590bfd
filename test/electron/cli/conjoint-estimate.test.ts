/**
 * `conjoint estimate`: end to end through `npx tsx electron/cli/main.ts` for the exit codes and the JSON
 * fields the issue names, on Fishing (R clogit: coefficients 1e-6, SEs 1e-5, log-likelihood 1e-4, WTP) and
 * tea (R conjoint: 1e-8); in process for hierarchical Bayes (seeded, progress on stderr), wide ratings, the
 * study file, CSV output and the import errors that name a row and a column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, spawnCli } from './cli-support';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = 'test/fixtures/conjoint';
const FISHING = `${FIXTURES}/fishing_long.csv`;
const FISHING_ARGS = [
  '--kind',
  'choice',
  '--respondent',
  'id',
  '--alternative',
  'alt',
  '--choice',
  'choice',
  '--attributes',
  'alt,price,catch',
  '--numeric',
  'price,catch',
];
const TEA_ARGS = [
  '--data',
  `${FIXTURES}/tea_ratings_long.csv`,
  '--kind',
  'ratings',
  '--respondent',
  'respondent',
  '--rating',
  'rating',
  '--attributes',
  'price,variety,kind,aroma',
];
const HB_ARGS = [
  '--data',
  `${FIXTURES}/hb_simulated_choices.csv`,
  '--kind',
  'hb',
  '--respondent',
  'respondent',
  '--task',
  'task',
  '--alternative',
  'alternative',
  '--choice',
  'chosen',
  '--attributes',
  'a,b,price',
  '--numeric',
  'price',
];

interface Coefficient {
  readonly estimate: number;
  readonly stdError: number;
  readonly z?: number;
  readonly t?: number;
  readonly p: number;
}
interface EstimateJson {
  readonly kind: string;
  readonly coefficients: Record<string, Coefficient>;
  readonly logLik: number;
  readonly n: number;
  readonly respondents: number;
  readonly [field: string]: unknown;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const cli = (argv: string[], cwd = ROOT) => runCliCaptured(argv, { cwd });

const spawn = (args: string[]) => spawnCli(args);

describe('conjoint estimate (end to end)', () => {
  it('choice: exits 0 and matches R clogit on Fishing, with WTP for catch', () => {
    const child = spawn(['conjoint', 'estimate', '--data', FISHING, ...FISHING_ARGS, '--format', 'json']);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as EstimateJson & {
      willingnessToPay: { label: string; value: number; stdError: number }[];
    };
    const expected = (
      readJson(`${FIXTURES}/fishing_mnl_expected.json`) as {
        fishing: {
          model_1: {
            coefficients: Record<
              string,
              { estimate: number; std_error: number; z_value: number; p_value: number }
            >;
            loglik: number;
            wtp_catch: { value: number; delta_method_se: number };
          };
        };
      }
    ).fishing.model_1;
    const names: Record<string, string> = {
      asc_pier: 'alt:pier',
      asc_boat: 'alt:boat',
      asc_charter: 'alt:charter',
      price: 'price',
      catch: 'catch',
    };
    // Levels in R's order (alphabetical): beach is the reference.
    expect(Object.keys(result.coefficients)).toEqual([
      'alt:boat',
      'alt:charter',
      'alt:pier',
      'price',
      'catch',
    ]);
    for (const [name, want] of Object.entries(expected.coefficients)) {
      const got = result.coefficients[names[name] ?? name];
      expect(Object.keys(got ?? {})).toEqual(['estimate', 'stdError', 'z', 'p']);
      expect(Math.abs((got?.estimate ?? Number.NaN) - want.estimate), name).toBeLessThanOrEqual(1e-6);
      expect(Math.abs((got?.stdError ?? Number.NaN) - want.std_error), name).toBeLessThanOrEqual(1e-5);
      expect(Math.abs((got?.p ?? Number.NaN) / want.p_value - 1), name).toBeLessThan(1e-5);
    }
    expect(Math.abs(result.logLik - expected.loglik)).toBeLessThanOrEqual(1e-4);
    expect(result.n).toBe(1182);
    const wtp = result.willingnessToPay.find((entry) => entry.label === 'catch (per unit)');
    expect(Math.abs((wtp?.value ?? Number.NaN) - expected.wtp_catch.value)).toBeLessThan(1e-4);
    expect(Math.abs((wtp?.stdError ?? Number.NaN) - expected.wtp_catch.delta_method_se)).toBeLessThan(1e-4);
  });

  it('ratings: exits 0 and matches R conjoint on tea (1e-8), importances both ways', () => {
    const child = spawn(['conjoint', 'estimate', ...TEA_ARGS]);
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as EstimateJson & {
      importances: {
        aggregatePartWorths: { label: string; percent: Record<string, number> };
        perRespondentAverage: { label: string; percent: Record<string, number> };
      };
    };
    const expected = readJson(`${FIXTURES}/tea_expected.json`) as {
      aggregate_ols: {
        coefficients: Record<
          string,
          { estimate: number; std_error: number; t_value: number; p_value: number }
        >;
        importance_from_aggregate_partworths_pct: Record<string, number>;
      };
      individual: { mean_importance_pct_all_respondents: Record<string, number> };
    };
    const labels: Record<string, string> = {
      low: '1',
      medium: '2',
      high: '3',
      black: '1',
      green: '2',
      red: '3',
      bags: '1',
      granulated: '2',
      leafy: '3',
      yes: '1',
      no: '2',
    };
    for (const [name, want] of Object.entries(expected.aggregate_ols.coefficients)) {
      const [attribute = '', label = ''] = name.split('.');
      const got =
        result.coefficients[name === 'intercept' ? '(Intercept)' : `${attribute}:${labels[label] ?? label}`];
      expect(Object.keys(got ?? {})).toEqual(['estimate', 'stdError', 't', 'p']);
      expect(Math.abs((got?.estimate ?? Number.NaN) - want.estimate), name).toBeLessThanOrEqual(1e-8);
      expect(Math.abs((got?.stdError ?? Number.NaN) - want.std_error), name).toBeLessThanOrEqual(1e-8);
      expect(Math.abs((got?.t ?? Number.NaN) - want.t_value), name).toBeLessThanOrEqual(1e-8);
    }
    expect(result.n).toBe(1300);
    expect(result.respondents).toBe(100);
    for (const [attribute, value] of Object.entries(
      expected.aggregate_ols.importance_from_aggregate_partworths_pct,
    ))
      expect(
        Math.abs((result.importances.aggregatePartWorths.percent[attribute] ?? Number.NaN) - value),
      ).toBeLessThanOrEqual(1e-8);
    for (const [attribute, value] of Object.entries(expected.individual.mean_importance_pct_all_respondents))
      expect(
        Math.abs((result.importances.perRespondentAverage.percent[attribute] ?? Number.NaN) - value),
      ).toBeLessThanOrEqual(1e-8);
    expect(result.importances.aggregatePartWorths.label).not.toBe(
      result.importances.perRespondentAverage.label,
    );
  });

  it('exits 1 with one line naming the row and column of bad data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conjoint-'));
    const lines = readFileSync(join(ROOT, FISHING), 'utf8').split('\n');
    lines[1] = (lines[1] ?? '').replace(/,0,157\.93,/, ',1,157.93,'); // respondent 1 now chose two modes
    writeFileSync(join(dir, 'two-chosen.csv'), lines.join('\n'));
    const child = spawn(['conjoint', 'estimate', '--data', join(dir, 'two-chosen.csv'), ...FISHING_ARGS]);
    expect(child.status).toBe(1);
    expect(child.stderr.trim().split('\n')).toEqual([
      'empathy-workbench conjoint estimate: two-chosen.csv: row 2, column "choice": task "1" of respondent "1" (rows 2-5) has 2 chosen alternatives; exactly one must be chosen',
    ]);
  });

  it('exits 2 for bad usage', () => {
    const child = spawn([
      'conjoint',
      'estimate',
      '--data',
      FISHING,
      '--kind',
      'logit',
      '--attributes',
      'alt',
    ]);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('--kind must be one of ratings, choice, hb (got "logit")');
  });
});

describe('conjoint estimate (in process)', () => {
  it('hb: seeded, progress on stderr, population means near bayesm, individual part-worths', async () => {
    const run = () => cli(['conjoint', 'estimate', ...HB_ARGS, '--iterations', '1000', '--seed', '7']);
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.err.trim().split('\n').at(-1)).toBe('hb: 1000/1000 iterations (100%)');
    const result = JSON.parse(first.out) as EstimateJson & {
      seed: number;
      keptDraws: number;
      individual: Record<string, { coefficients: Record<string, number> }>;
      importances: {
        perRespondentAverage: { percent: Record<string, number> };
        aggregatePartWorths: { percent: Record<string, number> };
      };
      willingnessToPay: { label: string; value: number }[];
    };
    expect(result.kind).toBe('hb');
    expect(result.seed).toBe(7);
    expect(result.keptDraws).toBe(50);
    expect(Object.keys(result.coefficients)).toEqual(['a:a2', 'a:a3', 'b:b2', 'b:b3', 'price']);
    expect(Object.keys(result.coefficients['price'] ?? {})).toEqual(['estimate', 'stdError', 'z', 'p']);
    const bayesm = readJson(`${FIXTURES}/hb_bayesm_expected.json`) as { names: string[]; mu_mean: number[] };
    bayesm.names.forEach((name, p) =>
      expect(
        Math.abs((result.coefficients[name]?.estimate ?? Number.NaN) - (bayesm.mu_mean[p] as number)),
        name,
      ).toBeLessThan(0.3),
    );
    expect(Object.keys(result.individual)).toHaveLength(150);
    expect(result.respondents).toBe(150);
    expect(result.n).toBe(2250);
    const sum = (percent: Record<string, number>) => Object.values(percent).reduce((a, b) => a + b, 0);
    expect(sum(result.importances.perRespondentAverage.percent)).toBeCloseTo(100, 10);
    expect(sum(result.importances.aggregatePartWorths.percent)).toBeCloseTo(100, 10);
    expect(result.willingnessToPay.map((entry) => entry.label)).toEqual([
      'a: a2 vs a1',
      'a: a3 vs a1',
      'b: b2 vs b1',
      'b: b3 vs b1',
    ]);
    expect((await run()).out).toBe(first.out);
  });

  it('estimates the sample study as its README says, with WTP for every level', async () => {
    const { code, out } = await cli([
      'conjoint',
      'estimate',
      '--data',
      'sample-data/conjoint/choices.csv',
      '--study',
      'sample-data/conjoint/study.json',
      '--kind',
      'choice',
      '--respondent',
      'respondent',
      '--task',
      'task',
      '--alternative',
      'alternative',
      '--choice',
      'chosen',
      '--attributes',
      'reply_time,agent,follow_up,understood,price',
      '--none-alternative',
      'none',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as EstimateJson & {
      price: string;
      willingnessToPay: { label: string; value: number }[];
    };
    expect(Object.keys(result.coefficients)).toContain('none');
    expect(result.price).toBe('price');
    const understood = result.willingnessToPay.find(
      (entry) => entry.label === 'understood: fully understood vs scripted answer',
    );
    expect(understood?.value).toBeGreaterThan(9);
    expect(understood?.value).toBeLessThan(14);
  });

  it('wide ratings with --profiles give the long estimates', async () => {
    const long = JSON.parse((await cli(['conjoint', 'estimate', ...TEA_ARGS])).out) as EstimateJson;
    const wide = await cli([
      'conjoint',
      'estimate',
      '--data',
      `${FIXTURES}/tea_ratings_wide.csv`,
      '--profiles',
      `${FIXTURES}/tea_profiles.csv`,
      '--kind',
      'ratings',
      '--respondent',
      'respondent',
      '--attributes',
      'price,variety,kind,aroma',
    ]);
    expect(wide.code).toBe(0);
    expect((JSON.parse(wide.out) as EstimateJson).coefficients).toEqual(long.coefficients);
  });

  it('a study file orders the levels (beach first, as the reference)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'study-'));
    writeFileSync(
      join(dir, 'fishing.json'),
      JSON.stringify({
        name: 'Fishing',
        attributes: [
          { kind: 'categorical', name: 'alt', levels: ['beach', 'pier', 'boat', 'charter'] },
          { kind: 'numeric', name: 'price', levels: [0, 700] },
        ],
      }),
    );
    const { code, out } = await cli(
      ['conjoint', 'estimate', '--data', resolve(ROOT, FISHING), ...FISHING_ARGS, '--study', 'fishing.json'],
      dir,
    );
    expect(code).toBe(0);
    expect(Object.keys((JSON.parse(out) as EstimateJson).coefficients)).toEqual([
      'alt:pier',
      'alt:boat',
      'alt:charter',
      'price',
      'catch',
    ]);
  });

  it('writes the coefficient table as CSV', async () => {
    const { code, out } = await cli([
      'conjoint',
      'estimate',
      '--data',
      FISHING,
      ...FISHING_ARGS,
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('name,estimate,stdError,z,p');
    expect(lines).toHaveLength(6);
  });

  it('names bad input with its row and column (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-'));
    writeFileSync(
      join(dir, 'bad.csv'),
      'r,t,alt,chosen,agent,price\n1,1,1,1,bot,5\n1,1,2,0,human,ten\n2,1,1,1,bot,5\n2,1,2,0,robot,10\n3,1,1,1,bot,5\n',
    );
    const args = [
      '--kind',
      'choice',
      '--respondent',
      'r',
      '--task',
      't',
      '--alternative',
      'alt',
      '--choice',
      'chosen',
      '--attributes',
      'agent,price',
      '--numeric',
      'price',
    ];
    const { code, err } = await cli(['conjoint', 'estimate', '--data', 'bad.csv', ...args], dir);
    expect(code).toBe(1);
    expect(err).toContain('row 3, column "price": "ten" is not a number (the attribute is numeric)');
    expect(err).toContain(
      'row 6, column "alt": task "1" of respondent "3" (rows 6-6) has only one alternative',
    );
    const missing = await cli(
      ['conjoint', 'estimate', '--data', 'bad.csv', ...args.slice(0, -4), '--attributes', 'agent,colour'],
      dir,
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(
      'column "colour": there is no attribute column "colour" (the columns are: r, t, alt, chosen, agent, price)',
    );
  });

  it('refuses bad usage (exit 2)', async () => {
    for (const argv of [
      ['conjoint', 'estimate', '--kind', 'choice', '--attributes', 'a'],
      ['conjoint', 'estimate', '--data', FISHING, '--attributes', 'a'],
      [
        'conjoint',
        'estimate',
        '--data',
        FISHING,
        '--kind',
        'choice',
        '--respondent',
        'id',
        '--attributes',
        'alt',
      ],
      [
        'conjoint',
        'estimate',
        '--data',
        FISHING,
        '--kind',
        'choice',
        '--respondent',
        'id',
        '--alternative',
        'alt',
        '--choice',
        'choice',
      ],
      ['conjoint', 'estimate', ...TEA_ARGS, '--task', 't'],
      ['conjoint', 'estimate', ...HB_ARGS, '--iterations', '0'],
      ['conjoint', 'estimate', ...HB_ARGS, '--iterations', '100', '--burn-in', '100'],
      ['conjoint', 'estimate', '--data', FISHING, ...FISHING_ARGS, '--frobnicate'],
    ]) {
      const { code } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
    }
  });
});
