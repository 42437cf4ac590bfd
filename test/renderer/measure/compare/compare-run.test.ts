/**
 * The Compare tab's view model on the sample data: the A/B test of script-test.csv and the difference in
 * differences of the sample survey's scored empathic concern, against R (test/fixtures/measure, computed by R's
 * prop.test and sandwich) and counts taken by hand from the file; defaults, refusals under the minimum group size,
 * the HC1 reading, bad cells named by row and column, and the saved settings.
 */
import { describe, expect, it } from 'vitest';
import type { SurveySettings } from '../../../../electron/api/contract';
import {
  defaultAbChoices,
  defaultDidChoices,
  profileColumns,
  sameSettings,
  settingsOf,
} from '../../../../renderer/src/measure/compare/compare-choices';
import { comparisonTable } from '../../../../renderer/src/measure/compare/compare-source';
import { refusalText, runAb, runDid } from '../../../../renderer/src/measure/compare/compare-run';
import { readJson, readTable } from '../../../model/measure/helpers';
import type { DataTable } from '../../../../model/stats';
import { datasetOf } from '../dataset-of';

interface SeRow {
  estimate: number;
  stdError: number;
  df: number;
  p: number;
  lower: number;
  upper: number;
}

const IRI: SurveySettings = { kind: 'survey', scale: 'iri', columns: {} };

describe('A/B on the sample script test', () => {
  const table = readTable('sample-data/measure/script-test.csv');
  const profiles = profileColumns(table);
  const r = readJson<{
    proportion: { effect: number; p: number; lower: number; upper: number };
    mean: { df: number; p: number; lower: number };
  }>('test/fixtures/measure/script-test-r.json');

  it('chooses script as the variant (A the reference) and resolved as a proportion', () => {
    const choices = defaultAbChoices(profiles, [], null);
    expect(choices).toEqual({
      group: 'script',
      control: 'A',
      outcome: 'resolved',
      kind: 'proportion',
      alpha: 0.05,
    });
  });

  it('gives B about 14 points more resolved calls, as R prop.test and a count by hand', () => {
    const choices = defaultAbChoices(profiles, [], null);
    if (choices === null) throw new Error('no choices');
    const run = runAb(table, choices, 5);
    if (run.status !== 'done') throw new Error(run.status);
    const { result } = run;
    // By hand: the rows of each script and how many say "yes".
    const count = (script: string, resolved?: string) =>
      table.rows.filter((row) => row[1] === script && (resolved === undefined || row[2] === resolved)).length;
    expect(result.control.n).toBe(count('A'));
    expect(result.variant.n).toBe(count('B'));
    expect(result.control.estimate).toBeCloseTo(count('A', 'yes') / count('A'), 12);
    expect(result.effect).toBeCloseTo(r.proportion.effect, 12);
    expect(result.p).toBeCloseTo(r.proportion.p, 10);
    expect(result.confidenceInterval[0]).toBeCloseTo(r.proportion.lower, 10);
    expect(result.confidenceInterval[1]).toBeCloseTo(r.proportion.upper, 10);
    expect(result.reading).toMatch(
      /^Variant "B" succeeded in 76\.5% of 217 cases against 62\.3% of 183 for "A": 14\.2 points more/,
    );
  });

  it('compares satisfaction as a mean (Welch) as R t.test', () => {
    const run = runAb(
      table,
      { group: 'script', control: 'A', outcome: 'satisfaction', kind: 'mean', alpha: 0.05 },
      5,
    );
    if (run.status !== 'done') throw new Error(run.status);
    expect(run.result.df).toBeCloseTo(r.mean.df, 8);
    expect(run.result.p).toBeCloseTo(r.mean.p, 10);
    expect(run.result.confidenceInterval[0]).toBeCloseTo(r.mean.lower, 10);
  });

  it('refuses when a variant has fewer rows than the minimum group size, naming it', () => {
    const run = runAb(
      table,
      { group: 'script', control: 'A', outcome: 'resolved', kind: 'proportion', alpha: 0.05 },
      200,
    );
    expect(run.status).toBe('refused');
    if (run.status !== 'refused') return;
    expect(run.small).toEqual([{ label: 'script = A', n: 183 }]);
    expect(refusalText(run)).toContain('minimum group size is 200, and script = A has 183');
  });

  it('names the row and column of an outcome that is not yes/no', () => {
    const bad: DataTable = {
      columns: table.columns,
      rows: table.rows.map((row, i) => (i === 6 ? [row[0] ?? '', row[1] ?? '', 'maybe', row[3] ?? ''] : row)),
    };
    const run = runAb(
      bad,
      { group: 'script', control: 'A', outcome: 'resolved', kind: 'proportion', alpha: 0.05 },
      5,
    );
    expect(run).toEqual({
      status: 'problem',
      message: 'row 8, column "resolved": "maybe" is not 0/1, true/false or yes/no',
    });
  });
});

describe('difference in differences on the sample survey’s scores', () => {
  const survey = datasetOf('survey', readTable('sample-data/measure/survey.csv'), IRI);
  const r = readJson<{ EC_mean: { hc1: SeRow; cluster_id: SeRow } }>('test/fixtures/measure/did-r.json');

  it('scores the survey into the CLI’s shape, keeping the other columns as labels', () => {
    const source = comparisonTable(survey);
    if (!source.ok) throw new Error(source.error);
    expect(source.value.table.columns.slice(0, 5)).toEqual(['row', 'id', 'team', 'wave', 'circle']);
    expect(source.value.scoreColumns).toEqual(['PT_mean', 'FS_mean', 'EC_mean', 'PD_mean']);
    expect(source.value.table.rows).toHaveLength(200);
  });

  it('defaults to circle × wave with the SE clustered by id, and finds about 0.24 as R sandwich', () => {
    const source = comparisonTable(survey);
    if (!source.ok) throw new Error(source.error);
    const { table, scoreColumns } = source.value;
    const defaults = defaultDidChoices(profileColumns(table), scoreColumns, null, table.rows.length);
    expect(defaults).toMatchObject({
      group: 'circle',
      control: 'no',
      period: 'wave',
      before: 'before',
      cluster: 'id',
      se: 'cluster',
    });
    if (defaults === null) return;
    const run = runDid(table, { ...defaults, outcome: 'EC_mean' }, 5);
    if (run.status !== 'done') throw new Error(run.status === 'problem' ? run.message : 'refused');
    const expected = r.EC_mean.cluster_id;
    expect(run.result.result.estimate).toBeCloseTo(expected.estimate, 10);
    expect(run.result.row.stdError).toBeCloseTo(expected.stdError, 10);
    expect(run.result.row.df).toBe(expected.df);
    expect(run.result.row.p).toBeCloseTo(expected.p, 10);
    expect(run.result.reading).toContain('SE clustered by id, 100 clusters');
  });

  it('words the reading with the HC1 interval and p when HC1 is chosen', () => {
    const source = comparisonTable(survey);
    if (!source.ok) throw new Error(source.error);
    const run = runDid(
      source.value.table,
      {
        group: 'circle',
        control: 'no',
        period: 'wave',
        before: 'before',
        outcome: 'EC_mean',
        cluster: '',
        se: 'hc1',
        alpha: 0.05,
      },
      5,
    );
    if (run.status !== 'done') throw new Error(run.status);
    const expected = r.EC_mean.hc1;
    expect(run.result.row.stdError).toBeCloseTo(expected.stdError, 10);
    // R: CI -0.0754 to 0.5519, p = 0.1357.
    expect(run.result.reading).toContain('(95% CI -0.08 to 0.55; p = 0.136; HC1 robust SE)');
    expect(run.result.assumptions.join(' ')).not.toContain('--cluster');
  });

  it('asks for a cluster column before a clustered SE', () => {
    const source = comparisonTable(survey);
    if (!source.ok) throw new Error(source.error);
    const run = runDid(
      source.value.table,
      {
        group: 'circle',
        control: 'no',
        period: 'wave',
        before: 'before',
        outcome: 'EC_mean',
        cluster: '',
        se: 'cluster',
        alpha: 0.05,
      },
      5,
    );
    expect(run.status).toBe('problem');
  });

  it('refuses a cell smaller than the minimum group size', () => {
    const source = comparisonTable(survey);
    if (!source.ok) throw new Error(source.error);
    const table = source.value.table;
    const wave = table.columns.indexOf('wave');
    const circle = table.columns.indexOf('circle');
    const yesAfter = table.rows.filter((row) => row[wave] === 'after' && row[circle] === 'yes').length;
    const run = runDid(
      table,
      {
        group: 'circle',
        control: 'no',
        period: 'wave',
        before: 'before',
        outcome: 'EC_mean',
        cluster: 'id',
        se: 'cluster',
        alpha: 0.05,
      },
      yesAfter + 1,
    );
    expect(run.status).toBe('refused');
    if (run.status === 'refused')
      expect(run.small).toContainEqual({ label: 'circle = yes, wave = after', n: yesAfter });
  });

  it('scores a survey not yet set up in the Scales tab with the scale its columns match', () => {
    const unscored = datasetOf('survey', readTable('sample-data/measure/survey.csv'), null);
    const source = comparisonTable(unscored);
    if (!source.ok) throw new Error(source.error);
    expect(source.value.origin).toContain('No scale is chosen');
    expect(source.value.scoreColumns).toContain('EC_mean');
  });

  it('says why a survey without a usable key cannot be compared', () => {
    const qmee = datasetOf('survey', readTable('sample-data/measure/survey.csv'), {
      kind: 'survey',
      scale: 'qmee',
      columns: {},
    });
    const source = comparisonTable(qmee);
    expect(source.ok).toBe(false);
  });
});

describe('saved choices', () => {
  it('keeps the columns of the comparison on screen and tells a change from none', () => {
    const ab = {
      group: 'script',
      control: 'A',
      outcome: 'resolved',
      kind: 'proportion',
      alpha: 0.05,
    } as const;
    const saved = settingsOf('ab', ab, null);
    expect(saved).toEqual({
      comparison: 'ab',
      group: 'script',
      outcome: 'resolved',
      control: 'A',
      outcomeKind: 'proportion',
      alpha: 0.05,
    });
    expect(sameSettings(saved, { ...saved })).toBe(true);
    expect(sameSettings(saved, { ...saved, outcome: 'satisfaction' })).toBe(false);
    expect(sameSettings(null, saved)).toBe(false);
  });

  it('reopens with the saved columns', () => {
    const table = readTable('sample-data/measure/script-test.csv');
    const choices = defaultAbChoices(profileColumns(table), [], {
      comparison: 'ab',
      group: 'script',
      outcome: 'satisfaction',
    });
    expect(choices).toMatchObject({ outcome: 'satisfaction', kind: 'mean' });
  });

  it('reopens with the saved reference level, outcome kind, confidence and standard errors', () => {
    const table = readTable('sample-data/measure/script-test.csv');
    const profiles = profileColumns(table);
    const ab = defaultAbChoices(profiles, [], {
      comparison: 'ab',
      group: 'script',
      outcome: 'resolved',
      control: 'B',
      outcomeKind: 'mean',
      alpha: 0.01,
    });
    expect(ab).toMatchObject({ control: 'B', kind: 'mean', alpha: 0.01 });
    // A level the column no longer has, or a confidence the tab does not offer, falls back to the defaults.
    const stale = defaultAbChoices(profiles, [], {
      comparison: 'ab',
      group: 'script',
      outcome: 'resolved',
      control: 'C',
      alpha: 0.2,
    });
    expect(stale).toMatchObject({ control: 'A', kind: 'proportion', alpha: 0.05 });
    const survey = readTable('sample-data/measure/survey.csv');
    const did = defaultDidChoices(
      profileColumns(survey),
      [],
      { comparison: 'did', standardError: 'hc1', alpha: 0.1 },
      survey.rows.length,
    );
    expect(did).toMatchObject({ se: 'hc1', alpha: 0.1 });
  });
});
