/**
 * The exports: the value map CSV reads back as the table it was (papaparse), and the analysis JSON, with its
 * documentation first, opens again through the backend's import as the very document that was exported.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis, parseAnalysis, type SroiAnalysis } from '../../../../model/sroi';
import type { CliIO } from '../../../../electron/cli/command';
import { runCli } from '../../../../electron/cli/run';
import { readAnalysisFile } from '../../../../electron/services/sroi-handlers';
import { HAND_WORKED } from '../../../model/sroi/hand-worked';
import { analysisFileText, DOCUMENTATION_KEY } from '../../../../renderer/src/sroi/export/analysis-file';
import { valueMapCsv, valueMapRows } from '../../../../renderer/src/sroi/export/value-map-csv';

function sample(): SroiAnalysis {
  const text = readFileSync(
    resolve(import.meta.dirname, '../../../../sample-data/sroi/empathy-training.json'),
    'utf8',
  );
  const parsed = parseAnalysis(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.value;
}

describe('value map CSV', () => {
  it('writes one row per outcome with the impact map columns and the evaluation, quoted as RFC 4180', () => {
    const analysis = sample();
    const evaluated = evaluateAnalysis(analysis);
    if (!evaluated.ok) throw new Error('the sample evaluates');
    const csv = valueMapCsv(analysis, evaluated.value);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(valueMapRows(analysis, evaluated.value));
    const [header, first] = parsed.data;
    expect(header?.slice(0, 8)).toEqual([
      'Stakeholder',
      'Outcome id',
      'Intended change',
      'Outputs',
      'Outcome',
      'Indicator',
      'Quantity',
      'Quantity source',
    ]);
    expect(header).toContain('Proxy value (USD)');
    expect(header?.at(-1)).toBe('Value year 4 (USD)');
    const column = (name: string) => first?.[header?.indexOf(name) ?? -1];
    expect(column('Outcome id')).toBe('staff-retention');
    expect(column('Attribution (share)')).toBe('0.25');
    // 1.15 × 10,080 × 0.75, the impact map's first-year impact.
    expect(Number(column('Impact, first year (USD)'))).toBeCloseTo(8694, 6);
    // The proxy source holds commas and quotes; it survives the round trip whole.
    expect(column('Proxy source')).toBe(analysis.outcomes[0]?.proxySource);
  });

  it('writes the map alone when the analysis cannot be evaluated', () => {
    const analysis = { ...sample(), inputs: [] };
    const rows = valueMapRows(analysis, undefined);
    expect(rows[0]).not.toContain('Value year 1 (USD)');
    expect(rows[1]?.at(-1)).toBe('');
  });
});

describe('analysis JSON', () => {
  it('puts the documentation first and opens again as the document that was exported', () => {
    const analysis = sample();
    const text = analysisFileText(analysis, {
      exportedAt: new Date('2026-11-25T20:15:00Z'),
      appVersion: '0.1.0',
    });
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)[0]).toBe(DOCUMENTATION_KEY);
    expect(json[DOCUMENTATION_KEY]).toContain('Empathy Workbench 0.1.0 on 2026-11-25T20:15:00.000Z');
    expect(json[DOCUMENTATION_KEY]).toContain('Money is in USD');
    expect(readAnalysisFile(text, 'The file')).toEqual(analysis);
  });

  it('is the file sroi evaluate reads: the hand-worked example, documentation and all', async () => {
    // Worked by hand (test/model/sroi/hand-worked.ts): PV 15221.500781 against 10,000 of inputs.
    const analysis: SroiAnalysis = HAND_WORKED;
    const file = join(mkdtempSync(join(tmpdir(), 'sroi-export-')), 'Hand-worked example.sroi.json');
    writeFileSync(file, analysisFileText(analysis, { exportedAt: new Date('2026-11-25T20:15:00Z') }));
    let out = '';
    let err = '';
    const io: CliIO = { stdout: (text) => (out += text), stderr: (text) => (err += text), cwd: '/', env: {} };
    expect(await runCli(['sroi', 'evaluate', file], io)).toBe(0);
    expect(err).toBe('');
    const evaluated = JSON.parse(out) as { presentValue: number; ratio: number; paybackMonths: number };
    expect(evaluated.presentValue).toBeCloseTo(15221.500781, 5);
    expect(evaluated.ratio).toBeCloseTo(1.52215, 5);
    expect(evaluated.paybackMonths).toBeCloseTo(20, 10);
  });
});
