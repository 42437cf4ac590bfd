/**
 * `compare ab` and `compare did` through the real CLI in a child process, against R (test/fixtures/measure:
 * prop.test, t.test, power.prop.test, lm + sandwich), with the exit codes and one-line errors of every command.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './cli-support';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPTS = 'sample-data/measure/script-test.csv';

const cli = (...args: string[]) => spawnCli(args);
const r = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/measure/script-test-r.json'), 'utf8')) as {
  proportion: Record<string, number>;
  mean: Record<string, number>;
};

describe('compare ab', () => {
  it('tests a proportion as R prop.test, with the Wald interval and power.prop.test sample size', () => {
    const child = cli('compare', 'ab', '--data', SCRIPTS, '--group', 'script', '--outcome', 'resolved');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as {
      kind: string;
      effect: number;
      p: number;
      confidenceInterval: [number, number];
      sampleSize: { perGroup: number; exact: number };
      reading: string;
      assumptions: string[];
    };
    expect(result.kind).toBe('proportion');
    expect(result.effect).toBeCloseTo(r.proportion['effect'] as number, 12);
    expect(result.p).toBeCloseTo(r.proportion['p'] as number, 12);
    expect(result.confidenceInterval[0]).toBeCloseTo(r.proportion['lower'] as number, 10);
    expect(result.sampleSize.exact).toBeCloseTo(r.proportion['n80'] as number, 3);
    expect(result.reading).toMatch(/Variant "B"/);
    expect(result.assumptions.length).toBeGreaterThan(1);
  });

  it('tests a mean as R t.test (Welch), to --out, at another alpha and power', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'compare-')), 'ab.json');
    const child = cli(
      'compare',
      'ab',
      '--data',
      SCRIPTS,
      '--group',
      'script',
      '--outcome',
      'satisfaction',
      '--kind',
      'mean',
      '--alpha',
      '0.05',
      '--power',
      '0.8',
      '--out',
      out,
    );
    expect(child.status).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      statistic: number;
      df: number;
      p: number;
      confidenceInterval: [number, number];
    };
    expect(result.statistic).toBeCloseTo(r.mean['t'] as number, 10);
    expect(result.df).toBeCloseTo(r.mean['df'] as number, 8);
    expect(result.confidenceInterval[1]).toBeCloseTo(r.mean['upper'] as number, 8);
  });

  it.each([
    [
      ['--group', 'script', '--outcome', 'nope'],
      1,
      /: script-test\.csv: --outcome column "nope" is not in the file/,
    ],
    [
      ['--group', 'call', '--outcome', 'resolved'],
      1,
      /column "call" must have exactly two values, it has 400/,
    ],
    [
      ['--group', 'script', '--outcome', 'satisfaction'],
      1,
      /row 2, column "satisfaction": "\d+" is not 0\/1/,
    ],
    [['--group', 'script'], 2, /--outcome COL/],
    [
      ['--group', 'script', '--outcome', 'resolved', '--kind', 'median'],
      2,
      /--kind must be proportion or mean/,
    ],
    [['--group', 'script', '--outcome', 'resolved', '--power', '1.2'], 2, /--power must be between 0 and 1/],
  ])('exits with a one-line error: %j', (args, code, message) => {
    const child = cli('compare', 'ab', '--data', SCRIPTS, ...args);
    expect(child.status).toBe(code);
    expect(child.stdout).toBe('');
    // Bad input is one line; bad usage adds the usage line.
    expect(child.stderr.trim().split('\n')).toHaveLength(code === 1 ? 1 : 2);
    expect(child.stderr.split('\n')[0]).toMatch(message);
  });
});

describe('compare did', () => {
  it('gives the interaction with classical, HC1 and CR1 SEs as R lm + sandwich, clustered by team', () => {
    const child = cli(
      'compare',
      'did',
      '--data',
      'test/fixtures/measure/survey-scores-r.csv',
      '--group',
      'circle',
      '--period',
      'wave',
      '--outcome',
      'PD_mean',
      '--cluster',
      'team',
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const reference = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/measure/did-r.json'), 'utf8')) as {
      PD_mean: Record<
        'classical' | 'hc1' | 'cluster_team',
        { estimate: number; stdError: number; p: number }
      > & { n: number };
    };
    const result = JSON.parse(child.stdout) as {
      n: number;
      droppedRows: number;
      estimate: number;
      classical: { stdError: number };
      hc1: { stdError: number };
      cluster: { stdError: number; p: number; clusters: number };
      reading: string;
    };
    expect(result.n).toBe(reference.PD_mean.n);
    expect(result.droppedRows).toBe(1);
    expect(result.estimate).toBeCloseTo(reference.PD_mean.classical.estimate, 12);
    expect(result.classical.stdError).toBeCloseTo(reference.PD_mean.classical.stdError, 12);
    expect(result.hc1.stdError).toBeCloseTo(reference.PD_mean.hc1.stdError, 12);
    expect(result.cluster.stdError).toBeCloseTo(reference.PD_mean.cluster_team.stdError, 12);
    expect(result.cluster.p).toBeCloseTo(reference.PD_mean.cluster_team.p, 12);
    expect(result.cluster.clusters).toBe(6);
    expect(result.reading).toMatch(/parallel trends/);
  });

  it.each([
    [
      ['--group', 'circle', '--period', 'wave', '--outcome', 'EC_mean', '--cluster', 'nope'],
      1,
      /--cluster column "nope" is not in the file/,
    ],
    [
      ['--group', 'circle', '--period', 'team', '--outcome', 'EC_mean'],
      1,
      /column "team" must have exactly two values, it has 6/,
    ],
    [['--group', 'circle', '--outcome', 'EC_mean'], 2, /--period COL/],
  ])('exits with a one-line error: %j', (args, code, message) => {
    const child = cli('compare', 'did', '--data', 'test/fixtures/measure/survey-scores-r.csv', ...args);
    expect(child.status).toBe(code);
    // Bad input is one line; bad usage adds the usage line.
    expect(child.stderr.trim().split('\n')).toHaveLength(code === 1 ? 1 : 2);
    expect(child.stderr.split('\n')[0]).toMatch(message);
  });

  it('names the row and column of an outcome that is not a number', () => {
    const folder = mkdtempSync(join(tmpdir(), 'compare-'));
    writeFileSync(join(folder, 'did.csv'), 't,p,y\n0,0,1\n0,1,2\n1,0,3\n1,1,four\n');
    const child = cli(
      'compare',
      'did',
      '--data',
      join(folder, 'did.csv'),
      '--group',
      't',
      '--period',
      'p',
      '--outcome',
      'y',
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toBe(
      'empathy-workbench compare did: did.csv: row 5, column "y": "four" is not a number\n',
    );
  });

  it('prints its usage with --help', () => {
    const child = cli('compare', 'did', '--help');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/--cluster/);
  });
});
