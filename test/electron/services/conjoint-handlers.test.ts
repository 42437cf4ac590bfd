import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studySchema, type Study } from '../../../model/conjoint';
import type { ResponseImportAnswer } from '../../../electron/api/parts/conjoint.contract';
import { dispatch } from '../../../electron/api/dispatch';
import type { ConjointStudyRecord } from '../../../model/schema/conjoint-document';
import type { ConjointEstimation } from '../../../model/schema/conjoint-estimation';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/conjoint');
const fixture = (file: string) => readFileSync(resolve(FIXTURES, file), 'utf8');

/** The tea study of R's conjoint package, its levels written as the fixture writes them (1, 2, 3). */
const TEA: Study = studySchema.parse({
  name: 'Tea',
  attributes: [
    { kind: 'categorical', name: 'price', levels: ['1', '2', '3'] },
    { kind: 'categorical', name: 'variety', levels: ['1', '2', '3'] },
    { kind: 'categorical', name: 'kind', levels: ['1', '2', '3'] },
    { kind: 'categorical', name: 'aroma', levels: ['1', '2'] },
  ],
});

function setUp() {
  const workspace = openWorkspace({ dataDir: tempDataDir() });
  const handlers = createHandlers({ workspace, host: 'test' });
  const project = workspace.projects.create({ name: 'Care' });
  const run = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const attempt = (operation: string, input: unknown) => dispatch(handlers, operation, input);
  return { workspace, project, run, attempt };
}

describe('conjoint operations', () => {
  it('creates a study from the starter template and lists it', async () => {
    const { workspace, project, run } = setUp();
    const created = await run<ConjointStudyRecord>('conjoint.create', {
      projectId: project.id,
      name: 'Care desk',
    });
    expect(created.document.study.name).toBe('Care desk');
    expect(created.document.study.price).toBe('price');
    const list = await run<readonly { name: string }[]>('conjoint.list', { projectId: project.id });
    expect(list.map((entry) => entry.name)).toEqual(['Care desk']);
    const renamed = await run<ConjointStudyRecord>('conjoint.rename', { id: created.id, name: 'Help desk' });
    expect([renamed.name, renamed.document.study.name]).toEqual(['Help desk', 'Help desk']);
    workspace.close();
  });

  it('generates a full factorial and a D-optimal fraction with their D-efficiency', async () => {
    const { workspace, project, run, attempt } = setUp();
    const tea = await run<ConjointStudyRecord>('conjoint.create', {
      projectId: project.id,
      name: 'Tea',
      study: TEA,
    });
    const full = await run<ConjointStudyRecord>('conjoint.generateDesign', {
      id: tea.id,
      design: { kind: 'full-factorial' },
    });
    expect(full.document.design).toMatchObject({ kind: 'profiles', method: 'full-factorial' });
    expect(full.document.design?.kind === 'profiles' && full.document.design.profiles).toHaveLength(54);
    expect(full.document.design?.dEfficiency).toBeCloseTo(100, 9);
    const fraction = await run<ConjointStudyRecord>('conjoint.generateDesign', {
      id: tea.id,
      design: { kind: 'd-optimal', runs: 18, seed: 3 },
    });
    const design = fraction.document.design;
    expect(design?.kind === 'profiles' && design.profiles).toHaveLength(18);
    expect(design?.dEfficiency).toBeGreaterThan(90);
    const tooFew = await attempt('conjoint.generateDesign', {
      id: tea.id,
      design: { kind: 'd-optimal', runs: 5 },
    });
    expect(tooFew).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!tooFew.ok && tooFew.error.message).toMatch(/needs at least 8 runs/);
    workspace.close();
  });

  it('generates choice tasks with None, reporting D-efficiency and D-error', async () => {
    const { workspace, project, run } = setUp();
    const study = await run<ConjointStudyRecord>('conjoint.create', { projectId: project.id, name: 'Care' });
    const saved = await run<ConjointStudyRecord>('conjoint.generateDesign', {
      id: study.id,
      design: {
        kind: 'choice',
        method: 'balanced-overlap',
        versions: 4,
        tasks: 6,
        alternatives: 3,
        none: true,
      },
    });
    const design = saved.document.design;
    if (design?.kind !== 'choice') throw new Error('no choice design');
    expect(design.versions).toHaveLength(4);
    expect(design.versions[0]).toHaveLength(6);
    expect(design.none).toBe(true);
    expect(design.dEfficiency).toBeGreaterThan(0);
    expect(design.dError).toBeGreaterThan(0);
    workspace.close();
  });

  it('imports long ratings under another column name, and retires estimates on new data', async () => {
    const { workspace, project, run } = setUp();
    const tea = await run<ConjointStudyRecord>('conjoint.create', {
      projectId: project.id,
      name: 'Tea',
      study: TEA,
    });
    const csv = fixture('tea_ratings_long.csv').replace('"aroma"', '"smell"');
    const answer = await run<ResponseImportAnswer>('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-long',
      csv,
      fileName: 'tea.csv',
      columns: { respondent: 'respondent', rating: 'rating' },
      attributeColumns: { aroma: 'smell' },
    });
    if (answer.status !== 'imported') throw new Error(JSON.stringify(answer));
    const responses = answer.study.document.responses;
    if (responses?.kind !== 'ratings') throw new Error('no ratings');
    expect(responses.respondents).toHaveLength(100);
    expect(responses.observations.rating).toHaveLength(1300);
    expect(responses.attributes.map((attribute) => attribute.name)).toEqual([
      'price',
      'variety',
      'kind',
      'aroma',
    ]);
    expect(responses.source).toMatchObject({ fileName: 'tea.csv', rows: 1300 });
    expect(responses.source.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(responses.source.mapping).toMatchObject({ rating: 'rating', aroma: 'smell' });
    workspace.close();
  });

  it('imports wide ratings against the study design', async () => {
    const { workspace, project, run } = setUp();
    const tea = await run<ConjointStudyRecord>('conjoint.create', {
      projectId: project.id,
      name: 'Tea',
      study: TEA,
    });
    const answer = await run<ResponseImportAnswer>('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-wide',
      csv: fixture('tea_ratings_wide.csv'),
      columns: { respondent: 'respondent' },
      profilesCsv: fixture('tea_profiles.csv'),
    });
    if (answer.status !== 'imported') throw new Error(JSON.stringify(answer));
    const responses = answer.study.document.responses;
    expect(responses?.kind === 'ratings' && responses.format).toBe('wide');
    expect(responses?.kind === 'ratings' && responses.observations.rating).toHaveLength(1300);
    const noDesign = await run<ResponseImportAnswer>('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-wide',
      csv: fixture('tea_ratings_wide.csv'),
      columns: { respondent: 'respondent' },
    });
    expect(noDesign.status === 'rejected' && noDesign.problems[0]?.message).toMatch(
      /generate the study’s profile design first/,
    );
    workspace.close();
  });

  it('rejects a file with a wrong column as a whole, naming the column, and keeps what was saved', async () => {
    const { workspace, project, run } = setUp();
    const tea = await run<ConjointStudyRecord>('conjoint.create', {
      projectId: project.id,
      name: 'Tea',
      study: TEA,
    });
    const good = await run<ResponseImportAnswer>('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-long',
      csv: fixture('tea_ratings_long.csv'),
      columns: { respondent: 'respondent', rating: 'rating' },
    });
    if (good.status !== 'imported') throw new Error('the good file was refused');
    const missingColumn = await run<ResponseImportAnswer>('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-long',
      csv: fixture('tea_ratings_long.csv').replace('"variety"', '"varieties"'),
      columns: { respondent: 'respondent', rating: 'rating' },
    });
    expect(missingColumn.status).toBe('rejected');
    expect(missingColumn.status === 'rejected' && missingColumn.problems[0]).toMatchObject({
      column: 'variety',
      message: expect.stringMatching(/there is no attribute column "variety"/),
    });
    const badCell = await run<ResponseImportAnswer>('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-long',
      csv: fixture('tea_ratings_long.csv').replace('1,1,8,3,1,1,1', '1,1,eight,3,1,1,1'),
      columns: { respondent: 'respondent', rating: 'rating' },
    });
    expect(badCell.status === 'rejected' && badCell.problems[0]).toMatchObject({
      row: 2,
      column: 'rating',
      message: 'row 2, column "rating": "eight" is not a number (ratings must be numeric)',
    });
    const after = await run<ConjointStudyRecord>('conjoint.get', { id: tea.id });
    expect(after).toEqual(good.study);
    workspace.close();
  });

  it('asks before an edit drops the design, keeps indexed data through a relabel', async () => {
    const { workspace, project, run, attempt } = setUp();
    const tea = await run<ConjointStudyRecord>('conjoint.create', {
      projectId: project.id,
      name: 'Tea',
      study: TEA,
    });
    await run('conjoint.generateDesign', { id: tea.id, design: { kind: 'full-factorial' } });
    await run('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-long',
      csv: fixture('tea_ratings_long.csv'),
      columns: { respondent: 'respondent', rating: 'rating' },
    });
    const relabelled = await run<ConjointStudyRecord>('conjoint.save', {
      id: tea.id,
      study: {
        ...TEA,
        attributes: TEA.attributes.map((attribute, a) =>
          a === 0 ? { kind: 'categorical', name: 'price', levels: ['low', 'medium', 'high'] } : attribute,
        ),
      },
    });
    const responses = relabelled.document.responses;
    expect(responses?.attributes[0]).toEqual({
      kind: 'categorical',
      name: 'price',
      levels: ['low', 'medium', 'high'],
    });
    expect(relabelled.document.design).not.toBeNull();

    const fewer = { ...TEA, attributes: TEA.attributes.slice(0, 3) };
    const refused = await attempt('conjoint.save', { id: tea.id, study: fewer });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/drops the design and the responses/);
    const confirmed = await run<ConjointStudyRecord>('conjoint.save', {
      id: tea.id,
      study: fewer,
      discard: true,
    });
    expect(confirmed.document.design).toBeNull();
    expect(confirmed.document.responses).toBeNull();
    workspace.close();
  });

  it('saves an estimate only for the data it was made from', async () => {
    const { workspace, project, run, attempt } = setUp();
    const tea = await run<ConjointStudyRecord>('conjoint.create', {
      projectId: project.id,
      name: 'Tea',
      study: TEA,
    });
    const imported = await run<ResponseImportAnswer>('conjoint.importResponses', {
      id: tea.id,
      format: 'ratings-long',
      csv: fixture('tea_ratings_long.csv'),
      columns: { respondent: 'respondent', rating: 'rating' },
    });
    if (imported.status !== 'imported' || imported.study.document.responses === null)
      throw new Error('refused');
    const estimation: ConjointEstimation = {
      kind: 'ratings',
      estimatedAt: new Date(0).toISOString(),
      appVersion: 'test',
      dataHash: imported.study.document.responses.source.dataHash,
      seed: null,
      options: {},
      statistic: 't',
      report: {
        coding: 'effects',
        coefficients: { '(Intercept)': { estimate: 3.5, stdError: 0.1, t: 35, p: 0 } },
        n: 1300,
        respondents: 100,
        partWorths: { aroma: { '1': 0.5, '2': -0.5 } },
        importances: {
          aggregatePartWorths: { label: 'From the aggregate part-worths', percent: { aroma: 100 } },
        },
      },
      simulation: {
        coding: 'effects',
        intercept: true,
        names: ['(Intercept)'],
        aggregate: [3.5],
        respondents: [],
        individual: [],
      },
    };
    const saved = await run<ConjointStudyRecord>('conjoint.saveEstimation', { id: tea.id, estimation });
    expect(saved.document.estimations.ratings?.report.n).toBe(1300);
    const stale = await attempt('conjoint.saveEstimation', {
      id: tea.id,
      estimation: { ...estimation, dataHash: '0'.repeat(64) },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const wrongKind = await attempt('conjoint.saveEstimation', {
      id: tea.id,
      estimation: { ...estimation, kind: 'mnl' },
    });
    expect(!wrongKind.ok && wrongKind.error.message).toMatch(/needs choices data/);
    const broken = await attempt('conjoint.saveEstimation', {
      id: tea.id,
      estimation: { ...estimation, simulation: { ...estimation.simulation, aggregate: [] } },
    });
    expect(!broken.ok && broken.error.message).toMatch(/simulation\.aggregate/);
    workspace.close();
  });
});
