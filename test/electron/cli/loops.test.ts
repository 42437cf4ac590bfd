/**
 * `loops`: the real CLI in a child process (`npx tsx electron/cli/main.ts`) for the output formats and the exit
 * codes 0, 1 and 2; in process for the details. Expected scores for logistic growth come from Stella
 * (ltm-reference; see test/model/sd/loops/ltm-reference.test.ts for the labelling).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { runCliCaptured, spawnCli, teacupThatDoesNotCompile } from './cli-support';

/** Fixes the stamps' date, so two runs give the same bytes (electron/cli/stamp.ts). */
const SOURCE_DATE_EPOCH = '1795000000';

const ROOT = resolve(import.meta.dirname, '../../..');
const LOGISTIC = 'test/fixtures/sd-test-models/ltm-reference/logistic_growth_ltm/logistic_growth.stmx';
const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile';

const spawn = (args: string[]) => spawnCli(args, { env: { SOURCE_DATE_EPOCH } });

const cli = (argv: string[]) => runCliCaptured(argv, { env: { SOURCE_DATE_EPOCH } });

interface LoopJson {
  readonly name: string;
  readonly title: string | null;
  readonly documented: boolean;
  readonly polarity: string;
  readonly variables: readonly string[];
  readonly links: readonly { readonly from: string; readonly to: string; readonly polarity: string }[];
  readonly relativeScore: readonly (number | null)[];
  readonly score: readonly (number | null)[];
}

describe('loops (end to end)', () => {
  it('exits 0 and writes the CSV: loop, polarity, then one column per saved time', () => {
    const child = spawn(['loops', LOGISTIC]);
    expect(child.status).toBe(0);
    const lines = child.stdout.trim().split('\n');
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 3)).toEqual(['loop', 'polarity', '0']);
    expect(header).toHaveLength(2 + 101);
    expect(header.at(-1)).toBe('100');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2))).toEqual([
      ['R1', 'reinforcing'],
      ['B1', 'balancing'],
    ]);
    // Stella: b1 is -0.56 % at its t = 1, which is our t = 2 (Stella labels a score with its start).
    const b1 = lines[2]?.split(',').slice(2).map(Number) ?? [];
    expect(b1[0]).toBe(0);
    expect(Math.abs((b1[2] as number) * 100 - -0.56)).toBeLessThanOrEqual(0.05);
  });

  it('exits 0 with JSON: per loop its variables, polarity and relative score at each saved time', () => {
    const child = spawn(['loops', TEACUP, '--format', 'json']);
    expect(child.status).toBe(0);
    const document = JSON.parse(child.stdout) as Record<string, unknown>;
    expect(document).toMatchObject({
      model: 'teacup.xmile',
      modelHash: createHash('sha256')
        .update(readFileSync(join(ROOT, TEACUP)))
        .digest('hex'),
      method: 'euler',
      appVersion: packageJson.version,
      loopMethod: 'exhaustive',
    });
    const time = document['time'] as number[];
    expect(time.slice(0, 3)).toEqual([0, 0.125, 0.25]);
    const loops = document['loops'] as LoopJson[];
    expect(loops).toHaveLength(1);
    expect(loops[0]).toMatchObject({
      name: 'B1',
      polarity: 'balancing',
      variables: ['Teacup Temperature', 'Heat Loss to Room'],
    });
    expect(loops[0]?.relativeScore).toHaveLength(time.length);
    expect(loops[0]?.relativeScore[1]).toBeCloseTo(-1, 12);
  });

  it('exits 1 with one line naming the problem for a model that does not compile', () => {
    const child = spawn(['loops', teacupThatDoesNotCompile()]);
    expect(child.status).toBe(1);
    expect(child.stderr.trim().split('\n')).toEqual([
      'empathy-workbench loops: cannot simulate bad.xmile: in the equation of "Characteristic Time" at column 6: unknown variable "nope"',
    ]);
  });

  it('exits 2 for bad usage', () => {
    const wrongFormat = spawn(['loops', TEACUP, '--format', 'xml']);
    expect(wrongFormat.status).toBe(2);
    expect(wrongFormat.stderr).toContain('--format must be one of csv, json (got "xml")');
    const noModel = spawn(['loops']);
    expect(noModel.status).toBe(2);
    expect(noModel.stderr).toContain('give the model file');
  });
});

describe('loops (in process)', () => {
  it('names the empathy model’s documented loops and says which method found them', async () => {
    const { code, out, err } = await cli(['loops', 'sample-data/empathy-smb.xmile', '--format', 'json']);
    expect(code).toBe(0);
    const document = JSON.parse(out) as { loopMethod: string; methodNote: string; loops: LoopJson[] };
    expect(document.loopMethod).toBe('strongest-path');
    expect(document.methodNote).toContain('strongest-path search');
    const hiring = document.loops.find((loop) => loop.name === 'B2');
    expect(hiring).toMatchObject({ title: 'Hiring', documented: true, polarity: 'balancing' });
    // Variables as written in the model, links closing the loop.
    expect(hiring?.links.at(-1)?.to).toBe(hiring?.variables[0]);
    // Loops in reading order: R before B before U, by number.
    const names = document.loops.map((loop) => loop.name);
    expect(names.indexOf('R1')).toBeLessThan(names.indexOf('B1'));
    // The smooths scored through their input are noted on stderr, not mixed into the output.
    expect(err).toContain('note: "Expected human contacts", "Training intensity"');
  });

  it('writes to --out instead of standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loops-out-'));
    const target = join(dir, 'loops.csv');
    const { code, out } = await cli(['loops', LOGISTIC, '--out', target]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(readFileSync(target, 'utf8').split('\n')[0]?.startsWith('loop,polarity,0,1,2')).toBe(true);
  });

  it('puts the reproducibility stamp above the CSV header with --stamp', async () => {
    const { code, out } = await cli(['loops', LOGISTIC, '--stamp']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('# empathy-workbench/loops@1');
    expect(lines).toContain('# exported_at: 2026-11-18T11:06:40.000Z');
    expect(lines.find((line) => !line.startsWith('#'))?.startsWith('loop,polarity,0,1,2')).toBe(true);
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await cli(['loops', '--help']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('loops MODEL.xmile [--format csv|json] [--stamp] [--out FILE]');
  });
});
