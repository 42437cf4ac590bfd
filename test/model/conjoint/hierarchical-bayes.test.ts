/**
 * Hierarchical Bayes MNL against bayesm 3.1.5's rhierMnlRwMixture (R 4.2.2; test/fixtures/conjoint/hb_bayesm.R)
 * on choices simulated from known part-worths (150 respondents x 15 tasks x 3 alternatives;
 * hb_simulated_true_betas.csv): the posterior mean of the population mean, the population SDs and every
 * respondent's posterior mean agree within Monte Carlo error; the part-worths recovered are close to the true
 * ones. Also: same seed, same draws; progress reported; cancel honoured between iterations.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceSetsFromData,
  createHbSampler,
  importChoicesLong,
  parameterLayout,
  runHierarchicalBayes,
  studySchema,
  type ChoiceSets,
  type HbResult,
} from '../../../model/conjoint';
import { readFixtureJson, readFixtureTable } from '../stats/fixture-table';

const expected = readFixtureJson('conjoint/hb_bayesm_expected.json') as {
  names: string[];
  mu_mean: number[];
  mu_posterior_sd: number[];
  mu_mean_chain_difference: number[];
  sigma_sqrt_diag_mean: number[];
  sigma_sqrt_diag_chain_difference: number[];
};

const study = studySchema.parse({
  name: 'hb fixture',
  attributes: [
    { kind: 'categorical', name: 'a', levels: ['a1', 'a2', 'a3'] },
    { kind: 'categorical', name: 'b', levels: ['b1', 'b2', 'b3'] },
    { kind: 'numeric', name: 'price', levels: [1, 2, 3] },
  ],
  price: 'price',
});

function simulatedSets(): ChoiceSets {
  const data = importChoicesLong(readFixtureTable('conjoint/hb_simulated_choices.csv'), {
    respondent: 'respondent',
    task: 'task',
    alternative: 'alternative',
    choice: 'chosen',
    attributes: ['a', 'b', 'price'],
    study,
  });
  if (!data.ok) throw new Error(data.problems.map((problem) => problem.message).join('; '));
  return choiceSetsFromData(data.value, parameterLayout(data.value.attributes, { coding: 'dummy' }));
}

/** Row-major respondents x k matrix from a CSV whose first column is the respondent. */
function readMatrix(path: string): { names: string[]; values: number[][] } {
  const table = readFixtureTable(path);
  return { names: table.columns.slice(1), values: table.rows.map((row) => row.slice(1).map(Number)) };
}

function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((x[i] as number) - mx) * ((y[i] as number) - my);
    sxx += ((x[i] as number) - mx) ** 2;
    syy += ((y[i] as number) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('hierarchical Bayes MNL (bayesm rhierMnlRwMixture)', () => {
  const sets = simulatedSets();
  const run = runHierarchicalBayes(sets, { iterations: 8000, burnIn: 3000, seed: 1 });
  if (!run.ok) throw new Error(run.error);
  const hb: HbResult = run.value;
  const k = sets.k;
  const column = (matrix: ArrayLike<number>, p: number) =>
    Array.from({ length: sets.respondents.length }, (_, r) => matrix[r * k + p] as number);

  it('names the parameters as bayesm was given them', () => {
    expect(hb.names).toEqual(expected.names);
    expect(hb.status).toBe('done');
    expect(hb.keptDraws).toBe(500);
    // bayesm's random-walk scale aims at acceptance rates of roughly 20-40% (Rossi et al. 2005, section 5.5).
    expect(hb.acceptanceRate).toBeGreaterThan(0.15);
    expect(hb.acceptanceRate).toBeLessThan(0.5);
  });

  it('posterior mean of the population mean within Monte Carlo error of bayesm', () => {
    hb.names.forEach((name, p) => {
      const tolerance =
        (expected.mu_posterior_sd[p] as number) + Math.abs(expected.mu_mean_chain_difference[p] as number);
      expect(
        Math.abs((hb.populationMean.mean[p] as number) - (expected.mu_mean[p] as number)),
        name,
      ).toBeLessThan(tolerance);
      // Posterior SDs agree too (within a third: both are estimated from autocorrelated draws).
      expect(
        Math.abs((hb.populationMean.sd[p] as number) / (expected.mu_posterior_sd[p] as number) - 1),
        name,
      ).toBeLessThan(1 / 3);
    });
  });

  it('population standard deviations (sqrt diag Sigma) within 15% of bayesm', () => {
    hb.names.forEach((name, p) => {
      const ours = Math.sqrt(hb.populationCovariance[p * k + p] as number);
      expect(Math.abs(ours / (expected.sigma_sqrt_diag_mean[p] as number) - 1), name).toBeLessThan(0.15);
    });
  });

  it("every respondent's posterior mean tracks bayesm's (correlation > 0.95 per parameter)", () => {
    const bayesm = readMatrix('conjoint/hb_bayesm_individual_means.csv');
    expect(bayesm.names).toEqual(hb.names);
    hb.names.forEach((name, p) => {
      expect(
        correlation(
          column(hb.individualMeans, p),
          bayesm.values.map((row) => row[p] as number),
        ),
        name,
      ).toBeGreaterThan(0.95);
    });
  });

  it('recovers the true part-worths: population means near the truth, individuals correlated with theirs', () => {
    const truth = readMatrix('conjoint/hb_simulated_true_betas.csv');
    // Drawn from N((1, 0.5, -0.5, 0.8, -1), diag(0.6, 0.6, 0.6, 0.6, 0.4)^2); compare with the 150 drawn.
    hb.names.forEach((name, p) => {
      const trueValues = truth.values.map((row) => row[p] as number);
      const realizedMean = trueValues.reduce((a, b) => a + b, 0) / trueValues.length;
      expect(Math.sign(hb.populationMean.mean[p] as number), name).toBe(Math.sign(realizedMean));
      expect(Math.abs((hb.populationMean.mean[p] as number) - realizedMean), name).toBeLessThan(0.25);
      // 15 choices among 3 per respondent pin down 5 part-worths only roughly (bayesm reaches 0.55-0.63).
      expect(correlation(column(hb.individualMeans, p), trueValues), name).toBeGreaterThan(0.5);
    });
  });
});

describe('hierarchical Bayes: seed, progress, cancel', () => {
  const sets = simulatedSets();

  it('the same seed gives the same draws; another seed does not', () => {
    const once = runHierarchicalBayes(sets, { iterations: 60, burnIn: 20, thin: 1, seed: 42 });
    const twice = runHierarchicalBayes(sets, { iterations: 60, burnIn: 20, thin: 1, seed: 42 });
    const other = runHierarchicalBayes(sets, { iterations: 60, burnIn: 20, thin: 1, seed: 43 });
    if (!once.ok || !twice.ok || !other.ok) throw new Error('HB failed');
    expect(Array.from(twice.value.individualMeans)).toEqual(Array.from(once.value.individualMeans));
    expect(Array.from(other.value.individualMeans)).not.toEqual(Array.from(once.value.individualMeans));
  });

  it('reports progress, ending at the total', () => {
    const seen: number[] = [];
    const run = runHierarchicalBayes(
      sets,
      { iterations: 50, seed: 1 },
      { progressEvery: 10, onProgress: (done, total) => seen.push(done / total) },
    );
    expect(run.ok).toBe(true);
    expect(seen).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('stops between iterations when cancelled, with what it has', () => {
    let checks = 0;
    const run = runHierarchicalBayes(
      sets,
      { iterations: 1000, burnIn: 10, thin: 1, seed: 1 },
      { isCancelled: () => ++checks > 30 },
    );
    if (!run.ok) throw new Error(run.error);
    expect(run.value.status).toBe('cancelled');
    expect(run.value.iterations).toBe(30);
    expect(run.value.keptDraws).toBe(20);
  });

  it('steps under the caller’s control (for a worker that yields between chunks)', () => {
    const sampler = createHbSampler(sets, { iterations: 25, seed: 1 });
    if (!sampler.ok) throw new Error(sampler.error);
    sampler.value.advance(10);
    expect(sampler.value.done).toBe(10);
    sampler.value.advance(100);
    expect(sampler.value.done).toBe(25);
  });

  it('column scales of 1 change nothing; other scales come back in the original units', () => {
    const plain = runHierarchicalBayes(sets, { iterations: 40, burnIn: 10, thin: 1, seed: 5 });
    const ones = runHierarchicalBayes(sets, {
      iterations: 40,
      burnIn: 10,
      thin: 1,
      seed: 5,
      columnScales: [1, 1, 1, 1, 1],
    });
    if (!plain.ok || !ones.ok) throw new Error('HB failed');
    expect(Array.from(ones.value.individualMeans)).toEqual(Array.from(plain.value.individualMeans));
    // Price (1..3) sampled per range 2: the price coefficient is reported per unit, near the unscaled run's.
    const scaled = runHierarchicalBayes(sets, { iterations: 1500, seed: 5, columnScales: [1, 1, 1, 1, 2] });
    if (!scaled.ok) throw new Error(scaled.error);
    expect(
      Math.abs((scaled.value.populationMean.mean[4] as number) - (expected.mu_mean[4] as number)),
    ).toBeLessThan(0.2);
    expect(createHbSampler(sets, { iterations: 10, seed: 1, columnScales: [1, 1, 0, 1, 1] }).ok).toBe(false);
  });

  it('needs two respondents', () => {
    const one = { ...sets, respondents: ['1'], respondentStart: Int32Array.from([0, sets.chosen.length]) };
    expect(createHbSampler(one, { iterations: 10, seed: 1 }).ok).toBe(false);
  });
});
