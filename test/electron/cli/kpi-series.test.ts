/**
 * `kpi series` through the real CLI in a child process: the sample KPIs per quarter, NPS computed from the raw
 * answers (checked against the answers counted here), initiatives as markers, and a bad cell named by row and
 * column.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'electron/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: ROOT },
  });

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

  it('names the row and column of a bad KPI value', () => {
    const folder = mkdtempSync(join(tmpdir(), 'compare-'));
    writeFileSync(join(folder, 'kpi.csv'), 'date,team,kpi,value\n2025-01-01,A,nps,10\n2025-13-01,A,nps,12\n');
    const child = cli('kpi', 'series', '--data', join(folder, 'kpi.csv'));
    expect(child.status).toBe(1);
    expect(child.stderr).toBe(
      'empathy-workbench kpi series: kpi.csv: row 3, column "date": "2025-13-01" is not a date written YYYY-MM-DD\n',
    );
  });
});
