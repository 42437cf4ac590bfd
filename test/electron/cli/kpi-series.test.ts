/**
 * `kpi series` through the real CLI in a child process: the sample KPIs per quarter, NPS computed from the raw
 * answers (checked against the answers counted here), initiatives as markers, and a bad cell named by row and
 * column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './cli-support';

const ROOT = resolve(import.meta.dirname, '../../..');

const cli = (...args: string[]) => spawnCli(args);

describe('kpi series', () => {
  it('aggregates the sample KPIs per quarter with NPS from the answers and the initiatives as markers', () => {
    const child = cli(
      'kpi',
      'series',
      '--data',
      'sample-data/measure/kpi.csv',
      '--nps',
      'sample-data/measure/nps-answers.csv',
      '--initiatives',
      'sample-data/measure/initiatives.csv',
      '--period',
      'quarter',
      '--unit',
      'Sales',
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as {
      lines: {
        kpi: { name: string };
        unit: string;
        points: { period: string; value: number; count: number }[];
      }[];
      markers: { label: string; period: string }[];
    };
    const nps = result.lines.find((line) => line.kpi.name === 'nps');
    // The first quarter's NPS from its 90 answers, computed here from the file.
    const answers = readFileSync(resolve(ROOT, 'sample-data/measure/nps-answers.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter(([date, unit]) => unit === 'Sales' && (date ?? '') < '2024-10-01')
      .map(([, , answer]) => Number(answer));
    const expected =
      ((answers.filter((a) => a >= 9).length - answers.filter((a) => a <= 6).length) / answers.length) * 100;
    expect(answers).toHaveLength(90);
    expect(nps?.points[0]).toEqual({ period: '2024-Q3', value: expected, count: 1 });
    expect(result.lines.every((line) => line.unit === 'Sales')).toBe(true);
    expect(result.markers.find((marker) => marker.label === 'Peer-support circles start')?.period).toBe(
      '2025-Q1',
    );
  });

  describe('minimum group size (issue 11, point 2)', () => {
    // The sample KPIs with an n column: Finance's figures stand for 4 people, every other team's for 12.
    const withN = () => {
      const folder = mkdtempSync(join(tmpdir(), 'kpi-series-'));
      const [header, ...rows] = readFileSync(resolve(ROOT, 'sample-data/measure/kpi.csv'), 'utf8')
        .trim()
        .split('\n');
      const path = join(folder, 'kpi.csv');
      writeFileSync(
        path,
        `${[`${header},n`, ...rows.map((row) => `${row},${row.split(',')[1] === 'Finance' ? 4 : 12}`)].join('\n')}\n`,
      );
      return { path, rows: rows.map((row) => row.split(',')) };
    };
    interface SeriesJson {
      lines: { kpi: { name: string }; unit: string; points: { period: string; value: number }[] }[];
      minGroupSize?: number;
      hiddenGroups?: number;
      hiddenGroupsNote?: string | null;
    }

    it('hides a unit of fewer people than the threshold, from its lines and from "(all)"', () => {
      const { path, rows } = withN();
      const child = cli('kpi', 'series', '--data', path, '--period', 'quarter', '--all-units');
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      const result = JSON.parse(child.stdout) as SeriesJson;
      expect(result.lines.some((line) => line.unit === 'Finance')).toBe(false);
      expect(result.minGroupSize).toBe(5);
      expect(result.hiddenGroups).toBe(1);
      expect(result.hiddenGroupsNote).toBe(
        '1 unit with fewer than 5 people is hidden, so no one in it can be singled out.',
      );
      // "(all)" engagement in 2026-Q2: the mean of the other teams' monthly values, computed here.
      const others = rows
        .filter(([date = '', unit, kpi]) => kpi === 'engagement' && unit !== 'Finance' && date >= '2026-04')
        .map(([, , , value]) => Number(value));
      expect(others).toHaveLength(15);
      const all = result.lines.find((line) => line.unit === '(all)' && line.kpi.name === 'engagement');
      expect(all?.points.at(-1)?.period).toBe('2026-Q2');
      expect(all?.points.at(-1)?.value).toBeCloseTo(others.reduce((a, b) => a + b, 0) / others.length, 12);

      const three = JSON.parse(
        cli('kpi', 'series', '--data', path, '--min-group-size', '3').stdout,
      ) as SeriesJson;
      expect(three.lines.some((line) => line.unit === 'Finance')).toBe(true);
      expect(three).toMatchObject({ minGroupSize: 3, hiddenGroups: 0, hiddenGroupsNote: null });

      const csv = cli('kpi', 'series', '--data', path, '--format', 'csv');
      const [head, first] = csv.stdout.split('\n');
      expect(head).toBe('kpi,unit,period,value,count,hidden_groups,hidden_groups_note');
      expect(first).toMatch(
        /,1,"1 unit with fewer than 5 people is hidden, so no one in it can be singled out\."$/,
      );
      expect(csv.stdout).not.toMatch(/Finance/);
    });

    it('keeps its outputs as they were without an n column, and refuses a threshold below 3', () => {
      const json = JSON.parse(
        cli('kpi', 'series', '--data', 'sample-data/measure/kpi.csv').stdout,
      ) as SeriesJson;
      expect(Object.keys(json)).not.toContain('hiddenGroups');
      expect(json.lines.some((line) => line.unit === 'Finance')).toBe(true);
      const csv = cli('kpi', 'series', '--data', 'sample-data/measure/kpi.csv', '--format', 'csv');
      expect(csv.stdout.split('\n')[0]).toBe('kpi,unit,period,value,count');
      const refused = cli('kpi', 'series', '--data', 'sample-data/measure/kpi.csv', '--min-group-size', '2');
      expect(refused.status).toBe(2);
      expect(refused.stderr.split('\n')[0]).toMatch(/--min-group-size must be a whole number of at least 3/);
    });
  });

  it('names the row and column of a bad KPI value', () => {
    const folder = mkdtempSync(join(tmpdir(), 'compare-'));
    writeFileSync(join(folder, 'kpi.csv'), 'date,team,kpi,value\n2025-01-01,A,nps,10\n2025-13-01,A,nps,12\n');
    const child = cli('kpi', 'series', '--data', join(folder, 'kpi.csv'));
    expect(child.status).toBe(1);
    expect(child.stderr).toBe(
      'empathy-workbench kpi series: kpi.csv: row 3, column "date": "2025-13-01" is not a date written YYYY-MM-DD\n',
    );
  });

  it('names the row and column of a bad n, as the import does, and counts the others', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpi-series-'));
    // Row 2's n is empty and row 3's NA (sizes not given, as the import accepts them); rows 4 and 5 are bad.
    writeFileSync(
      join(folder, 'kpi.csv'),
      'date,team,kpi,value,n\n2025-01-01,A,nps,10,\n2025-02-01,A,nps,11,NA\n2025-03-01,A,nps,12,2.5\n2025-04-01,A,nps,9,-1\n',
    );
    const child = cli('kpi', 'series', '--data', join(folder, 'kpi.csv'));
    expect(child.status).toBe(1);
    expect(child.stderr).toBe(
      'empathy-workbench kpi series: kpi.csv: row 4, column "n": "2.5" is not a number of people (a whole number from 0) (and 1 more problem)\n',
    );
  });
});
