/**
 * A/B tests and difference in differences against R (test/fixtures/measure/reference.R): prop.test without
 * continuity correction, the Wald interval by formula, t.test (Welch), power.prop.test and power.t.test;
 * lm(y ~ treated * post) with vcov, sandwich::vcovHC(HC1) and sandwich::vcovCL(HC1) clustered by person and team.
 */
import { describe, expect, it } from 'vitest';
import {
  compareAb,
  differenceInDifferences,
  meanSampleSize,
  proportionSampleSize,
  type AbResult,
  type DidResult,
} from '../../../model/measure';
import { readJson, readTable, tableFromCsv } from './helpers';

const scripts = readTable('sample-data/measure/script-test.csv');
const r = readJson<{
  proportion: Record<string, number>;
  mean: Record<string, number>;
}>('test/fixtures/measure/script-test-r.json');

function ab(options: Parameters<typeof compareAb>[1]): AbResult {
  const result = compareAb(scripts, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('A/B on a proportion (resolved on first contact)', () => {
  const result = ab({ group: 'script', outcome: 'resolved', kind: 'proportion', alpha: 0.05, power: 0.8 });
  it('takes script A as the control and gives B - A with the z-test R gives (z² = chi-squared)', () => {
    expect(result.control).toMatchObject({ level: 'A', n: r.proportion['nA'] });
    expect(result.variant).toMatchObject({ level: 'B', n: r.proportion['nB'] });
    expect(result.effect).toBeCloseTo(r.proportion['effect'] as number, 12);
    expect(result.statistic ** 2).toBeCloseTo(r.proportion['chiSquared'] as number, 10);
    expect(result.p).toBeCloseTo(r.proportion['p'] as number, 12);
  });
  it('gives the Wald interval and the power.prop.test sample size', () => {
    expect(result.stdError).toBeCloseTo(r.proportion['stdError'] as number, 12);
    expect(result.confidenceInterval[0]).toBeCloseTo(r.proportion['lower'] as number, 10);
    expect(result.confidenceInterval[1]).toBeCloseTo(r.proportion['upper'] as number, 10);
    // R solves with uniroot (tol ~1.2e-4); ours is the closed form.
    expect(result.sampleSize?.exact).toBeCloseTo(r.proportion['n80'] as number, 3);
    expect(result.sampleSize?.perGroup).toBe(Math.ceil(r.proportion['n80'] as number));
  });
  it('reads in plain words, with its assumptions', () => {
    expect(result.reading).toMatch(
      /^Variant "B" succeeded in 76\.5% of 217 cases against 62\.3% of 183 for "A": 14\.2 points more \(95% CI 5\.2 to 23\.2 points; p = 0\.002\)\./,
    );
    expect(result.reading).toMatch(/each variant needs 165 cases/);
    expect(result.assumptions.join(' ')).toMatch(/random/);
  });
});

describe('A/B on a mean (satisfaction)', () => {
  const result = ab({ group: 'script', outcome: 'satisfaction', kind: 'mean', alpha: 0.05, power: 0.8 });
  it("gives Welch's t, df, p and interval as R t.test", () => {
    expect(result.effect).toBeCloseTo((r.mean['meanB'] as number) - (r.mean['meanA'] as number), 12);
    expect(result.statistic).toBeCloseTo(r.mean['t'] as number, 10);
    expect(result.df).toBeCloseTo(r.mean['df'] as number, 8);
    expect(result.p).toBeCloseTo(r.mean['p'] as number, 10);
    expect(result.confidenceInterval[0]).toBeCloseTo(r.mean['lower'] as number, 8);
    expect(result.confidenceInterval[1]).toBeCloseTo(r.mean['upper'] as number, 8);
  });
  it('gives the sample size within 0.02 of power.t.test (normal approximation with Guenther correction)', () => {
    expect(Math.abs((result.sampleSize?.exact ?? 0) - (r.mean['n80'] as number))).toBeLessThan(0.02);
    expect(result.sampleSize?.perGroup).toBe(Math.ceil(r.mean['n80'] as number));
  });
});

describe('sample sizes against R', () => {
  it.each([
    // power.prop.test(p1, p2, power, sig.level)$n
    [0.1, 0.15, 0.05, 0.8, 685.59685806585],
    [0.5, 0.6, 0.01, 0.9, 734.053759583779],
  ])('proportions %f vs %f (alpha %f, power %f)', (p1, p2, alpha, power, expected) => {
    expect(proportionSampleSize(p1, p2, alpha, power)?.exact).toBeCloseTo(expected, 3);
  });
  it.each([
    // power.t.test(delta, sd, power, sig.level)$n, and the tolerance the normal approximation keeps
    [0.5, 1, 0.05, 0.8, 63.7657637142739, 0.02],
    [2, 10, 0.01, 0.9, 745.62996835478, 0.02],
    [1.5, 1, 0.05, 0.8, 8.06030950441486, 0.15],
  ])('means delta %f sd %f (alpha %f, power %f)', (delta, sd, alpha, power, expected, tolerance) => {
    expect(Math.abs((meanSampleSize(delta, sd, alpha, power)?.exact ?? 0) - expected)).toBeLessThan(
      tolerance,
    );
  });
  it('has no sample size for a zero difference', () => {
    expect(proportionSampleSize(0.2, 0.2, 0.05, 0.8)).toBeNull();
    expect(meanSampleSize(0, 1, 0.05, 0.8)).toBeNull();
  });
});

describe('difference in differences against R lm + sandwich', () => {
  type Row = Record<'estimate' | 'stdError' | 't' | 'df' | 'p' | 'lower' | 'upper', number>;
  const reference = readJson<
    Record<string, { n: number } & Record<'classical' | 'hc1' | 'cluster_id' | 'cluster_team', Row>>
  >('test/fixtures/measure/did-r.json');
  // The scores R computed, so this test checks the comparison alone.
  const scores = readTable('test/fixtures/measure/survey-scores-r.csv');
  const did = (outcome: string, cluster?: string): DidResult => {
    const result = differenceInDifferences(scores, {
      outcome,
      group: 'circle',
      period: 'wave',
      alpha: 0.05,
      ...(cluster === undefined ? {} : { cluster }),
    });
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  const expectRow = (actual: DidResult['classical'], expected: Row) => {
    expect(actual.stdError).toBeCloseTo(expected.stdError, 12);
    expect(actual.t).toBeCloseTo(expected.t, 10);
    expect(actual.df).toBe(expected.df);
    expect(actual.p).toBeCloseTo(expected.p, 12);
    expect(actual.confidenceInterval[0]).toBeCloseTo(expected.lower, 10);
    expect(actual.confidenceInterval[1]).toBeCloseTo(expected.upper, 10);
  };
  it.each(['EC_mean', 'PD_mean'])('%s: the estimate and every SE', (outcome) => {
    const expected = reference[outcome];
    if (expected === undefined) throw new Error(outcome);
    const byPerson = did(outcome, 'id');
    expect(byPerson.n).toBe(expected.n);
    expect(byPerson.estimate).toBeCloseTo(expected.classical.estimate, 12);
    expect(byPerson.control).toBe('no');
    expect(byPerson.before).toBe('before');
    expectRow(byPerson.classical, expected.classical);
    expectRow(byPerson.hc1, expected.hc1);
    expectRow(byPerson.cluster as DidResult['classical'], expected.cluster_id);
    expectRow(did(outcome, 'team').cluster as DidResult['classical'], expected.cluster_team);
  });
  it('reads in plain words with the parallel-trends assumption', () => {
    const result = did('EC_mean', 'id');
    expect(result.reading).toMatch(
      /^Rows with circle = "yes" changed their EC_mean by 0\.24 more from "before" to "after" than those with "no" \(95% CI 0\.08 to 0\.39; p = 0\.003; SE clustered by id, 100 clusters\), assuming both groups would have followed parallel trends/,
    );
    expect(result.assumptions[0]).toMatch(/Parallel trends/);
  });
  it('uses the words it is given for who was treated and what the outcome is', () => {
    const result = differenceInDifferences(scores, {
      outcome: 'EC_mean',
      group: 'circle',
      period: 'wave',
      cluster: 'id',
      alpha: 0.05,
      wording: { treated: 'People who joined a circle', control: 'the others', outcome: 'empathic concern' },
    });
    expect(result.ok && result.value.reading).toMatch(
      /^People who joined a circle changed their empathic concern by 0\.24 more from "before" to "after" than the others \(95% CI/,
    );
  });
  it('equals the difference of the four cell means (a hand check of the interaction)', () => {
    const result = did('EC_mean');
    const mean = (group: string, period: string) =>
      result.cells.find((cell) => cell.group === group && cell.period === period)?.mean ?? Number.NaN;
    expect(result.estimate).toBeCloseTo(
      mean('yes', 'after') - mean('yes', 'before') - (mean('no', 'after') - mean('no', 'before')),
      12,
    );
    expect(result.cluster).toBeNull();
    expect(result.reported).toBe('classical');
  });
});

describe('comparison errors name the problem', () => {
  it.each([
    ['g,y\nA,1\nB,x\n', 'mean', /row 3, column "y": "x" is not a number/],
    ['g,y\nA,1\nB,maybe\n', 'proportion', /row 3, column "y": "maybe" is not 0\/1/],
    ['g,y\nA,1\nB,0\nC,1\n', 'proportion', /column "g" must have exactly two values, it has 3/],
    ['g,z\nA,1\n', 'proportion', /--outcome column "y" is not in the file/],
  ] as const)('%s', (csv, kind, message) => {
    const result = compareAb(tableFromCsv(csv), { group: 'g', outcome: 'y', kind, alpha: 0.05, power: 0.8 });
    expect(!result.ok && result.error).toMatch(message);
  });
  it('asks for rows in each group before and after', () => {
    const result = differenceInDifferences(tableFromCsv('t,p,y\n0,0,1\n0,1,2\n1,0,3\n1,0,4\n'), {
      outcome: 'y',
      group: 't',
      period: 'p',
      alpha: 0.05,
    });
    expect(!result.ok && result.error).toMatch(/no rows with t = "1" and p = "1"/);
  });
});
