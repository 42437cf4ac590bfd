import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readXmile } from '../../../../model/sd';
import type { RunSeries } from '../../../../renderer/src/dynamics/engine/protocol';
import { seedOf, sha256Hex } from '../../../../renderer/src/dynamics/scenarios/reproducibility';
import {
  RUN_EXPORT_FORMAT,
  csvField,
  exportFileName,
  runsToCsv,
  runsToJson,
  type RunStamp,
} from '../../../../renderer/src/dynamics/scenarios/run-export-format';

const stamp: RunStamp = {
  model: 'Teacup',
  modelHash: 'ab'.repeat(32),
  appVersion: '0.1.0',
  exportedAt: '2026-01-02T03:04:05.000Z',
  method: 'euler',
  seed: null,
  timeUnits: 'Minutes',
};

const run = (temperatures: number[]): RunSeries => ({
  names: ['Teacup Temperature', 'Heat\\nLoss'],
  ids: ['teacup_temperature', 'heat_loss'],
  time: Float64Array.of(0, 0.125),
  series: [Float64Array.from(temperatures), Float64Array.of(11, NaN)],
});

describe('run export', () => {
  it('writes a stamped, wide CSV with one row per scenario and saved time', () => {
    const csv = runsToCsv(stamp, [
      { scenario: 'Status quo', overrides: {}, run: run([180, 178.625]) },
      { scenario: 'Hot room, "warm"', overrides: { 'Room Temperature': 90 }, run: run([180, 179]) },
    ]);
    expect(csv.split('\n')).toEqual([
      `# ${RUN_EXPORT_FORMAT}`,
      '# model: Teacup',
      `# model_sha256: ${'ab'.repeat(32)}`,
      '# scenario: Status quo | Hot room, "warm"',
      '# seed: none (the model uses no random functions)',
      '# app_version: 0.1.0',
      '# exported_at: 2026-01-02T03:04:05.000Z',
      '# method: euler',
      '# time_units: Minutes',
      'scenario,time,Teacup Temperature,Heat Loss',
      'Status quo,0,180,11',
      'Status quo,0.125,178.625,',
      '"Hot room, ""warm""",0,180,11',
      '"Hot room, ""warm""",0.125,179,',
      '',
    ]);
  });

  it('quotes fields per RFC 4180 and writes numbers in shortest round-trip form', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(Infinity)).toBe('');
  });

  it('writes JSON with the CLI’s field names, one entry per run, null for what is not finite', () => {
    const json = JSON.parse(
      runsToJson({ ...stamp, seed: 1 }, [
        { scenario: 'Status quo', overrides: {}, run: run([180, 178.625]) },
      ]),
    ) as Record<string, unknown>;
    expect(json).toEqual({
      format: RUN_EXPORT_FORMAT,
      model: 'Teacup',
      modelHash: 'ab'.repeat(32),
      method: 'euler',
      appVersion: '0.1.0',
      exportedAt: '2026-01-02T03:04:05.000Z',
      seed: 1,
      timeUnits: 'Minutes',
      runs: [
        {
          scenario: 'Status quo',
          overrides: {},
          time: [0, 0.125],
          variables: { 'Teacup Temperature': [180, 178.625], 'Heat Loss': [11, null] },
        },
      ],
    });
  });

  it('names files by model and scenario, safe on every file system', () => {
    expect(exportFileName('Teacup', ['Status quo'], 'csv')).toBe('Teacup - Status quo.csv');
    expect(exportFileName('A/B: model', ['x', 'y', 'z'], 'json')).toBe('A_B_ model - 3 scenarios.json');
  });

  it('hashes text with SHA-256 as Node does, and gives a seed only to models with random functions', async () => {
    const text = '<xmile>é</xmile>';
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    const model = (equation: string) => {
      const read = readXmile(`<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
        <header/><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
        <model><variables><aux name="x"><eqn>${equation}</eqn></aux></variables></model></xmile>`);
      if (!read.ok) throw new Error(read.errors[0]?.message);
      return read.value;
    };
    expect(seedOf(model('NORMAL(0, 1)'))).toBe(1);
    expect(seedOf(model('1 + TIME'))).toBeNull();
  });
});
