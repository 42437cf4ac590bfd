/**
 * `run-scenarios`: the real CLI in a child process (`npx tsx electron/cli/main.ts`), as a researcher's script
 * runs it. The numbers are checked against a peer tool and a hand-worked case, never against this project's own
 * single runs: the teacup grid's base row against the output Vensim wrote (test-models sample_teacup/output.csv,
 * PySD's tolerance), and a row with two constants changed against Euler's solution of Newton cooling worked by
 * hand.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { spawnCli } from './cli-support';

/** Fixes the stamps' date, so two runs give the same bytes (electron/cli/stamp.ts). */
const SOURCE_DATE_EPOCH = '1795000000';

const ROOT = resolve(import.meta.dirname, '../../..');
const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile';
const VENSIM_OUTPUT = 'test/fixtures/sd-test-models/core-xmile/sample_teacup/output.csv';
const DIR = mkdtempSync(join(tmpdir(), 'run-scenarios-cli-'));

function gridFile(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

const run = (...args: string[]) => spawnCli(['run-scenarios', ...args], { env: { SOURCE_DATE_EPOCH } });

interface LongRow {
  readonly scenario: string;
  readonly time: number;
  readonly variable: string;
  readonly value: number;
}

/** The data rows of a long CSV (names here hold no commas), after the stamp and the header. */
function longRows(csv: string): LongRow[] {
  const lines = csv.trimEnd().split('\n');
  const header = lines.findIndex((line) => !line.startsWith('#'));
  expect(lines[header]).toBe('scenario,time,variable,value');
  return lines.slice(header + 1).map((line) => {
    const [scenario = '', time = '', variable = '', value = ''] = line.split(',');
    return { scenario, time: Number(time), variable, value: Number(value) };
  });
}

const series = (rows: readonly LongRow[], scenario: string, variable: string) =>
  rows.filter((row) => row.scenario === scenario && row.variable === variable);

// Room temperature 20 and characteristic time 4 instead of 70 and 10.
const TEACUP_GRID = gridFile(
  'teacup.csv',
  'scenario,Characteristic Time,room_temperature\nbase,10,70\ncold room,4,20\n',
);

describe('run-scenarios (end to end)', () => {
  const child = run(TEACUP, '--grid', TEACUP_GRID);
  const rows = longRows(child.stdout);

  it('exits 0 with every row of the grid in one long CSV, progress on stderr', () => {
    expect(child.status).toBe(0);
    expect(child.stderr.trim().split('\n')).toEqual(['run-scenarios: run 1/2', 'run-scenarios: run 2/2']);
    // Default: the stocks. Teacup has one; 241 saved times (0 to 30 by 0.125) per scenario.
    expect(new Set(rows.map((row) => row.variable))).toEqual(new Set(['Teacup Temperature']));
    expect(rows).toHaveLength(2 * 241);
    expect(new Set(rows.map((row) => row.scenario))).toEqual(new Set(['base', 'cold room']));
  });

  it('runs the base row as Vensim did (sample_teacup/output.csv, |e - a| <= 1e-5 + 1e-5 |e|)', () => {
    const expected = readFileSync(join(ROOT, VENSIM_OUTPUT), 'utf8').trim().split(/\r?\n/);
    const column = (expected[0] ?? '').split(',').indexOf('Teacup Temperature');
    const ours = series(rows, 'base', 'Teacup Temperature');
    expect(ours).toHaveLength(expected.length - 1);
    expected.slice(1).forEach((line, index) => {
      const cells = line.split(',').map(Number);
      const reference = cells[column] as number;
      expect(ours[index]?.time).toBeCloseTo(cells[0] as number, 12);
      expect(Math.abs((ours[index]?.value ?? Number.NaN) - reference)).toBeLessThanOrEqual(
        1e-5 + 1e-5 * Math.abs(reference),
      );
    });
  });

  it('runs a changed-constant row as Euler integrates Newton cooling by hand', () => {
    // dT/dt = -(T - R)/tau with Euler steps of dt: T_n = R + (T_0 - R)(1 - dt/tau)^n, here R = 20, tau = 4,
    // T_0 = 180, dt = 0.125, n = t/dt.
    const ours = series(rows, 'cold room', 'Teacup Temperature');
    expect(ours).toHaveLength(241);
    ours.forEach(({ time, value }) => {
      const n = Math.round(time / 0.125);
      const exact = 20 + 160 * (1 - 0.125 / 4) ** n;
      expect(Math.abs(value - exact)).toBeLessThanOrEqual(1e-9 * Math.abs(exact));
    });
    // At t = 30 the cup is close to the room: 20 + 160 * (31/32)^240.
    expect(ours.at(-1)?.value).toBeCloseTo(20 + 160 * (31 / 32) ** 240, 9);
  });

  it('stamps the CSV with the model and grid hashes, the seed, the app version and the date', () => {
    const stamp = child.stdout.split('\n').filter((line) => line.startsWith('#'));
    const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(stamp.slice(0, 8)).toEqual([
      '# empathy-workbench/scenario-runs@1',
      '# model: teacup.xmile',
      `# model_sha256: ${sha(join(ROOT, TEACUP))}`,
      '# grid: teacup.csv',
      `# grid_sha256: ${sha(TEACUP_GRID)}`,
      '# scenario: 2 rows of the grid, named in the scenario column',
      '# seed: none (the model uses no random functions)',
      `# app_version: ${packageJson.version}`,
    ]);
    const date = stamp.find((line) => line.startsWith('# exported_at: '))?.slice('# exported_at: '.length);
    expect(Number.isNaN(Date.parse(date ?? ''))).toBe(false);
    expect(stamp).toContain('# method: euler');
  });

  it('gives the same rows on two worker threads, names rows without a scenario column, restricts --vars', () => {
    const grid = gridFile('unnamed.csv', 'Characteristic Time\n10\n4\n7\n');
    const one = run(TEACUP, '--grid', grid, '--vars', 'heat loss to room,Teacup_Temperature');
    const two = run(
      TEACUP,
      '--grid',
      grid,
      '--vars',
      'heat loss to room,Teacup_Temperature',
      '--threads',
      '2',
    );
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const data = (csv: string) => csv.split('\n').filter((line) => !line.startsWith('#'));
    expect(data(two.stdout)).toEqual(data(one.stdout));
    const parsed = longRows(one.stdout);
    expect(new Set(parsed.map((row) => row.scenario))).toEqual(new Set(['row1', 'row2', 'row3']));
    expect(new Set(parsed.map((row) => row.variable))).toEqual(
      new Set(['Heat Loss to Room', 'Teacup Temperature']),
    );
    // The flow at the start is (T_0 - R)/tau: 110/7 for the third row.
    expect(series(parsed, 'row3', 'Heat Loss to Room')[0]?.value).toBeCloseTo(110 / 7, 12);
  });

  it('writes JSON with the stamp and one run per row, and --out whole (no temporary file left)', () => {
    const out = join(DIR, 'runs.json');
    const child = run(TEACUP, '--grid', TEACUP_GRID, '--format', 'json', '--out', out);
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('');
    expect(readdirSync(DIR).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    const document = JSON.parse(readFileSync(out, 'utf8')) as {
      format: string;
      modelHash: string;
      appVersion: string;
      exportedAt: string;
      seed: number | null;
      runs: {
        scenario: string;
        overrides: Record<string, number>;
        time: number[];
        variables: Record<string, number[]>;
      }[];
    };
    expect(document.format).toBe('empathy-workbench/scenario-runs@1');
    expect(document.appVersion).toBe(packageJson.version);
    expect(document.seed).toBeNull();
    expect(document.runs.map((entry) => entry.scenario)).toEqual(['base', 'cold room']);
    // The grid's values under the model's names, whatever spelling the header used.
    expect(document.runs[1]?.overrides).toEqual({ 'Characteristic Time': 4, 'Room Temperature': 20 });
    expect(document.runs[1]?.variables['Teacup Temperature']?.[8]).toBeCloseTo(20 + 160 * (31 / 32) ** 8, 9);
  });

  it('runs the sample grid of the empathy model (every lever column a constant of the model)', () => {
    const child = run(
      'sample-data/empathy-smb.xmile',
      '--grid',
      'sample-data/grids/empathy-levers.csv',
      '--vars',
      'Customers',
    );
    expect(child.status).toBe(0);
    const parsed = longRows(child.stdout);
    expect(new Set(parsed.map((row) => row.scenario)).size).toBe(8);
    // The model starts in equilibrium (sample-data/empathy-smb.md): the status quo row stays at its start.
    const statusQuo = series(parsed, 'Status quo', 'Customers');
    expect(Math.abs((statusQuo.at(-1)?.value ?? 0) / (statusQuo[0]?.value ?? 1) - 1)).toBeLessThan(0.05);
  });
});

describe('run-scenarios errors name the row and column', () => {
  const fails = (grid: string, ...extra: string[]) => {
    const child = run(TEACUP, '--grid', gridFile('bad.csv', grid), ...extra);
    return { status: child.status, message: child.stderr.trim() };
  };

  it('an unknown variable', () => {
    expect(fails('scenario,Characteristic Time,Milk\na,10,1\n')).toEqual({
      status: 1,
      message:
        'empathy-workbench run-scenarios: bad.csv row 1, column 3: "Milk" is not a variable of the model',
    });
  });

  it('a column naming a variable computed from an equation', () => {
    expect(fails('Heat Loss to Room\n3\n')).toEqual({
      status: 1,
      message:
        'empathy-workbench run-scenarios: bad.csv row 1, column 1: "Heat Loss to Room" is computed from an equation, not a constant a run can override',
    });
  });

  it('a value that is not a number', () => {
    expect(fails('scenario,Characteristic Time\na,10\nb,ten\n')).toEqual({
      status: 1,
      message:
        'empathy-workbench run-scenarios: bad.csv row 3, column Characteristic Time: "ten" is not a number',
    });
  });

  it('an empty grid, and a repeated scenario name', () => {
    expect(fails('scenario,Characteristic Time\n')).toEqual({
      status: 1,
      message:
        'empathy-workbench run-scenarios: bad.csv: the grid has no rows (one row per scenario under the header)',
    });
    expect(fails('scenario,Characteristic Time\na,1\na,2\n').message).toBe(
      'empathy-workbench run-scenarios: bad.csv row 3, column scenario: "a" is already the name of row 2',
    );
  });

  it('bad usage exits 2; nothing is written to --out on an error', () => {
    const missing = run(TEACUP);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('give the scenario grid with --grid GRID.csv');
    const out = join(DIR, 'never.csv');
    expect(fails('scenario,Milk\na,1\n', '--out', out).status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
