/**
 * The Scales tab's view model (renderer/src/measure/scales): the sample survey scored as the tab scores it,
 * checked against R (test/fixtures/measure, reference.R) and, for one alpha, against Cronbach's formula written
 * out here; small groups hidden at the data set's minimum group size; an unreadable answer listed by row and
 * column and counted as missing; the QMEE refused until its reverse key is ticked.
 */
import { describe, expect, it } from 'vitest';
import type { MeasureDataset, SurveySettings } from '../../../../electron/api/contract';
import { analyzeSurvey, dropRaisesAlpha } from '../../../../renderer/src/measure/scales/survey-analysis';
import {
  defaultColumnOf,
  defaultSurveySettings,
  draftCustomSpec,
  itemColumns,
  keyOf,
  suggestScale,
  withItemColumn,
} from '../../../../renderer/src/measure/scales/survey-settings';
import { readJson, readRCsv, readTable } from '../../../model/measure/helpers';

const survey = readTable('sample-data/measure/survey.csv');
const privacy = {
  pseudonymized: false,
  idColumn: 'id',
  droppedColumns: [],
  keyKept: false,
  secretKept: false,
  individualConsent: false,
  minGroupSize: 5,
  note: '',
} satisfies MeasureDataset['privacy'];
const iri = defaultSurveySettings({ columns: survey.columns, privacy }, 'iri');

interface RReliability {
  readonly n: number;
  readonly alpha: number;
  readonly alphaIfDropped: Record<string, number>;
  readonly correctedItemTotal: Record<string, number>;
}

/** Cronbach (1951): k/(k-1) (1 - Σ var(item) / var(total)), sample variances; written out independently. */
function cronbach(rows: number[][]): number {
  const k = rows[0]?.length ?? 0;
  const variance = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  };
  let items = 0;
  for (let j = 0; j < k; j++) items += variance(rows.map((row) => row[j] ?? 0));
  return (k / (k - 1)) * (1 - items / variance(rows.map((row) => row.reduce((a, b) => a + b, 0))));
}

describe('the Scales tab scores a survey', () => {
  it('finds the IRI, the id, team and wave columns of the sample survey by their names', () => {
    expect(suggestScale(survey)).toBe('iri');
    expect(iri).toEqual({
      kind: 'survey',
      scale: 'iri',
      columns: {},
      idColumn: 'id',
      teamColumn: 'team',
      waveColumn: 'wave',
    });
  });

  it('gives the alphas, alpha if dropped and item-total r that R gives', () => {
    const analysis = analyzeSurvey(survey, iri, privacy);
    if (!analysis.ok) throw new Error(analysis.error);
    const reference = readJson<Record<string, RReliability>>(
      'test/fixtures/measure/survey-reliability-r.json',
    );
    for (const entry of analysis.value.reliability) {
      const r = reference[entry.subscale];
      if (r === undefined) throw new Error(`no R reference for ${entry.subscale}`);
      expect(entry.n).toBe(r.n);
      expect(entry.alpha).toBeCloseTo(r.alpha, 10);
      for (const item of entry.perItem) {
        expect(item.alphaIfDropped).toBeCloseTo(r.alphaIfDropped[`IRI${item.item}`] as number, 10);
        expect(item.correctedItemTotal).toBeCloseTo(r.correctedItemTotal[`IRI${item.item}`] as number, 10);
        expect(dropRaisesAlpha(entry.alpha, item.alphaIfDropped)).toBe(
          (r.alphaIfDropped[`IRI${item.item}`] as number) > r.alpha,
        );
      }
    }
  });

  it('agrees with Cronbach’s formula on the complete answers to perspective taking (3 and 15 reversed)', () => {
    const pt = ['3', '8', '11', '15', '21', '25', '28'];
    const rows = survey.rows
      .map((row) =>
        pt.map((item) => {
          const cell = row[survey.columns.indexOf(`IRI${item}`)] ?? '';
          if (cell.trim() === '') return Number.NaN;
          return item === '3' || item === '15' ? 4 - Number(cell) : Number(cell);
        }),
      )
      .filter((row) => row.every((value) => !Number.isNaN(value)));
    const analysis = analyzeSurvey(survey, iri, privacy);
    if (!analysis.ok) throw new Error(analysis.error);
    const ptEntry = analysis.value.reliability.find((entry) => entry.subscale === 'PT');
    expect(ptEntry?.n).toBe(rows.length);
    expect(ptEntry?.alpha).toBeCloseTo(cronbach(rows), 12);
  });

  it('summarizes each team in each wave as R does', () => {
    const analysis = analyzeSurvey(survey, iri, privacy);
    if (!analysis.ok) throw new Error(analysis.error);
    const groups = analysis.value.groups;
    expect(groups?.by).toEqual(['team', 'wave']);
    expect(groups?.hidden).toBe(0);
    expect(groups?.note).toBeNull();
    for (const row of readRCsv('test/fixtures/measure/survey-groups-r.csv')) {
      const group = groups?.kept.find(
        (kept) => kept.group['team'] === row['team'] && kept.group['wave'] === row['wave'],
      );
      expect(group?.subscales['EC']?.mean).toBeCloseTo(Number(row['EC']), 10);
      expect(group?.subscales['EC']?.sd).toBeCloseTo(Number(row['EC_sd']), 10);
      expect(group?.subscales['EC']?.n).toBe(Number(row['EC_n']));
      expect(group?.subscales['PD']?.mean).toBeCloseTo(Number(row['PD']), 10);
    }
    // Each team's waves together, teams and waves in the file's order.
    expect(groups?.kept.slice(0, 3).map((group) => [group.group['team'], group.group['wave']])).toEqual([
      ['Customer Care', 'before'],
      ['Customer Care', 'after'],
      ['Sales', 'before'],
    ]);
    // Before and after per team, in the file's order of waves.
    expect(analysis.value.waves).toEqual(['before', 'after']);
    const ec = analysis.value.change.find((change) => change.subscale === 'EC');
    expect(ec?.rows).toHaveLength(6);
  });

  it('hides the teams under the minimum group size, with the note saying so', () => {
    // Finance has 10 respondents in each wave; every other team has at least 14.
    const raised = analyzeSurvey(survey, iri, { minGroupSize: 11 });
    if (!raised.ok) throw new Error(raised.error);
    expect(raised.value.groups?.hidden).toBe(2);
    expect(raised.value.groups?.kept.some((group) => group.group['team'] === 'Finance')).toBe(false);
    expect(raised.value.groups?.note).toBe(
      '2 groups with fewer than 11 people are hidden, so no one in them can be singled out.',
    );
    const ec = raised.value.change.find((change) => change.subscale === 'EC');
    expect(ec?.rows.map((row) => row.team)).not.toContain('Finance');

    const byTeam = analyzeSurvey(survey, { ...iri, waveColumn: undefined } as SurveySettings, {
      minGroupSize: 21,
    });
    if (!byTeam.ok) throw new Error(byTeam.error);
    // Per team over both waves: Finance 20, everyone else at least 28.
    expect(byTeam.value.groups?.note).toBe(
      '1 team with fewer than 21 people is hidden, so no one in it can be singled out.',
    );
  });

  it('lists an answer that is not a number by row and column, and scores the rest with it counted as missing', () => {
    const column = survey.columns.indexOf('IRI8');
    const rows = survey.rows.map((row, index) =>
      index === 12 ? row.map((cell, at) => (at === column ? 'often' : cell)) : row,
    );
    const analysis = analyzeSurvey({ columns: survey.columns, rows }, iri, privacy);
    if (!analysis.ok) throw new Error(analysis.error);
    expect(analysis.value.problems).toEqual([
      expect.objectContaining({
        row: 14,
        column: 'IRI8',
        message: expect.stringContaining('row 14, column "IRI8"'),
      }),
    ]);
    const clean = analyzeSurvey(survey, iri, privacy);
    if (!clean.ok) throw new Error(clean.error);
    expect(analysis.value.survey.respondents).toHaveLength(200);
    // Row 14 loses one PT answer, so it drops out of PT's listwise alpha, if it was complete before.
    const ptBefore = clean.value.reliability.find((entry) => entry.subscale === 'PT')?.n ?? 0;
    const ptAfter = analysis.value.reliability.find((entry) => entry.subscale === 'PT')?.n ?? 0;
    expect(ptBefore - ptAfter).toBeLessThanOrEqual(1);
    expect(analysis.value.survey.respondents[12]?.scores['PT']?.missing).toBeGreaterThanOrEqual(1);
  });

  it('refuses the QMEE until its reverse-keyed items are ticked, and says why', () => {
    const qmee: SurveySettings = { kind: 'survey', scale: 'qmee', columns: {} };
    const refused = keyOf(qmee);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/tick its reverse-keyed items.*published source/);
    const ticked = keyOf({ ...qmee, reverse: ['4', '7'], range: [1, 9] });
    expect(ticked.ok && ticked.key.reverse).toEqual(['4', '7']);
    expect(ticked.ok && ticked.key.answers).toMatchObject({ min: 1, max: 9 });
  });

  it('names the items without a column, and keeps only a hand-made mapping that differs from the default', () => {
    const keyed = keyOf(iri);
    if (!keyed.ok) throw new Error(keyed.error);
    expect(defaultColumnOf(survey, keyed.key, '3')).toBe('IRI3');
    const moved = withItemColumn(iri, survey, keyed.key, '3', 'IRI4');
    expect(moved.columns).toEqual({ '3': 'IRI4' });
    expect(itemColumns(survey, keyed.key, moved)).toMatchObject({
      ok: false,
      error: expect.stringContaining('"IRI4"'),
    });
    expect(withItemColumn(moved, survey, keyed.key, '3', 'IRI3').columns).toEqual({});

    const withoutItem = { columns: survey.columns.filter((column) => column !== 'IRI5'), rows: [] };
    const analysis = analyzeSurvey(withoutItem, iri, privacy);
    expect(analysis).toMatchObject({ ok: false, error: expect.stringContaining('No column for item 5') });
  });

  it('drafts a custom scale from the numeric columns, which then scores', () => {
    const draft = draftCustomSpec(survey, ['id', 'team', 'wave']);
    expect(draft.items).toHaveLength(28);
    expect(draft.items).not.toContain('circle');
    expect(draft.answers).toEqual({ min: 0, max: 4 });
    const analysis = analyzeSurvey(survey, { ...iri, scale: 'custom', customSpec: draft }, privacy);
    expect(analysis.ok).toBe(true);
  });
});
