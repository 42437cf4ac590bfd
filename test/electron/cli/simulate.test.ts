/**
 * `simulate`: in-process through runCli for the details, and end to end through `npx tsx
 * electron/cli/main.ts` in a child process for the exit codes 0, 1 and 2. Expected numbers come from the
 * teacup output Vensim made (test-models sample_teacup/output.csv).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../electron/cli/command';
import { runCli } from '../../../electron/cli/run';
import packageJson from '../../../package.json' with { type: 'json' };
import { spawnCli, teacupThatDoesNotCompile } from './cli-support';

const ROOT = resolve(import.meta.dirname, '../../..');
const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile';

function capture(cwd = ROOT) {
  let out = '';
  let err = '';
  // A fixed stamp date (electron/cli/stamp.ts), so two runs can be compared byte for byte.
  const io: CliIO = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd,
    env: { SOURCE_DATE_EPOCH: '1795000000' },
  };
  return { io, out: () => out, err: () => err };
}

async function cli(argv: string[], cwd = ROOT) {
  const captured = capture(cwd);
  const code = await runCli(argv, captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

describe('simulate (end to end)', () => {
  const spawn = (args: string[]) => spawnCli(args);

  it('exits 0 and writes the CSV: header time and the names as written, one row per saved time', () => {
    const child = spawn(['simulate', TEACUP]);
    expect(child.status).toBe(0);
    const lines = child.stdout.trim().split('\n');
    expect(lines[0]).toBe('time,Heat Loss to Room,Room Temperature,Teacup Temperature,Characteristic Time');
    expect(lines).toHaveLength(242);
    expect(lines[1]).toBe('0,11,70,180,10');
    expect(lines[2]).toBe('0.125,10.8625,70,178.625,10');
  });

  it('exits 1 with one line naming the problem for a model that does not compile', () => {
    const child = spawn(['simulate', teacupThatDoesNotCompile()]);
    expect(child.status).toBe(1);
    expect(child.stderr.trim().split('\n')).toEqual([
      'empathy-workbench simulate: cannot simulate bad.xmile: in the equation of "Characteristic Time" at column 6: unknown variable "nope"',
    ]);
  });

  it('exits 2 for bad usage', () => {
    const child = spawn(['simulate', TEACUP, '--method', 'gear']);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('--method must be one of euler, rk2, rk4 (got "gear")');
  });
});

describe('simulate (in process)', () => {
  it('matches the values Vensim computed for teacup', async () => {
    const { code, out } = await cli(['simulate', TEACUP]);
    expect(code).toBe(0);
    const expected = readFileSync(
      join(ROOT, 'test/fixtures/sd-test-models/core-xmile/sample_teacup/output.csv'),
      'utf8',
    )
      .trim()
      .split(/\r?\n/);
    const rows = out
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('#'));
    const header = rows[0]?.split(',') ?? [];
    const expectedHeader = expected[0]?.split(',') ?? [];
    for (const [index, line] of expected.slice(1).entries()) {
      const cells = line.split(',').map(Number);
      const ours = rows[index + 1]?.split(',').map(Number) ?? [];
      for (const [column, name] of expectedHeader.entries()) {
        const at = column === 0 ? 0 : header.indexOf(name);
        expect(Math.abs((ours[at] ?? Number.NaN) - (cells[column] ?? 0))).toBeLessThanOrEqual(
          1e-5 + 1e-5 * Math.abs(cells[column] ?? 0),
        );
      }
    }
  });

  it('stamps the CSV with --stamp: what reproduces the run (issue 9), its date fixed by SOURCE_DATE_EPOCH', async () => {
    const captured = capture();
    const io = { ...captured.io, env: { SOURCE_DATE_EPOCH: '1795000000' } };
    expect(await runCli(['simulate', TEACUP, '--stamp'], io)).toBe(0);
    const stamp = captured
      .out()
      .split('\n')
      .filter((line) => line.startsWith('#'));
    expect(stamp).toEqual([
      '# empathy-workbench/simulation@1',
      '# model: teacup.xmile',
      `# model_sha256: ${createHash('sha256')
        .update(readFileSync(join(ROOT, TEACUP)))
        .digest('hex')}`,
      '# scenario: none (the model as written, with any --set)',
      '# seed: none (the model uses no random functions)',
      `# app_version: ${packageJson.version}`,
      '# exported_at: 2026-11-18T11:06:40.000Z',
      '# method: euler',
    ]);
    const bad = capture();
    expect(await runCli(['simulate', TEACUP], { ...bad.io, env: { SOURCE_DATE_EPOCH: 'yesterday' } })).toBe(
      2,
    );
    expect(bad.err()).toContain('SOURCE_DATE_EPOCH must be whole seconds since 1970');
  });

  it('writes JSON with the run stamp, time and variables', async () => {
    const { code, out } = await cli([
      'simulate',
      TEACUP,
      '--format',
      'json',
      '--vars',
      'teacup temperature,Heat_Loss_to_Room',
    ]);
    expect(code).toBe(0);
    const document = JSON.parse(out) as Record<string, unknown>;
    expect(document).toMatchObject({
      model: 'teacup.xmile',
      modelHash: createHash('sha256')
        .update(readFileSync(join(ROOT, TEACUP)))
        .digest('hex'),
      method: 'euler',
      appVersion: packageJson.version,
      scenario: null,
      seed: null,
    });
    expect(Date.parse(document['exportedAt'] as string)).not.toBeNaN();
    expect((document['time'] as number[]).slice(0, 3)).toEqual([0, 0.125, 0.25]);
    const variables = document['variables'] as Record<string, number[]>;
    expect(Object.keys(variables)).toEqual(['Teacup Temperature', 'Heat Loss to Room']);
    expect(variables['Teacup Temperature']?.slice(0, 2)).toEqual([180, 178.625]);
  });

  it('applies a scenario file and --set (which wins), for constants and computed variables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    writeFileSync(
      join(dir, 'cold.json'),
      JSON.stringify({ name: 'cold room', overrides: { 'Room Temperature': 0, 'Characteristic Time': 20 } }),
    );
    const { code, out } = await cli(
      [
        'simulate',
        resolve(ROOT, TEACUP),
        '--scenario',
        'cold.json',
        '--set',
        'characteristic_time=5',
        '--format',
        'json',
      ],
      dir,
    );
    expect(code).toBe(0);
    const document = JSON.parse(out) as { scenario: string; variables: Record<string, number[]> };
    expect(document.scenario).toBe('cold room');
    expect(document.variables['Heat Loss to Room']?.[0]).toBe(36);
    const computed = await cli([
      'simulate',
      TEACUP,
      '--set',
      'Heat Loss to Room=1',
      '--vars',
      'Teacup Temperature',
    ]);
    expect(computed.out.trim().split('\n').at(-1)).toBe('30,150');
  });

  it('uses another integration method and writes to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'out-'));
    const { code, out } = await cli(
      ['simulate', resolve(ROOT, TEACUP), '--method', 'rk4', '--out', 'result.csv'],
      dir,
    );
    expect(code).toBe(0);
    expect(out).toBe('');
    const last = readFileSync(join(dir, 'result.csv'), 'utf8').trim().split('\n').at(-1)?.split(',');
    expect(Number(last?.[3])).toBeCloseTo(70 + 110 * Math.exp(-3), 5);
  });

  it('names bad input and exits 1', async () => {
    const cases: [string[], string][] = [
      [['simulate', 'missing.xmile'], 'cannot read missing.xmile'],
      [
        ['simulate', TEACUP, '--set', 'nothing=3'],
        'cannot apply the overrides: "nothing" is not a variable of the model',
      ],
      [
        ['simulate', TEACUP, '--vars', 'Teacup Temperature,nope'],
        '--vars: "nope" is not a variable of teacup.xmile',
      ],
      [['simulate', TEACUP, '--scenario', 'missing.json'], 'cannot read scenario missing.json'],
      [
        ['simulate', 'package.json'],
        'cannot read package.json: package.json is not well-formed XML (line 1, column 1',
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await cli(argv);
      expect(code, argv.join(' ')).toBe(1);
      expect(err).toContain(message);
    }
    const dir = mkdtempSync(join(tmpdir(), 'bad-scenario-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ name: 'x', overrides: { a: 'high' } }));
    const { code, err } = await cli(['simulate', resolve(ROOT, TEACUP), '--scenario', 'bad.json'], dir);
    expect(code).toBe(1);
    expect(err).toContain('scenario bad.json: "overrides.a"');
  });

  it('exits 2 for bad usage', async () => {
    for (const argv of [
      ['simulate'],
      ['simulate', 'a', 'b'],
      ['simulate', TEACUP, '--set', 'novalue'],
      ['simulate', TEACUP, '--set', 'x=abc'],
      ['simulate', TEACUP, '--format', 'xml'],
      ['simulate', TEACUP, '--colour'],
    ]) {
      const { code } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
    }
  });

  it('stamps the seed when the model draws random numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'random-'));
    const model = readFileSync(join(ROOT, TEACUP), 'utf8').replace(
      '<eqn>70</eqn>',
      '<eqn>70 + RANDOM(-1, 1)</eqn>',
    );
    writeFileSync(join(dir, 'noisy.xmile'), model);
    const first = await cli(['simulate', 'noisy.xmile', '--format', 'json', '--seed', '5'], dir);
    const again = await cli(['simulate', 'noisy.xmile', '--format', 'json', '--seed', '5'], dir);
    const other = await cli(['simulate', 'noisy.xmile', '--format', 'json', '--seed', '6'], dir);
    expect(JSON.parse(first.out)).toMatchObject({ seed: 5 });
    expect(first.out).toBe(again.out);
    expect(other.out).not.toBe(first.out);
  });
});
