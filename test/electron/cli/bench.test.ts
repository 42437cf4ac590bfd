/** `bench`: one JSON line with the model, its steps, the median ms per run and the engine (never a time limit). */
import { describe, expect, it } from 'vitest';
import { medianMsPerRun } from '../../../electron/cli/commands/bench';
import { spawnCli } from './cli-support';

const TEACUP = 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile';
const spawn = (args: string[]) => spawnCli(args);

describe('bench (end to end)', () => {
  it('exits 0 and prints one JSON line', () => {
    const child = spawn(['bench', TEACUP, '--runs', '20']);
    expect(child.status).toBe(0);
    const lines = child.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '') as { model: string; steps: number; msPerRun: number };
    // engine: what ran the steps (added after model, steps and msPerRun; teacup's whole loop is WebAssembly).
    expect(line).toMatchObject({ model: 'teacup.xmile', steps: 240, engine: 'webassembly loop' });
    expect(line.msPerRun).toBeGreaterThan(0);
  });

  it('exits 1 for a model it cannot read and 2 for bad usage', () => {
    expect(spawn(['bench', 'nowhere.xmile']).status).toBe(1);
    const usage = spawn(['bench', TEACUP, '--runs', '0']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--runs must be a positive integer');
  });
});

describe('medianMsPerRun', () => {
  it('times at least the runs asked for and returns a positive median', () => {
    let calls = 0;
    const timing = medianMsPerRun(() => calls++, 10);
    expect(timing.runs).toBeGreaterThanOrEqual(10);
    expect(calls).toBeGreaterThan(timing.runs);
    expect(timing.msPerRun).toBeGreaterThan(0);
  });
});
