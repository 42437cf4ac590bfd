/**
 * The app's estimation path end to end, from a CSV through the compact responses the workspace saves to what
 * the worker answers: against R's conjoint package on tea (ratings) and survival::clogit on Fishing (MNL and the
 * delta-method WTP), as the model's own tests are; HB is checked for what the worker adds (seeded, progress,
 * each respondent's vector for the simulator).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studySchema, type Study } from '../../../model/conjoint';
import type { ConjointResponses } from '../../../electron/api/contract';
import { readResponses } from '../../../electron/services/conjoint-responses';
import { runEstimation, savedEstimation, type EstimationSpec } from '../../../model/conjoint/estimation-run';
import { handleEstimation } from '../../../renderer/src/conjoint/estimation/estimation-session';
import { estimationSchema } from '../../../model/schema/conjoint-estimation';
import { fishingExpected, OUR_NAME } from '../../model/conjoint/fishing-fixture';
import { referenceName, teaExpected } from '../../model/conjoint/tea-fixture';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/conjoint');
const SAMPLE = resolve(import.meta.dirname, '../../../sample-data/conjoint');
const text = (path: string) => readFileSync(path, 'utf8');

function imported(study: Study, request: Parameters<typeof readResponses>[2]): ConjointResponses {
  const outcome = readResponses(study, null, request, new Date(0));
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
  return outcome.responses;
}

const spec = (kind: EstimationSpec['kind'], study: Study, responses: ConjointResponses): EstimationSpec => ({
  kind,
  study,
  responses,
  seed: 7,
  iterations: 40,
  burnIn: 20,
  appVersion: 'test',
  estimatedAt: new Date(0).toISOString(),
});

const TEA = studySchema.parse({
  name: 'Tea',
  attributes: ['price', 'variety', 'kind']
    .map((name) => ({ kind: 'categorical', name, levels: ['1', '2', '3'] }))
    .concat([{ kind: 'categorical', name: 'aroma', levels: ['1', '2'] }]),
});

const FISHING = studySchema.parse({
  name: 'Fishing',
  attributes: [
    { kind: 'categorical', name: 'alt', levels: ['beach', 'pier', 'boat', 'charter'] },
    { kind: 'numeric', name: 'price', levels: [0, 100] },
    { kind: 'numeric', name: 'catch', levels: [0, 1] },
  ],
  price: 'price',
});

/** The tea study's ratings (R conjoint's tea data), imported as the app imports a long ratings file. */
const teaRatings = () =>
  imported(TEA, {
    format: 'ratings-long',
    csv: text(resolve(FIXTURES, 'tea_ratings_long.csv')),
    fileName: 'tea.csv',
    columns: { respondent: 'respondent', rating: 'rating' },
    attributeColumns: {},
  });

describe('estimation in the worker', () => {
  it('ratings OLS on tea matches R conjoint, with WTP absent without a price', () => {
    const responses = teaRatings();
    const outcome = runEstimation(spec('ratings', TEA, responses));
    if (!outcome.ok) throw new Error(outcome.error);
    const { report } = outcome.result.estimation;
    for (const [name, row] of Object.entries(report.coefficients)) {
      const want = teaExpected.aggregate_ols.coefficients[referenceName(name)];
      if (want === undefined) continue;
      expect(Math.abs((row.estimate ?? Number.NaN) - want.estimate), name).toBeLessThan(1e-8);
      expect(Math.abs((row.stdError ?? Number.NaN) - want.std_error), name).toBeLessThan(1e-8);
    }
    expect(report.willingnessToPay).toBeUndefined();
    expect(outcome.result.simulation.respondents).toHaveLength(100);
    expect(outcome.result.simulation.individual).toHaveLength(100 * outcome.result.simulation.names.length);
    expect(estimationSchema.safeParse(savedEstimation(outcome.result)).success).toBe(true);
  });

  it('MNL on Fishing matches clogit, and its WTP for catch the delta-method reference', () => {
    const responses = imported(FISHING, {
      format: 'choices',
      csv: text(resolve(FIXTURES, 'fishing_long.csv')),
      fileName: 'fishing.csv',
      columns: { respondent: 'id', alternative: 'alt', choice: 'choice' },
      attributeColumns: {},
    });
    const outcome = runEstimation(spec('mnl', FISHING, responses));
    if (!outcome.ok) throw new Error(outcome.error);
    const { report, statistic } = outcome.result.estimation;
    expect(statistic).toBe('z');
    for (const [name, want] of Object.entries(fishingExpected.model_1.coefficients)) {
      const row = report.coefficients[OUR_NAME[name] ?? name];
      expect(Math.abs((row?.estimate ?? Number.NaN) - want.estimate), name).toBeLessThan(1e-6);
      expect(Math.abs((row?.stdError ?? Number.NaN) - want.std_error), name).toBeLessThan(1e-6);
    }
    const wtp = report.willingnessToPay?.find((entry) => entry.attribute === 'catch');
    expect(Math.abs((wtp?.value ?? Number.NaN) - fishingExpected.model_1.wtp_catch.value)).toBeLessThan(1e-4);
    expect(
      Math.abs((wtp?.stdError ?? Number.NaN) - fishingExpected.model_1.wtp_catch.delta_method_se),
    ).toBeLessThan(1e-4);
    expect(Array.from(outcome.result.simulation.aggregate)).toEqual(
      outcome.result.simulation.names.map((name) => report.coefficients[name]?.estimate),
    );
  });

  it('HB on the sample: seeded, with progress and every respondent’s vector', () => {
    const study = studySchema.parse(JSON.parse(text(resolve(SAMPLE, 'study.json'))));
    const responses = imported(study, {
      format: 'choices',
      csv: text(resolve(SAMPLE, 'choices.csv')),
      fileName: 'choices.csv',
      columns: { respondent: 'respondent', task: 'task', alternative: 'alternative', choice: 'chosen' },
      noneAlternative: 'none',
      attributeColumns: {},
    });
    const progress: number[] = [];
    const first = handleEstimation({ id: 3, spec: spec('hb', study, responses) }, (message) => {
      if (message.kind === 'progress') progress.push(message.done);
    });
    const second = handleEstimation({ id: 4, spec: spec('hb', study, responses) }, () => undefined);
    if (first.response.kind !== 'result' || second.response.kind !== 'result') throw new Error('HB failed');
    expect(first.response.id).toBe(3);
    expect(progress.at(-1)).toBe(40);
    expect(progress.length).toBeGreaterThan(10);
    expect(first.transfer).toHaveLength(2);
    const { estimation, simulation } = first.response.result;
    expect(estimation).toMatchObject({ kind: 'hb', seed: 7, options: { iterations: 40, burnIn: 20 } });
    expect(estimation.report.importances.perRespondentAverage?.label).toBe(
      'Average of each respondent’s importances',
    );
    expect(estimation.report.willingnessToPay?.length).toBe(7);
    expect(simulation.respondents).toHaveLength(200);
    expect(simulation.individual.every(Number.isFinite)).toBe(true);
    expect(Array.from(second.response.result.simulation.individual)).toEqual(
      Array.from(simulation.individual),
    );
  });

  it('answers a wrong kind of data or impossible HB settings as an error, not a throw', () => {
    const responses = teaRatings();
    expect(runEstimation(spec('mnl', TEA, responses))).toEqual({
      ok: false,
      error: 'a choice model needs choices; the study holds ratings',
    });
    const answer = handleEstimation(
      { id: 1, spec: { ...spec('hb', TEA, responses), burnIn: 40 } },
      () => undefined,
    );
    expect(answer.response.kind).toBe('failed');
  });
});
