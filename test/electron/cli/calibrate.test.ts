/**
 * `calibrate`: in-process through runCli for the outputs, and end to end through `npx tsx electron/cli/main.ts`
 * in a child process for the exit codes 0, 1 and 2. The data is the teacup model's own run at known constants
 * (Room Temperature 75, Characteristic Time 12), which the calibration must find again from another start.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile, simulate } from '../../../model/sd';
import { seriesOf } from '../../../model/sd/results';
import packageJson from '../../../package.json' with { type: 'json' };
import { runCliCaptured, spawnCli } from './cli-support';

/** Fixes the stamps' date, so two runs give the same bytes (electron/cli/stamp.ts). */
const SOURCE_DATE_EPOCH = '1795000000';

const ROOT = resolve(import.meta.dirname, '../../..');
const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile';
const DIR = mkdtempSync(join(tmpdir(), 'calibrate-cli-'));

function file(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

/** The teacup's temperature every 2 minutes at the true constants, as a data CSV. */
function teacupData(): string {
  const read = readXmile(readFileSync(join(ROOT, TEACUP), 'utf8'));
  if (!read.ok) throw new Error('read');
  const compiled = compileModel(read.value);
  if (!compiled.ok) throw new Error('compile');
  const parameters = compiled.value.parameterVector({ 'Room Temperature': 75, 'Characteristic Time': 12 });
  if (!parameters.ok) throw new Error('parameters');
  const run = simulate(compiled.value, { parameters: parameters.value });
  const temperature = seriesOf(run, 'Teacup Temperature') ?? new Float64Array(0);
  const lines = ['time,Teacup Temperature'];
  for (let minute = 0; minute <= 30; minute += 2) lines.push(`${minute},${temperature[minute * 8]}`);
  return `${lines.join('\n')}\n`;
}

const DATA = file('teacup-data.csv', teacupData());
const PARAMS = file(
  'params.json',
  JSON.stringify({
    parameters: [
      { name: 'Room Temperature', min: 40, max: 100, start: 60 },
      { name: 'Characteristic Time', min: 2, max: 30 },
    ],
  }),
);

const cli = (argv: string[]) => runCliCaptured(argv, { env: { SOURCE_DATE_EPOCH } });

describe('calibrate (in process)', () => {
  it('finds the constants the data was made with, and writes the stamped JSON', async () => {
    const { code, out, err } = await cli(['calibrate', TEACUP, '--data', DATA, '--params', PARAMS]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const document = JSON.parse(out) as {
      format: string;
      model: string;
      modelHash: string;
      data: string;
      dataHash: string;
      appVersion: string;
      estimates: Record<string, number>;
      parameters: { name: string; start: number; estimate: number; atBound: boolean }[];
      objective: number;
      startObjective: number;
      converged: boolean;
      iterations: number;
      fit: {
        variable: string;
        points: number;
        rmse: number;
        rSquared: number;
        time: number[];
        data: number[];
        model: number[];
      }[];
    };
    expect(document.format).toBe('empathy-workbench/calibration@1');
    expect(document.model).toBe('teacup.xmile');
    expect(document.modelHash).toBe(
      createHash('sha256')
        .update(readFileSync(join(ROOT, TEACUP)))
        .digest('hex'),
    );
    expect(document.data).toBe('teacup-data.csv');
    expect(document.dataHash).toBe(createHash('sha256').update(readFileSync(DATA)).digest('hex'));
    expect(document.appVersion).toBe(packageJson.version);
    expect(document.converged).toBe(true);
    expect(document.estimates['Room Temperature']).toBeCloseTo(75, 4);
    expect(document.estimates['Characteristic Time']).toBeCloseTo(12, 4);
    // Characteristic Time starts at the model's value, 10.
    expect(document.parameters.map((parameter) => parameter.start)).toEqual([60, 10]);
    expect(document.objective).toBeLessThan(1e-8);
    expect(document.startObjective).toBeGreaterThan(1);
    const [fit] = document.fit;
    expect(fit?.variable).toBe('Teacup Temperature');
    expect(fit?.points).toBe(16);
    expect(fit?.time).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]);
    expect(fit?.rSquared).toBeGreaterThan(0.999999);
    expect(fit?.model[0]).toBe(180);
  });

  it('writes the estimates as CSV', async () => {
    const { code, out } = await cli([
      'calibrate',
      TEACUP,
      '--data',
      DATA,
      '--params',
      PARAMS,
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const all = out.trimEnd().split('\n');
    expect(all.slice(0, 2)).toEqual(['# empathy-workbench/calibration@1', '# model: teacup.xmile']);
    expect(all).toContain('# exported_at: 2026-11-18T11:06:40.000Z');
    const lines = all.filter((line) => !line.startsWith('#'));
    expect(lines[0]).toBe('parameter,estimate,start,min,max');
    expect(lines[1]).toMatch(/^Room Temperature,7[45]\.\d+,60,40,100$/);
    expect(lines[2]).toMatch(/^Characteristic Time,1[12]\.\d+,10,2,30$/);
  });

  it('warns on stderr when an estimate ends on a bound', async () => {
    const narrow = file(
      'narrow.json',
      JSON.stringify({ parameters: [{ name: 'Room Temperature', min: 40, max: 70 }] }),
    );
    const { code, err } = await cli(['calibrate', TEACUP, '--data', DATA, '--params', narrow]);
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: Room Temperature ends on a bound \(70/);
  });

  it('exits 1 naming the row and column of bad data, or the spec field', async () => {
    const badCell = file('bad-cell.csv', 'time,Teacup Temperature\n0,180\n1,hot\n');
    const badName = file('bad-name.csv', 'time,Teacup Temp\n0,180\n');
    const late = file('late.csv', 'time,Teacup Temperature\n0,180\n40,70\n');
    const unknown = file(
      'unknown.json',
      JSON.stringify({ parameters: [{ name: 'Cup Size', min: 0, max: 1 }] }),
    );
    const bounds = file(
      'bounds.json',
      JSON.stringify({ parameters: [{ name: 'Room Temperature', min: 5, max: 1 }] }),
    );
    const cases: [string[], string][] = [
      [
        ['--data', badCell, '--params', PARAMS],
        'bad-cell.csv row 3, column Teacup Temperature: "hot" is not a number',
      ],
      [
        ['--data', badName, '--params', PARAMS],
        'bad-name.csv column Teacup Temp: not a variable of teacup.xmile (map it to one in the spec\'s "columns", or to null to leave it out)',
      ],
      [['--data', late, '--params', PARAMS], 'late.csv row 3, column time: 40 is outside the run (0 to 30)'],
      [
        ['--data', DATA, '--params', unknown],
        'parameters[0].name: "Cup Size" is not a variable of teacup.xmile',
      ],
      [['--data', DATA, '--params', bounds], 'params bounds.json: parameters[0].max: max must be above min'],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await cli(['calibrate', TEACUP, ...argv]);
      expect(code).toBe(1);
      expect(err.trim()).toBe(`empathy-workbench calibrate: ${message}`);
    }
  });

  it('exits 2 for bad usage', async () => {
    for (const argv of [
      ['calibrate', TEACUP, '--params', PARAMS],
      ['calibrate', TEACUP, '--data', DATA],
      ['calibrate', '--data', DATA, '--params', PARAMS],
      ['calibrate', TEACUP, '--data', DATA, '--params', PARAMS, '--format', 'xml'],
      ['calibrate', TEACUP, '--data', DATA, '--params', PARAMS, '--powell'],
    ]) {
      const { code } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
    }
  });
});

describe('calibrate (end to end)', () => {
  const spawn = (args: string[]) => spawnCli(args, { env: { SOURCE_DATE_EPOCH } });

  it('exits 0, 1 and 2', () => {
    const ok = spawn(['calibrate', TEACUP, '--data', DATA, '--params', PARAMS, '--format', 'csv']);
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n').find((line) => !line.startsWith('#'))).toBe(
      'parameter,estimate,start,min,max',
    );
    const bad = spawn([
      'calibrate',
      TEACUP,
      '--data',
      file('e2e-bad.csv', 'time,x\n0,1\n'),
      '--params',
      PARAMS,
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const usage = spawn(['calibrate', TEACUP]);
    expect(usage.status).toBe(2);
  });
});
