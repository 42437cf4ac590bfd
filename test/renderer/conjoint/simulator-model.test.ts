/**
 * The simulator's plumbing (layout rebuilt from the saved responses, vectors from the saved estimate) against R's
 * conjoint package on tea, through the whole app path: CSV import, worker estimation, JSON round trip. Laws:
 * shares add up to 1 for every rule, offers that never show a prohibited combination by default.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studySchema, type Study } from '../../../model/conjoint';
import type { ConjointEstimation, ConjointResponses } from '../../../electron/api/contract';
import { readResponses } from '../../../electron/services/conjoint-responses';
import { runEstimation, savedEstimation } from '../../../model/conjoint/estimation-run';
import {
  defaultProducts,
  methodOf,
  runSimulation,
  sharesCsv,
  showsProhibited,
  simulatorSource,
  type MethodKind,
  type Product,
} from '../../../renderer/src/conjoint/simulator/simulator-model';
import { teaExpected } from '../../model/conjoint/tea-fixture';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/conjoint');
const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/conjoint');
const text = (path: string) => readFileSync(path, 'utf8');

function estimated(study: Study, request: Parameters<typeof readResponses>[2], kind: 'ratings' | 'mnl') {
  const imported = readResponses(study, null, request, new Date(0));
  if (!imported.ok) throw new Error(imported.problems.map((problem) => problem.message).join('; '));
  const outcome = runEstimation({
    kind,
    study,
    responses: imported.responses,
    seed: 1,
    iterations: 2,
    burnIn: 1,
    appVersion: 'test',
    estimatedAt: new Date(0).toISOString(),
  });
  if (!outcome.ok) throw new Error(outcome.error);
  // As saved and read back: plain JSON.
  const estimation = JSON.parse(JSON.stringify(savedEstimation(outcome.result))) as ConjointEstimation;
  return { responses: imported.responses as ConjointResponses, estimation };
}

const TEA = studySchema.parse({
  name: 'Tea',
  attributes: [
    ...['price', 'variety', 'kind'].map((name) => ({ kind: 'categorical', name, levels: ['1', '2', '3'] })),
    { kind: 'categorical', name: 'aroma', levels: ['1', '2'] },
  ],
});
const tea = estimated(
  TEA,
  {
    format: 'ratings-long',
    csv: text(resolve(FIXTURES, 'tea_ratings_long.csv')),
    fileName: 'tea.csv',
    columns: { respondent: 'respondent', rating: 'rating' },
    attributeColumns: {},
  },
  'ratings',
);
const teaProducts: Product[] = text(resolve(FIXTURES, 'tea_simulation_profiles.csv'))
  .trim()
  .split('\n')
  .slice(1)
  .map((line, index) => ({
    key: String(index),
    name: `product ${index + 1}`,
    values: line
      .split(',')
      .slice(1)
      .map((cell) => Number(cell) - 1),
  }));

describe('the market simulator from a saved estimate', () => {
  const reading = simulatorSource(tea.responses, tea.estimation);
  if (!reading.ok) throw new Error(reading.error);
  const source = reading.source;

  it('uses each respondent’s part-worths and matches R’s conjoint on tea', () => {
    expect(source.basis).toBe('individual');
    expect(source.respondents).toHaveLength(100);
    const first = runSimulation(source, teaProducts, methodOf('first-choice', 1), false);
    first.meanUtility.forEach((value, index) =>
      expect(Math.abs(value - (teaExpected.simulation.mean_total_utility[index] ?? Number.NaN))).toBeLessThan(
        1e-8,
      ),
    );
    first.shares.forEach((share, index) =>
      expect(
        Math.abs(share * 100 - (teaExpected.simulation.first_choice_pct[index] ?? Number.NaN)),
      ).toBeLessThan(1e-8),
    );
    const logit = runSimulation(source, teaProducts, methodOf('share-of-preference', 1), false);
    logit.shares.forEach((share, index) =>
      expect(
        Math.abs(
          share * 100 -
            (teaExpected.simulation.share_of_preference_logit_pct_all_respondents[index] ?? Number.NaN),
        ),
      ).toBeLessThan(1e-8),
    );
  });

  it('refuses an estimate whose parameters do not fit the responses', () => {
    const broken = {
      ...tea.estimation,
      simulation: { ...tea.estimation.simulation, names: ['(Intercept)'] },
    };
    expect(simulatorSource(tea.responses, broken)).toEqual({
      ok: false,
      error: 'the estimate does not match the responses’ attributes; run it again',
    });
  });

  it('gives shares that add up to 1 under every rule, with and without None', () => {
    const study = studySchema.parse(JSON.parse(text(resolve(SAMPLE, 'study.json'))));
    const sample = estimated(
      study,
      {
        format: 'choices',
        csv: text(resolve(SAMPLE, 'choices.csv')),
        fileName: 'choices.csv',
        columns: { respondent: 'respondent', task: 'task', alternative: 'alternative', choice: 'chosen' },
        noneAlternative: 'none',
        attributeColumns: {},
      },
      'mnl',
    );
    const sampleReading = simulatorSource(sample.responses, sample.estimation);
    if (!sampleReading.ok) throw new Error(sampleReading.error);
    const mnl = sampleReading.source;
    expect(mnl.basis).toBe('aggregate');
    expect(mnl.hasNone).toBe(true);
    const products = defaultProducts(mnl.attributes, study);
    expect(products.some((product) => showsProhibited(study, mnl.attributes, product.values))).toBe(false);
    // Offer C would be a bot making a personal call: the default moves it to an allowed level.
    expect(showsProhibited(study, mnl.attributes, [2, 2, 1, 2, 15])).toBe(true);
    for (const method of [
      'share-of-preference',
      'first-choice',
      'randomized-first-choice',
      'btl',
    ] as MethodKind[])
      for (const none of [false, true])
        for (const exponent of [0, 0.5, 3]) {
          const result = runSimulation(mnl, products, methodOf(method, exponent), none);
          if (result.respondentsCounted === 0) continue;
          expect(result.names).toHaveLength(products.length + (none ? 1 : 0));
          expect(
            Math.abs(result.shares.reduce((sum, share) => sum + share, 0) - 1),
            `${method} ${none}`,
          ).toBeLessThan(1e-12);
        }
    const csv = sharesCsv(
      [['study', study.name]],
      mnl,
      products,
      runSimulation(mnl, products, methodOf('share-of-preference', 1), true),
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('# study: Empathetic service');
    expect(lines[1]).toBe(
      'alternative,reply_time,agent,follow_up,understood,price,share_percent,mean_utility',
    );
    expect(lines).toHaveLength(2 + products.length + 1);
    expect(lines.at(-1)).toMatch(/^None,,,,,,/);
  });
});
