/**
 * `scale score` through the real CLI in a child process (`npx tsx electron/cli/main.ts`): JSON and CSV on the
 * sample survey against R's scores and alpha (test/fixtures/measure), a custom spec with a column map, QMEE
 * refused without its reverse key, exit codes 0/1/2 with one-line errors naming the row and column, --out, --help.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './cli-support';

const ROOT = resolve(import.meta.dirname, '../../..');
const SURVEY = 'sample-data/measure/survey.csv';

const cli = (...args: string[]) => spawnCli(args);
/** `scale score` on DATA with the IRI key, then the other arguments. */
const scoreIri = (data: string, ...args: string[]) =>
  cli('scale', 'score', '--data', data, '--scale', 'iri', ...args);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as T;
/** A CSV's records by column name (the CLI's output, or R's reference). */
const csvRecords = (text: string) =>
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

interface ScoreJson {
  scale: { id: string; reverse: string[]; maxMissingShare: number };
  respondents: number;
  reliability: {
    subscale: string;
    n: number;
    alpha: number;
    perItem: { item: string; alphaIfDropped: number }[];
  }[];
  groups: { group: Record<string, string>; subscales: Record<string, { mean: number; n: number }> }[];
  scores: { row: number; labels: Record<string, string>; scores: Record<string, { mean: number | null }> }[];
}

describe('scale score', () => {
  it('scores the sample survey with the IRI key: alpha and team summaries as R gives them', () => {
    const child = scoreIri(SURVEY, '--team', 'team', '--wave', 'wave', '--id', 'id');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as ScoreJson;
    expect(result.scale.id).toBe('iri');
    expect(result.respondents).toBe(200);
    const expected = readJson<
      Record<string, { n: number; alpha: number; alphaIfDropped: Record<string, number> }>
    >('test/fixtures/measure/survey-reliability-r.json');
    for (const entry of result.reliability) {
      expect(entry.n).toBe(expected[entry.subscale]?.n);
      expect(entry.alpha).toBeCloseTo(expected[entry.subscale]?.alpha as number, 12);
      for (const item of entry.perItem)
        expect(item.alphaIfDropped).toBeCloseTo(
          expected[entry.subscale]?.alphaIfDropped[`IRI${item.item}`] as number,
          12,
        );
    }
    expect(result.groups).toHaveLength(12);
    const groups = csvRecords(
      readFileSync(resolve(ROOT, 'test/fixtures/measure/survey-groups-r.csv'), 'utf8'),
    );
    for (const row of groups) {
      const group = result.groups.find(
        (entry) => entry.group['team'] === row['team'] && entry.group['wave'] === row['wave'],
      );
      expect(group?.subscales['EC']?.mean).toBeCloseTo(Number(row['EC']), 12);
    }
  });

  it('writes one CSV row per respondent with the kept columns, to --out, matching R', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scale-score-'));
    const out = join(folder, 'scores.csv');
    const child = scoreIri(SURVEY, '--id', 'id', '--keep', 'wave,circle', '--format', 'csv', '--out', out);
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('');
    const rows = csvRecords(readFileSync(out, 'utf8'));
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'row',
      'id',
      'wave',
      'circle',
      'PT_mean',
      'PT_sum',
      'PT_missing',
      'FS_mean',
      'FS_sum',
      'FS_missing',
      'EC_mean',
      'EC_sum',
      'EC_missing',
      'PD_mean',
      'PD_sum',
      'PD_missing',
    ]);
    const expected = csvRecords(
      readFileSync(resolve(ROOT, 'test/fixtures/measure/survey-scores-r.csv'), 'utf8'),
    );
    rows.forEach((row, index) => {
      const reference = expected[index] ?? {};
      for (const column of ['PT_mean', 'PD_mean']) {
        if (reference[column] === '') expect(row[column]).toBe('');
        else expect(Number(row[column])).toBeCloseTo(Number(reference[column]), 12);
      }
    });
    // The scores feed compare did directly.
    const did = cli(
      'compare',
      'did',
      '--data',
      out,
      '--group',
      'circle',
      '--period',
      'wave',
      '--outcome',
      'EC_mean',
      '--cluster',
      'id',
    );
    expect(did.status).toBe(0);
    const reference = readJson<{ EC_mean: { cluster_id: { stdError: number; estimate: number } } }>(
      'test/fixtures/measure/did-r.json',
    );
    const result = JSON.parse(did.stdout) as { estimate: number; cluster: { stdError: number } };
    expect(result.estimate).toBeCloseTo(reference.EC_mean.cluster_id.estimate, 12);
    expect(result.cluster.stdError).toBeCloseTo(reference.EC_mean.cluster_id.stdError, 12);
  });

  it('scores a custom spec with a column map', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scale-score-'));
    writeFileSync(join(folder, 'survey.csv'), 'who,a,b,c,d,e\nx,4,2,5,4,1\ny,3,3,4,3,2\n');
    writeFileSync(join(folder, 'map.json'), JSON.stringify({ s1: 'a', s2: 'b', s3: 'c', s4: 'd', s5: 'e' }));
    const child = cli(
      'scale',
      'score',
      '--data',
      join(folder, 'survey.csv'),
      '--scale',
      'test/fixtures/measure/custom-small.spec.json',
      '--map',
      join(folder, 'map.json'),
      '--id',
      'who',
    );
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as ScoreJson;
    // x: 4, 6-2=4, 5, 4, 6-1=5 → 22/5 (as R's custom-small-r.json, first respondent).
    expect(result.scores[0]?.scores['all']?.mean).toBeCloseTo(4.4, 12);
  });

  it('scores the QMEE once its reverse key is given, on a 1-9 version', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scale-score-'));
    const header = Array.from({ length: 33 }, (_, index) => `QMEE${index + 1}`);
    // Every answer 9 except item 2 answered 1: with items 2 and 5 reverse-keyed (1 + 9 - x) the total is
    // 31 x 9 + 9 + 1 = 289, a mean of 289 / 33.
    const answers = header.map((_, index) => (index === 1 ? 1 : 9));
    writeFileSync(join(folder, 'qmee.csv'), `${header.join(',')}\n${answers.join(',')}\n`);
    const child = cli(
      'scale',
      'score',
      '--data',
      join(folder, 'qmee.csv'),
      '--scale',
      'qmee',
      '--reverse',
      '2,5',
      '--range',
      '1,9',
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as ScoreJson;
    expect(result.scale.reverse).toEqual(['2', '5']);
    expect(result.scores[0]?.scores['EE']?.mean).toBeCloseTo(289 / 33, 12);
  });

  it.each([
    [
      ['--scale', 'qmee'],
      1,
      /reverse key of Questionnaire Measure of Emotional Empathy is not shipped.*--reverse/,
    ],
    [
      ['--scale', 'iri', '--data', 'test/fixtures/measure/custom-small.csv'],
      1,
      /: custom-small\.csv: no column for items 1, 2, 3/,
    ],
    [['--scale', 'nope'], 2, /--scale must be iri, qmee or a SPEC.json file/],
    [['--scale', 'iri', '--bogus'], 2, /bogus/],
    [['--scale', 'iri', '--wave', 'wave'], 2, /--wave groups within teams/],
  ])('exits with a one-line error: %j', (args, code, message) => {
    const withData = args.includes('--data') ? args : ['--data', SURVEY, ...args];
    const child = cli('scale', 'score', ...withData);
    expect(child.status).toBe(code);
    expect(child.stdout).toBe('');
    // Bad input is one line; bad usage adds the usage line.
    expect(child.stderr.trim().split('\n')).toHaveLength(code === 1 ? 1 : 2);
    expect(child.stderr.split('\n')[0]).toMatch(message);
  });

  it('names the row and column of a bad answer', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scale-score-'));
    const lines = readFileSync(resolve(ROOT, SURVEY), 'utf8').split('\n');
    lines[3] = (lines[3] ?? '').replace(/,(\d)$/, ',9');
    writeFileSync(join(folder, 'bad.csv'), lines.join('\n'));
    const child = scoreIri(join(folder, 'bad.csv'));
    expect(child.status).toBe(1);
    expect(child.stderr).toMatch(
      /^empathy-workbench scale score: bad\.csv: row 4, column "IRI28": "9" is not an answer from 0 to 4 \(out of range\)\n$/,
    );
  });

  describe('minimum group size (issue 11, point 2)', () => {
    // The sample's first wave with three Finance people moved to a team of their own: seven teams, one of 3.
    const smallTeamSurvey = () => {
      const folder = mkdtempSync(join(tmpdir(), 'scale-score-'));
      const [header = '', ...rows] = readFileSync(resolve(ROOT, SURVEY), 'utf8').trim().split('\n');
      let moved = 0;
      const before = rows
        .filter((row) => row.split(',')[2] === 'before')
        .map((row) => {
          if (row.split(',')[1] !== 'Finance' || moved === 3) return row;
          moved++;
          return row.replace(',Finance,', ',Legal,');
        });
      const path = join(folder, 'survey.csv');
      writeFileSync(path, `${[header, ...before].join('\n')}\n`);
      const sizes = new Map<string, number>();
      for (const row of before) {
        const team = row.split(',')[1] ?? '';
        sizes.set(team, (sizes.get(team) ?? 0) + 1);
      }
      return { path, sizes };
    };
    type HiddenJson = ScoreJson & {
      minGroupSize: number;
      hiddenGroups: number;
      hiddenGroupsNote: string | null;
    };

    it('hides teams of fewer than 5 respondents by default, with how many and why', () => {
      const { path, sizes } = smallTeamSurvey();
      expect(sizes.get('Legal')).toBe(3);
      expect(sizes.get('Finance')).toBe(7);
      const child = scoreIri(path, '--team', 'team', '--id', 'id');
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      const result = JSON.parse(child.stdout) as HiddenJson;
      expect(result.minGroupSize).toBe(5);
      expect(result.groups.map((group) => group.group['team']).sort()).toEqual([
        'Customer Care',
        'Engineering',
        'Finance',
        'Operations',
        'People & Culture',
        'Sales',
      ]);
      expect(result.hiddenGroups).toBe(1);
      expect(result.hiddenGroupsNote).toBe(
        '1 team with fewer than 5 people is hidden, so no one in it can be singled out.',
      );
      // The three Legal respondents keep their scores but not their team, so its mean cannot be recomputed.
      expect(result.scores).toHaveLength(100);
      expect(result.scores.filter((entry) => entry.labels['team'] === 'Legal')).toHaveLength(0);
      expect(result.scores.filter((entry) => entry.labels['team'] === '')).toHaveLength(3);
    });

    it('takes another threshold, and says so in the CSV too', () => {
      const { path } = smallTeamSurvey();
      const json = scoreIri(path, '--team', 'team', '--min-group-size', '8');
      const result = JSON.parse(json.stdout) as HiddenJson;
      expect(result.groups.map((group) => group.group['team'])).not.toContain('Finance');
      expect(result.hiddenGroups).toBe(2);
      expect(result.hiddenGroupsNote).toBe(
        '2 teams with fewer than 8 people are hidden, so no one in them can be singled out.',
      );
      const three = JSON.parse(
        scoreIri(path, '--team', 'team', '--min-group-size', '3').stdout,
      ) as HiddenJson;
      expect(three.groups).toHaveLength(7);
      expect(three.hiddenGroups).toBe(0);
      expect(three.hiddenGroupsNote).toBeNull();

      const csv = scoreIri(path, '--team', 'team', '--format', 'csv');
      expect(csv.status).toBe(0);
      const rows = csvRecords(csv.stdout);
      expect(Object.keys(rows[0] ?? {}).slice(-2)).toEqual(['hidden_groups', 'hidden_groups_note']);
      expect(rows.every((row) => row['hidden_groups'] === '1')).toBe(true);
      expect(rows[0]?.['hidden_groups_note']).toMatch(/^1 team with fewer than 5 people is hidden/);
      expect(rows.filter((row) => row['team'] === 'Legal')).toHaveLength(0);
      expect(rows.filter((row) => row['team'] === '')).toHaveLength(3);
    });

    it('groups by team and wave with --wave', () => {
      const { path } = smallTeamSurvey();
      const child = scoreIri(path, '--team', 'team', '--wave', 'wave');
      const result = JSON.parse(child.stdout) as HiddenJson;
      expect(result.groups).toHaveLength(6);
      expect(result.hiddenGroupsNote).toBe(
        '1 group with fewer than 5 people is hidden, so no one in it can be singled out.',
      );
    });

    it.each([['2'], ['4.5'], ['many']])('refuses --min-group-size %s (exit 2, naming the flag)', (value) => {
      const child = scoreIri(SURVEY, '--team', 'team', '--min-group-size', value);
      expect(child.status).toBe(2);
      expect(child.stdout).toBe('');
      expect(child.stderr.split('\n')[0]).toMatch(/--min-group-size must be/);
    });
  });

  it('prints its usage with --help', () => {
    const child = cli('scale', 'score', '--help');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/--map/);
  });
});
