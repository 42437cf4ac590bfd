/**
 * scoresTable: the scored sample survey as the table the comparisons read, the same text the CLI's
 * `scale score --format csv` writes (run in a child process) and the subscale means R computes.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SCALES,
  resolveColumns,
  scoreSurvey,
  scoringKey,
  type ScaleSpec,
} from '../../../model/measure';
import { scoresTable } from '../../../model/measure/scores-table';
import { ROOT, readRCsv, readTable } from './helpers';

const csvField = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('scoresTable', () => {
  const table = readTable('sample-data/measure/survey.csv');
  const keyed = scoringKey(BUILTIN_SCALES['iri'] as ScaleSpec);
  if (!keyed.ok) throw new Error(keyed.error);
  const columns = resolveColumns(table, keyed.value);
  if (!columns.ok) throw new Error(columns.error);
  const labels = ['id', 'team', 'wave', 'circle'];
  const scored = scoreSurvey(table, keyed.value, { columns: columns.value, labelColumns: labels });
  if (!scored.ok) throw new Error(scored.problems[0]?.message);
  const scores = scoresTable(scored.value, labels);

  it('has the subscale means R computes', () => {
    const expected = readRCsv('test/fixtures/measure/survey-scores-r.csv');
    expect(scores.rows).toHaveLength(expected.length);
    for (const subscale of ['PT', 'FS', 'EC', 'PD']) {
      const index = scores.columns.indexOf(`${subscale}_mean`);
      scores.rows.forEach((row, r) => {
        const want = expected[r]?.[`${subscale}_mean`] ?? '';
        const cell = row[index] ?? '';
        if (want === '' || want === 'NA') expect(cell).toBe('');
        else expect(Number(cell)).toBeCloseTo(Number(want), 12);
      });
    }
  });

  it('is the text `scale score --format csv` writes', () => {
    const child = spawnSync(
      'npx',
      [
        'tsx',
        'electron/cli/main.ts',
        'scale',
        'score',
        '--data',
        'sample-data/measure/survey.csv',
        '--scale',
        'iri',
        '--id',
        'id',
        '--keep',
        'team,wave,circle',
        '--format',
        'csv',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: ROOT } },
    );
    expect(child.stderr).toBe('');
    const text = [scores.columns, ...scores.rows].map((row) => row.map(csvField).join(',')).join('\n');
    expect(child.stdout).toBe(`${text}\n`);
  });
});
