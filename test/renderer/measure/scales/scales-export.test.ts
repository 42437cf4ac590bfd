/**
 * The Scales tab's exports and words: per-respondent scores only with consent (else per team, small groups left
 * out and said so), the stamp that lets a reader reproduce the file, what the file holds about names; and no
 * judgement word about people in any sentence the tab shows (issue 11, point 3).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCALES, scoringKey } from '../../../../model/measure';
import { judgementWordsIn } from '../../../../model/privacy';
import type { MeasurePrivacy } from '../../../../electron/api/contract';
import { analyzeSurvey, type SurveyAnalysis } from '../../../../renderer/src/measure/scales/survey-analysis';
import {
  RELIABILITY_EXPORT_FORMAT,
  SCORES_EXPORT_FORMAT,
  namesStatement,
  reliabilityCsv,
  scoresCsv,
  type ExportContext,
} from '../../../../renderer/src/measure/scales/scales-export';
import * as words from '../../../../renderer/src/measure/scales/scales-words';
import { defaultSurveySettings, keyOf } from '../../../../renderer/src/measure/scales/survey-settings';
import { ROOT, readRCsv, readTable } from '../../../model/measure/helpers';

const survey = readTable('sample-data/measure/survey.csv');
const basePrivacy: MeasurePrivacy = {
  pseudonymized: false,
  idColumn: 'id',
  droppedColumns: [],
  keyKept: false,
  secretKept: false,
  individualConsent: false,
  minGroupSize: 11,
  note: '',
};

function analyze(privacy: MeasurePrivacy): SurveyAnalysis {
  const settings = defaultSurveySettings({ columns: survey.columns, privacy }, 'iri');
  const analysis = analyzeSurvey(survey, settings, privacy);
  if (!analysis.ok) throw new Error(analysis.error);
  return analysis.value;
}

const context = (privacy: MeasurePrivacy): ExportContext => ({
  dataset: { name: 'Staff survey 2026', fileName: 'survey.csv', privacy },
  tableHash: 'ab'.repeat(32),
  appVersion: '0.1.0',
  exportedAt: '2026-11-26T02:00:00.000Z',
});

/** The `# key: value` stamp lines and the table under them. */
function read(text: string) {
  const lines = text.split('\n');
  const stamp = Object.fromEntries(
    lines
      .filter((line) => line.startsWith('# '))
      .map((line) => {
        const at = line.indexOf(': ');
        return [line.slice(2, at), line.slice(at + 2)];
      }),
  );
  const body = lines.filter((line) => !line.startsWith('# ')).join('\n');
  const rows = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
  return { stamp, rows };
}

describe('Scales exports', () => {
  it('without consent, exports one row per team and wave, leaves small groups out and says so', () => {
    const file = scoresCsv(context(basePrivacy), analyze(basePrivacy));
    const { stamp, rows } = read(file.text);
    expect(file.fileName).toBe('Staff-survey-2026-team-scores.csv');
    expect(stamp['format']).toBe(SCORES_EXPORT_FORMAT);
    expect(stamp['table_sha256']).toBe('ab'.repeat(32));
    expect(stamp['app_version']).toBe('0.1.0');
    expect(stamp['exported_at']).toBe('2026-11-26T02:00:00.000Z');
    expect(stamp['reverse_keyed']).toBe('3 4 7 12 13 14 15 18 19');
    expect(stamp['names']).toBe('no person ids or names: team figures only');
    expect(stamp['small_groups']).toBe(
      '2 groups with fewer than 11 people are hidden, so no one in them can be singled out.',
    );
    // 6 teams x 2 waves, less Finance's two groups of 10.
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row['team'])).not.toContain('Finance');
    expect(Object.keys(rows[0] ?? {})).not.toContain('id');
    const care = rows.find((row) => row['team'] === 'Customer Care' && row['wave'] === 'after');
    expect(Number(care?.['respondents'])).toBe(22);
    // survey-groups-r.csv (R): Customer Care after, EC mean 2.76731601731602, SD 0.567538336525643.
    expect(Number(care?.['EC_mean'])).toBeCloseTo(2.76731601731602, 12);
    expect(Number(care?.['EC_sd'])).toBeCloseTo(0.567538336525643, 12);
  });

  it('with consent, exports one row per respondent, the CLI’s columns, and says whether names are real', () => {
    const consent = { ...basePrivacy, individualConsent: true };
    const { stamp, rows } = read(scoresCsv(context(consent), analyze(consent)).text);
    expect(rows).toHaveLength(200);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'row',
      'id',
      'team',
      'wave',
      ...['PT', 'FS', 'EC', 'PD'].flatMap((id) => [`${id}_mean`, `${id}_sum`, `${id}_missing`]),
    ]);
    expect(rows[0]?.['id']).toBe('p001');
    // Every respondent's subscale means as R's (survey-scores-r.csv), an unscored one as an empty cell.
    const reference = readRCsv('test/fixtures/measure/survey-scores-r.csv');
    expect(reference).toHaveLength(200);
    reference.forEach((expected, index) => {
      for (const id of ['PT', 'FS', 'EC', 'PD']) {
        const cell = rows[index]?.[`${id}_mean`];
        if (expected[`${id}_mean`] === '') expect(cell).toBe('');
        else expect(Number(cell)).toBeCloseTo(Number(expected[`${id}_mean`]), 12);
      }
    });
    expect(stamp['names']).toMatch(/^real names possible/);
    const pseudonymized = { ...consent, pseudonymized: true };
    expect(read(scoresCsv(context(pseudonymized), analyze(pseudonymized)).text).stamp['names']).toMatch(
      /^pseudonyms only/,
    );
    expect(namesStatement({ pseudonymized: false, idColumn: null }, ['team'], true)).toMatch(/no person ids/);
  });

  it('exports the reliability table, one row per item with its subscale’s alpha and n', () => {
    const { stamp, rows } = read(reliabilityCsv(context(basePrivacy), analyze(basePrivacy)).text);
    expect(stamp['format']).toBe(RELIABILITY_EXPORT_FORMAT);
    expect(rows).toHaveLength(28);
    const pt = rows.filter((row) => row['subscale'] === 'PT');
    expect(pt).toHaveLength(7);
    // survey-reliability-r.json (R): PT alpha 0.740336575500121 on n = 183.
    expect(Number(pt[0]?.['alpha'])).toBeCloseTo(0.740336575500121, 12);
    expect(pt[0]?.['n']).toBe('183');
    expect(
      pt.every((row) => row['dropping_raises_alpha'] === 'no' || row['dropping_raises_alpha'] === 'yes'),
    ).toBe(true);
  });
});

describe('Scales words', () => {
  it('never use a judgement word about people', () => {
    const iri = keyOf({ kind: 'survey', scale: 'iri', columns: {} });
    if (!iri.ok) throw new Error(iri.error);
    const custom = scoringKey({
      ...(BUILTIN_SCALES['iri'] as NonNullable<(typeof BUILTIN_SCALES)['iri']>),
      maxMissingShare: 0.5,
    });
    if (!custom.ok) throw new Error(custom.error);
    const qmee = keyOf({ kind: 'survey', scale: 'qmee', columns: {} });
    const constants = Object.values(words as Record<string, unknown>).filter(
      (value): value is string => typeof value === 'string',
    );
    const texts: string[] = [
      ...constants,
      words.missingRuleWords(iri.key),
      words.missingRuleWords(custom.value),
      words.scoredWords(200, 200),
      words.scoredWords(200, 180),
      qmee.ok ? '' : qmee.error,
      ...[true, false].flatMap((respondents) =>
        [true, false].map((pseudonymized) =>
          namesStatement({ pseudonymized, idColumn: 'id' }, ['id'], respondents),
        ),
      ),
    ];
    expect(texts.length).toBeGreaterThan(12);
    for (const text of texts) expect(judgementWordsIn(text), text).toEqual([]);
  });

  it('in the tab’s components never use one either (their text nodes and sentences)', () => {
    const folder = resolve(ROOT, 'renderer/src/measure/scales');
    const sentences: string[] = [];
    for (const file of readdirSync(folder).filter((name) => /\.tsx?$/.test(name))) {
      const source = readFileSync(resolve(folder, file), 'utf8');
      // JSX text between tags, and quoted text with a space in it (a sentence, not an identifier).
      for (const match of source.matchAll(/>([^<>{}]*[A-Za-z][^<>{}]*)</g))
        if (!/[;=]/.test(match[1] ?? '')) sentences.push(match[1] ?? ''); // not code between type arguments
      for (const match of source.matchAll(/(['`])([^'`\n]* [^'`\n]*)\1/g))
        sentences.push((match[2] ?? '').replace(/\$\{[^}]*\}/g, ''));
    }
    expect(sentences.length).toBeGreaterThan(40);
    for (const sentence of sentences) expect(judgementWordsIn(sentence), sentence).toEqual([]);
  });

  it('say the missing-answer rule in numbers a reader can check', () => {
    const iri = keyOf({ kind: 'survey', scale: 'iri', columns: {} });
    if (!iri.ok) throw new Error(iri.error);
    // 20% of 7 items is 1.4: one unanswered item is allowed.
    expect(words.missingRuleWords(iri.key)).toMatch(
      /at most 20% of its items are unanswered \(1 of 7 items\)/,
    );
  });
});
