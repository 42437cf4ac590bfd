/**
 * `sroi evaluate`: end to end through `npx tsx electron/cli/main.ts` in a child process for the exit codes 0,
 * 1 and 2 and the output's field names, and in process through runCli for the details. The expected numbers
 * are the hand-worked example of test/model/sroi/evaluate.test.ts (one outcome, three years, drop-off, 3.5%).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAND_WORKED } from '../../model/sroi/hand-worked';
import { runCliCaptured, spawnCli } from './cli-support';

const SAMPLE = 'sample-data/sroi/empathy-training.json';

const OUTPUT_FIELDS = [
  'totalInputs',
  'presentValue',
  'npv',
  'ratio',
  'netRatio',
  'paybackMonths',
  'discountedPaybackMonths',
  'valuesByYear',
  'outcomes',
];
const OUTCOME_FIELDS = ['id', 'impactYear1', 'valuesByYear', 'presentValue'];

// Worked by hand (the fixture says how): PV 15221.500781, ratio 1.522150, payback 20 months.
const handWorked = HAND_WORKED;

function writeAnalysis(json: unknown, name = 'analysis.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sroi-evaluate-'));
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

const cli = (argv: string[]) => runCliCaptured(argv);

describe('sroi evaluate (end to end)', () => {
  const spawn = (args: string[]) => spawnCli(args);

  it('exits 0 with exactly the documented fields', () => {
    const child = spawn(['sroi', 'evaluate', writeAnalysis(handWorked), '--format', 'json']);
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    const output = JSON.parse(child.stdout) as Record<string, unknown> & {
      outcomes: Record<string, unknown>[];
    };
    expect(Object.keys(output)).toEqual(OUTPUT_FIELDS);
    expect(output.outcomes.map((outcome) => Object.keys(outcome))).toEqual([OUTCOME_FIELDS]);
    expect(output['ratio']).toBeCloseTo(1.5221500780800528, 12);
    expect(output['discountedPaybackMonths']).toBeCloseTo(22.005, 9);
  });

  it('exits 1 with one line naming the outcome and the field for a bad file', () => {
    const bad = { ...handWorked, outcomes: [{ ...handWorked.outcomes[0], deadweight: 1.2 }] };
    const path = writeAnalysis(bad);
    const child = spawn(['sroi', 'evaluate', path]);
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.trim().split('\n')).toEqual([
      `empathy-workbench sroi evaluate: ${path}: outcome "staff-retention" deadweight must be between 0 and 1 (got 1.2)`,
    ]);
  });

  it('exits 2 for bad usage', () => {
    const child = spawn(['sroi', 'evaluate', writeAnalysis(handWorked), '--format', 'csv']);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('--format must be one of json (got "csv")');
  });
});

describe('sroi evaluate (in process)', () => {
  it('prints the hand-worked values', async () => {
    const { code, out } = await cli(['sroi', 'evaluate', writeAnalysis(handWorked)]);
    expect(code).toBe(0);
    const output = JSON.parse(out) as {
      totalInputs: number;
      presentValue: number;
      npv: number;
      netRatio: number;
      paybackMonths: number;
      valuesByYear: number[];
      outcomes: { id: string; impactYear1: number; valuesByYear: number[]; presentValue: number }[];
    };
    expect(output.totalInputs).toBe(10_000);
    expect(output.presentValue).toBeCloseTo(15221.500780800528, 8);
    expect(output.npv).toBeCloseTo(5221.500780800528, 8);
    expect(output.netRatio).toBeCloseTo(0.5221500780800528, 12);
    expect(output.paybackMonths).toBeCloseTo(20, 12);
    output.valuesByYear.forEach((value, index) =>
      expect(value).toBeCloseTo([6000, 5400, 4860][index] as number, 9),
    );
    expect(output.outcomes[0]?.id).toBe('staff-retention');
    expect(output.outcomes[0]?.impactYear1).toBeCloseTo(6000, 9);
    expect(output.outcomes[0]?.presentValue).toBeCloseTo(15221.500780800528, 8);
  });

  it('writes null for a payback that does not exist', async () => {
    const late = {
      ...handWorked,
      outcomes: [{ ...handWorked.outcomes[0], startYear: 2 }],
      inputs: [{ ...handWorked.inputs[0], value: 1e9 }],
    };
    const { code, out } = await cli(['sroi', 'evaluate', writeAnalysis(late)]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ paybackMonths: null, discountedPaybackMonths: null });
  });

  it('evaluates the sample analysis, warning on stderr about each linked outcome', async () => {
    const { code, out, err } = await cli(['sroi', 'evaluate', SAMPLE]);
    expect(code).toBe(0);
    const output = JSON.parse(out) as { ratio: number; outcomes: { id: string }[] };
    expect(Number.isFinite(output.ratio)).toBe(true);
    expect(output.outcomes.map((outcome) => outcome.id)).toEqual([
      'staff-retention',
      'customer-retention',
      'staff-wellbeing',
    ]);
    expect(err.trim().split('\n')).toEqual([
      'warning: outcome "staff-retention" quantityLink is not evaluated: the quantity stored in the document (1.15) is used for every year',
      'warning: outcome "customer-retention" quantityLink is not evaluated: the quantity stored in the document (19) is used for every year',
    ]);
  });

  it('writes to --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sroi-out-')), 'result.json');
    const result = await cli(['sroi', 'evaluate', writeAnalysis(handWorked), '--out', out]);
    expect(result).toMatchObject({ code: 0, out: '' });
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')) as object)).toEqual(OUTPUT_FIELDS);
  });

  it.each([
    [
      'a missing field, by outcome id',
      { ...handWorked, outcomes: [{ ...handWorked.outcomes[0], dropOff: undefined }] },
      'outcome "staff-retention" dropOff is missing',
    ],
    ['no inputs', { ...handWorked, inputs: [] }, 'the analysis inputs must list at least one input'],
    [
      'a negative quantity',
      { ...handWorked, outcomes: [{ ...handWorked.outcomes[0], quantity: -1 }] },
      'outcome "staff-retention" quantity must not be negative (got -1)',
    ],
    [
      'a duration below a year',
      { ...handWorked, outcomes: [{ ...handWorked.outcomes[0], durationYears: 0.5 }] },
      'outcome "staff-retention" durationYears must be at least 1',
    ],
    [
      'a non-finite number',
      JSON.stringify(handWorked).replace('"proxyValue":1000', '"proxyValue":1e999'),
      'outcome "staff-retention" proxyValue must be a finite number (got Infinity)',
    ],
    ['text that is not JSON', '{ "name": ', 'is not JSON'],
  ])('exits 1 for %s', async (_, json, message) => {
    const path = writeAnalysis(json);
    const { code, out, err } = await cli(['sroi', 'evaluate', path]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(message);
  });

  it('exits 1 for a file that cannot be read, 2 without a file or with two', async () => {
    expect((await cli(['sroi', 'evaluate', 'no/such/analysis.json'])).code).toBe(1);
    const none = await cli(['sroi', 'evaluate']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('give the analysis file');
    expect((await cli(['sroi', 'evaluate', SAMPLE, SAMPLE])).code).toBe(2);
    expect((await cli(['sroi', 'evaluate', SAMPLE, '--sensitivity'])).code).toBe(2);
  });

  it('lists the command in --help and prints its usage', async () => {
    expect((await cli(['--help'])).out).toContain('sroi evaluate');
    const usage = await cli(['sroi', 'evaluate', '--help']);
    expect(usage.code).toBe(0);
    expect(usage.out).toContain('sroi evaluate ANALYSIS.json [--format json] [--out FILE]');
  });
});
