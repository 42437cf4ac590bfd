/**
 * `sensitivity`: in-process through runCli for the outputs, and end to end through `npx tsx
 * electron/cli/main.ts` in a child process for the exit codes 0, 1 and 2 and for shards run as separate
 * processes (a job array's tasks) whose CSV files, concatenated, are the whole run's.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { runCliCaptured, spawnCli } from './cli-support';

/** Fixes the stamps' date, so two runs give the same bytes (electron/cli/stamp.ts). */
const SOURCE_DATE_EPOCH = '1795000000';

const ROOT = resolve(import.meta.dirname, '../../..');
const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile';
const DIR = mkdtempSync(join(tmpdir(), 'sensitivity-cli-'));

function specFile(name: string, spec: unknown): string {
  const path = join(DIR, name);
  writeFileSync(path, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return path;
}

const SPEC = specFile('teacup.json', {
  parameters: [
    { name: 'Room Temperature', distribution: { type: 'uniform', min: 60, max: 80 } },
    { name: 'Characteristic Time', distribution: { type: 'lognormal', mean: 10, sd: 2 } },
  ],
  kpi: { variable: 'Teacup Temperature', statistic: 'final' },
  bandPoints: 11,
});

const cli = (argv: string[]) => runCliCaptured(argv, { env: { SOURCE_DATE_EPOCH } });

const sensitivity = (...extra: string[]) => cli(['sensitivity', TEACUP, '--spec', SPEC, ...extra]);

describe('sensitivity (in process)', () => {
  it('writes a stamped CSV with one row per run: run, the parameters, the KPI', async () => {
    const { code, out, err } = await sensitivity('--runs', '50', '--seed', '42');
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    const hash = createHash('sha256')
      .update(readFileSync(join(ROOT, TEACUP)))
      .digest('hex');
    expect(lines.slice(0, 10)).toEqual([
      '# empathy-workbench/sensitivity@1',
      '# model: teacup.xmile',
      `# model_sha256: ${hash}`,
      '# seed: 42',
      '# runs: 50',
      '# sampling: latin-hypercube',
      '# kpi: Teacup Temperature (final)',
      `# app_version: ${packageJson.version}`,
      '# exported_at: 2026-11-18T11:06:40.000Z',
      'run,Room Temperature,Characteristic Time,Teacup Temperature (final)',
    ]);
    expect(lines).toHaveLength(60);
    const first = (lines[10] ?? '').split(',').map(Number);
    expect(first[0]).toBe(1);
    expect(first[1]).toBeGreaterThanOrEqual(60);
    expect(first[1]).toBeLessThanOrEqual(80);
    // Newton cooling from 180 toward the room over 30 minutes: the cup ends between the room and 180.
    expect(first[3]).toBeGreaterThan(first[1] ?? 0);
    expect(first[3]).toBeLessThan(180);
  });

  it('gives the same bytes for the same seed, other numbers for another seed', async () => {
    const a = await sensitivity('--runs', '30', '--seed', '7');
    const b = await sensitivity('--runs', '30', '--seed', '7');
    const c = await sensitivity('--runs', '30', '--seed', '8');
    expect(a.out).toBe(b.out);
    expect(c.out).not.toBe(a.out);
  });

  it('gives the same bytes on one thread and on two worker threads', async () => {
    const one = await sensitivity('--runs', '450', '--seed', '3', '--threads', '1', '--format', 'json');
    const two = await sensitivity('--runs', '450', '--seed', '3', '--threads', '2', '--format', 'json');
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
  });

  it('writes shards whose CSV files concatenated are the whole run (rows and series)', async () => {
    for (const extra of [[], ['--series']]) {
      const whole = await sensitivity('--runs', '25', '--seed', '11', ...extra);
      const shards = await Promise.all(
        ['1/4', '2/4', '3/4', '4/4'].map((shard) =>
          sensitivity('--runs', '25', '--seed', '11', '--shard', shard, ...extra),
        ),
      );
      expect(shards.map((shard) => shard.code)).toEqual([0, 0, 0, 0]);
      expect(shards.map((shard) => shard.out).join('')).toBe(whole.out);
      expect(shards[1]?.out.startsWith('7,')).toBe(true);
    }
  });

  it('writes the JSON document: stamp, summary, tornado, bands and every run', async () => {
    const { code, out } = await sensitivity('--runs', '200', '--seed', '5', '--format', 'json');
    expect(code).toBe(0);
    const document = JSON.parse(out) as Record<string, unknown> & {
      summary: { runs: number; percentiles: Record<string, number> };
      tornado: { entries: { parameter: string; swing: number; rankCorrelation: number }[] };
      bands: { time: number[]; percentiles: number[]; variables: Record<string, Record<string, number[]>> };
      runResults: { run: number; parameters: Record<string, number>; kpi: number }[];
    };
    expect(Object.keys(document)).toEqual([
      'format',
      'model',
      'modelHash',
      'appVersion',
      'exportedAt',
      'seed',
      'runs',
      'sampling',
      'shard',
      'spec',
      'parameters',
      'kpi',
      'summary',
      'tornado',
      'bands',
      'runResults',
    ]);
    expect(document['model']).toBe('teacup.xmile');
    expect(document['seed']).toBe(5);
    expect(document['runs']).toBe(200);
    expect(document['appVersion']).toBe(packageJson.version);
    expect(document.summary.runs).toBe(200);
    expect(Object.keys(document.summary.percentiles)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
    // The room temperature moves the final temperature one for one; the cooling time less over this range.
    expect(document.tornado.entries.map((entry) => entry.parameter)).toEqual([
      'Room Temperature',
      'Characteristic Time',
    ]);
    expect(document.tornado.entries[0]?.rankCorrelation).toBeGreaterThan(0.5);
    expect(document.bands.time).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
    // Default outputs: the stocks and the KPI's variable (the teacup's only stock is the KPI).
    expect(Object.keys(document.bands.variables)).toEqual(['Teacup Temperature']);
    expect(document.bands.variables['Teacup Temperature']?.['p50']?.[0]).toBe(180);
    expect(document.runResults).toHaveLength(200);
    expect(document.runResults[0]?.run).toBe(1);
  });

  it('exits 1 naming the spec field for an unknown parameter, impossible bounds or a bad file', async () => {
    const unknown = specFile('unknown.json', {
      parameters: [{ name: 'Room Temprature', distribution: { type: 'uniform', min: 0, max: 1 } }],
      kpi: { variable: 'Teacup Temperature' },
    });
    const bounds = specFile('bounds.json', {
      parameters: [
        { name: 'Room Temperature', distribution: { type: 'triangular', min: 60, mode: 90, max: 80 } },
      ],
      kpi: { variable: 'Teacup Temperature' },
    });
    const cases: [string, RegExp][] = [
      [
        unknown,
        /spec unknown\.json: parameters\[0\]\.name: "Room Temprature" is not a variable of teacup\.xmile$/,
      ],
      [bounds, /spec bounds\.json: parameters\[0\]\.distribution\.mode: mode must lie between min and max$/],
      [specFile('broken.json', '{ "parameters": '), /spec .*broken\.json is not JSON/],
      [join(DIR, 'missing.json'), /cannot read spec .*missing\.json/],
    ];
    for (const [path, message] of cases) {
      const { code, err } = await cli(['sensitivity', TEACUP, '--spec', path, '--runs', '5', '--seed', '1']);
      expect(code).toBe(1);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err.trim()).toMatch(message);
    }
    const noRuns = await cli(['sensitivity', TEACUP, '--spec', SPEC, '--seed', '1']);
    expect(noRuns.code).toBe(1);
    expect(noRuns.err).toMatch(/runs: give the number of runs \(in the spec or with --runs\)/);
  });

  it('exits 2 for bad usage', async () => {
    for (const argv of [
      ['sensitivity', TEACUP, '--runs', '5'],
      ['sensitivity', '--spec', SPEC],
      ['sensitivity', TEACUP, '--spec', SPEC, '--runs', '0'],
      ['sensitivity', TEACUP, '--spec', SPEC, '--runs', '5', '--seed', '-3'],
      ['sensitivity', TEACUP, '--spec', SPEC, '--runs', '5', '--shard', '3/2'],
      ['sensitivity', TEACUP, '--spec', SPEC, '--runs', '5', '--format', 'xml'],
      ['sensitivity', TEACUP, '--spec', SPEC, '--runs', '5', '--format', 'json', '--series'],
      ['sensitivity', TEACUP, '--spec', SPEC, '--bogus'],
    ]) {
      const { code } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
    }
  });
});

describe('sensitivity (end to end)', () => {
  const spawn = (args: string[]) => spawnCli(args, { env: { SOURCE_DATE_EPOCH } });

  it('exits 0, 1 and 2 as the conventions say, and shards from separate processes concatenate to the whole', () => {
    const whole = spawn(['sensitivity', TEACUP, '--spec', SPEC, '--runs', '12', '--seed', '9']);
    expect(whole.status).toBe(0);
    const parts = ['1/2', '2/2'].map((shard) =>
      spawn(['sensitivity', TEACUP, '--spec', SPEC, '--runs', '12', '--seed', '9', '--shard', shard]),
    );
    expect(parts.map((part) => part.status)).toEqual([0, 0]);
    expect(parts.map((part) => part.stdout).join('')).toBe(whole.stdout);
    // No progress on stderr when it is not a terminal.
    expect(whole.stderr).toBe('');

    const bad = specFile('bad-sd.json', {
      parameters: [{ name: 'Room Temperature', distribution: { type: 'normal', mean: 70, sd: -1 } }],
      kpi: { variable: 'Teacup Temperature' },
    });
    const input = spawn(['sensitivity', TEACUP, '--spec', bad, '--runs', '5', '--seed', '1']);
    expect(input.status).toBe(1);
    expect(input.stderr.trim()).toBe(
      'empathy-workbench sensitivity: spec bad-sd.json: parameters[0].distribution.sd: sd must be above 0',
    );
    const usage = spawn(['sensitivity', TEACUP, '--runs', '5']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/give the spec with --spec SPEC\.json/);
  });
});
