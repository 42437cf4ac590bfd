/**
 * Scoring and reliability against R (test/fixtures/measure/reference.R, base R formulas: reverse keying, prorated
 * means, Cronbach's alpha on complete cases, alpha if dropped, corrected item-total r) on a small custom scale and
 * on the sample survey, plus a respondent worked by hand and the errors a bad file gets.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SCALES,
  cronbachAlpha,
  parseScaleSpec,
  resolveColumns,
  reverseScore,
  scoreSurvey,
  scoringKey,
  subscaleReliability,
  summarizeGroups,
  type ScoringKey,
} from '../../../model/measure';
import type { DataTable } from '../../../model/stats';
import { readJson, readRCsv, readTable, tableFromCsv } from './helpers';

function key(spec: unknown): ScoringKey {
  const parsed = parseScaleSpec(spec);
  if (!parsed.ok) throw new Error(parsed.error);
  const keyed = scoringKey(parsed.value);
  if (!keyed.ok) throw new Error(keyed.error);
  return keyed.value;
}

function score(table: DataTable, scoring: ScoringKey, labels: string[] = []) {
  const columns = resolveColumns(table, scoring);
  if (!columns.ok) throw new Error(columns.error);
  const scored = scoreSurvey(table, scoring, { columns: columns.value, labelColumns: labels });
  if (!scored.ok) throw new Error(scored.problems.map((problem) => problem.message).join('; '));
  return scored.value;
}

interface ReliabilityR {
  n: number;
  alpha: number;
  alphaIfDropped: Record<string, number>;
  correctedItemTotal: Record<string, number>;
}

function expectReliability(
  actual: ReturnType<typeof subscaleReliability>[number],
  expected: ReliabilityR,
  prefix = '',
) {
  expect(actual.n).toBe(expected.n);
  expect(actual.alpha).toBeCloseTo(expected.alpha, 12);
  for (const entry of actual.perItem) {
    expect(entry.alphaIfDropped, entry.item).toBeCloseTo(
      expected.alphaIfDropped[`${prefix}${entry.item}`] as number,
      12,
    );
    expect(entry.correctedItemTotal, entry.item).toBeCloseTo(
      expected.correctedItemTotal[`${prefix}${entry.item}`] as number,
      12,
    );
  }
}

const IRI = (() => {
  const iri = BUILTIN_SCALES['iri'];
  const keyed = iri === undefined ? null : scoringKey(iri);
  if (keyed === null || !keyed.ok) throw new Error('no IRI');
  return keyed.value;
})();

describe('a respondent worked by hand (IRI)', () => {
  // Every answer 1, except item 3 (PT, reverse-keyed) answered 0 and item 8 (PT) missing.
  const answers = Array.from({ length: 28 }, (_, index) =>
    index + 1 === 3 ? '0' : index + 1 === 8 ? '' : '1',
  );
  const table = tableFromCsv(
    `${Array.from({ length: 28 }, (_, index) => `IRI${index + 1}`).join(',')}\n${answers.join(',')}\n`,
  );
  const [respondent] = score(table, IRI).respondents;
  it('reverse-keys on 0-4 as 4 - x and prorates one missing item of seven', () => {
    // PT: items 3 (4 - 0 = 4), 11, 15 (reverse: 4 - 1 = 3), 21, 25, 28 (1 each) → (4 + 3 + 4) / 6.
    expect(respondent?.scores['PT']).toEqual({ mean: 11 / 6, sum: (11 / 6) * 7, answered: 6, missing: 1 });
    // EC: 2, 9, 20, 22 (1) and 4, 14, 18 reversed (3) → 13 / 7.
    expect(respondent?.scores['EC']?.sum).toBeCloseTo(13, 12);
  });
  it('leaves a subscale unscored with 2 of 7 items missing (over 20%)', () => {
    const two = tableFromCsv(
      table.columns.join(',') +
        '\n' +
        answers.map((cell, index) => (index + 1 === 11 ? '' : cell)).join(',') +
        '\n',
    );
    expect(score(two, IRI).respondents[0]?.scores['PT']).toEqual({
      mean: null,
      sum: null,
      answered: 5,
      missing: 2,
    });
  });
});

describe('the small custom scale against R', () => {
  const spec = readJson<unknown>('test/fixtures/measure/custom-small.spec.json');
  const expected = readJson<Record<string, { reliability: ReliabilityR; mean: (number | null)[] }>>(
    'test/fixtures/measure/custom-small-r.json',
  );
  const survey = score(readTable('test/fixtures/measure/custom-small.csv'), key(spec), ['team']);
  it('gives every respondent the scores R gives (null where too many are missing)', () => {
    for (const subscale of ['all', 'core']) {
      const means = survey.respondents.map((respondent) => respondent.scores[subscale]?.mean ?? null);
      expect(means.map((value) => (value === null ? null : Number(value.toFixed(12))))).toEqual(
        expected[subscale]?.mean.map((value) => (value === null ? null : Number(value.toFixed(12)))),
      );
    }
  });
  it('gives alpha, alpha if dropped and corrected item-total r as R on complete cases', () => {
    const reliability = subscaleReliability(survey);
    expectReliability(reliability[0] as never, expected['all']?.reliability as ReliabilityR);
    expectReliability(reliability[1] as never, expected['core']?.reliability as ReliabilityR);
  });
});

describe('the sample survey against R', () => {
  const survey = score(readTable('sample-data/measure/survey.csv'), IRI, ['id', 'team', 'wave']);
  it('scores all 200 responses as R does', () => {
    const expected = readRCsv('test/fixtures/measure/survey-scores-r.csv');
    expect(survey.respondents).toHaveLength(expected.length);
    survey.respondents.forEach((respondent, index) => {
      const row = expected[index] as Record<string, string>;
      expect(respondent.labels['id']).toBe(row['id']);
      for (const subscale of ['PT', 'FS', 'EC', 'PD']) {
        const cell = row[`${subscale}_mean`] ?? '';
        const mean = respondent.scores[subscale]?.mean ?? null;
        if (cell === '') expect(mean, `${row['id']} ${subscale}`).toBeNull();
        else expect(mean, `${row['id']} ${subscale}`).toBeCloseTo(Number(cell), 12);
      }
    });
  });
  it('gives each subscale the alpha R gives on complete cases', () => {
    const expected = readJson<Record<string, ReliabilityR>>(
      'test/fixtures/measure/survey-reliability-r.json',
    );
    for (const entry of subscaleReliability(survey))
      expectReliability(entry, expected[entry.subscale] as ReliabilityR, 'IRI');
  });
  it('summarizes each team in each wave as R does', () => {
    const groups = summarizeGroups(survey.respondents, ['PT', 'FS', 'EC', 'PD'], ['team', 'wave']);
    const expected = readRCsv('test/fixtures/measure/survey-groups-r.csv');
    expect(groups).toHaveLength(12);
    for (const row of expected) {
      const group = groups.find(
        (entry) => entry.group['team'] === row['team'] && entry.group['wave'] === row['wave'],
      );
      for (const subscale of ['PT', 'FS', 'EC', 'PD'])
        expect(group?.subscales[subscale]?.mean).toBeCloseTo(Number(row[subscale]), 12);
      expect(group?.subscales['EC']?.sd).toBeCloseTo(Number(row['EC_sd']), 12);
      expect(group?.subscales['EC']?.n).toBe(Number(row['EC_n']));
    }
  });
});

describe('bad input', () => {
  const scoring = key(readJson<unknown>('test/fixtures/measure/custom-small.spec.json'));
  it('names the row and column of an answer outside the range, or not a number', () => {
    const table = tableFromCsv('s1,s2,s3,s4,s5\n1,2,3,4,5\n1,2,7,4,5\n1,x,3,4,5\n');
    const columns = resolveColumns(table, scoring);
    if (!columns.ok) throw new Error(columns.error);
    const scored = scoreSurvey(table, scoring, { columns: columns.value });
    expect(scored.ok).toBe(false);
    if (!scored.ok)
      expect(scored.problems.map((problem) => [problem.row, problem.column, problem.message])).toEqual([
        [3, 's3', 'row 3, column "s3": "7" is not an answer from 1 to 5 (out of range)'],
        [4, 's2', 'row 4, column "s2": "x" is not an answer from 1 to 5'],
      ]);
  });
  it('names the items no column was found for, and a map to a column that is not there', () => {
    const table = tableFromCsv('s1,s2,Q3\n1,2,3\n');
    const missing = resolveColumns(table, scoring);
    expect(!missing.ok && missing.error).toMatch(/no columns? for items s3, s4, s5/);
    const wrong = resolveColumns(table, scoring, { s3: 'nope' });
    expect(!wrong.ok && wrong.error).toMatch(/item "s3" in column "nope", which is not in the file/);
  });
  it('matches columns named by the scale id or "item"/"Q" and a number, ignoring case and separators', () => {
    const table = tableFromCsv(
      `${Array.from({ length: 28 }, (_, index) => (index % 2 === 0 ? `iri_${index + 1}` : `Q${index + 1}`)).join(',')}\n`,
    );
    const columns = resolveColumns(table, IRI);
    expect(columns.ok && columns.value['1']).toBe('iri_1');
    expect(columns.ok && columns.value['2']).toBe('Q2');
  });
});

describe('laws of alpha', () => {
  const rows = [
    [1, 2, 2],
    [3, 3, 4],
    [2, 2, 3],
    [4, 3, 4],
    [0, 1, 1],
  ];
  it('is 1 for identical items', () => {
    expect(cronbachAlpha(rows.map(([a]) => [a as number, a as number, a as number]))).toBeCloseTo(1, 12);
  });
  it('does not change when a constant is added to an item', () => {
    const shifted = rows.map(([a, b, c]) => [(a as number) + 5, b as number, c as number]);
    expect(cronbachAlpha(shifted)).toBeCloseTo(cronbachAlpha(rows) as number, 12);
  });
  it('is undefined for fewer than two items or respondents, or a total that does not vary', () => {
    expect(cronbachAlpha(rows.map(([a]) => [a as number]))).toBeNull();
    expect(cronbachAlpha([[1, 2, 3]])).toBeNull();
    expect(
      cronbachAlpha([
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
    ).toBeNull();
  });
  it('reverse keying twice gives the answer back', () => {
    for (let answer = -4; answer <= 4; answer++)
      expect(reverseScore(reverseScore(answer, -4, 4), -4, 4)).toBe(answer);
  });
});
