/**
 * The Compare tab's exports and chart arithmetic: the stamped CSV read back gives the result's numbers and says
 * whether the data held real names; the JSON carries the stamp and the engine's fields; the chart's
 * counterfactual gap equals the DiD estimate (the interaction of a saturated 2×2 OLS is the difference of
 * the four cell means' differences).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { profileColumns, defaultAbChoices } from '../../../../renderer/src/measure/compare/compare-choices';
import {
  abCsv,
  abJson,
  didCsv,
  tableSha256,
  type CompareStamp,
} from '../../../../renderer/src/measure/compare/compare-export';
import { runAb, runDid } from '../../../../renderer/src/measure/compare/compare-run';
import { didChartData } from '../../../../renderer/src/measure/compare/did-chart-layout';
import { readTable } from '../../../model/measure/helpers';

const stamp: CompareStamp = {
  dataset: 'Script A/B test',
  fileName: 'script-test.csv',
  source: 'experiment',
  tableSha256: 'abc',
  realNames: false,
  minGroupSize: 5,
  appVersion: '0.0.0-test',
  exportedAt: '2026-01-01T00:00:00.000Z',
};

/** The CSV's `# key: value` stamp and its rows keyed by quantity and group. */
function readBack(text: string) {
  const lines = text.trimEnd().split('\n');
  const comments = Object.fromEntries(
    lines
      .filter((line) => line.startsWith('# '))
      .map((line) => {
        const [key, ...rest] = line.slice(2).split(': ');
        return [key, rest.join(': ')];
      }),
  );
  const rows = Papa.parse<Record<string, string>>(lines.filter((line) => !line.startsWith('#')).join('\n'), {
    header: true,
  }).data;
  return { comments, rows };
}

describe('A/B export', () => {
  const table = readTable('sample-data/measure/script-test.csv');
  const choices = defaultAbChoices(profileColumns(table), [], null);
  if (choices === null) throw new Error('no choices');
  const run = runAb(table, choices, 5);
  if (run.status !== 'done') throw new Error(run.status);

  it('writes the stamp, the groups and the effect in CSV', () => {
    const { comments, rows } = readBack(abCsv(run.result, choices, stamp));
    expect(comments['real_names']).toBe('no (pseudonyms)');
    expect(comments['format']).toBe('empathy-workbench/compare-ab@1');
    expect(comments['exported_at']).toBe(stamp.exportedAt);
    const value = (quantity: string, group = '') =>
      Number(
        rows.find((row) => row['quantity'] === quantity && (group === '' || row['group'] === group))?.[
          'value'
        ],
      );
    expect(value('rate', 'A')).toBe(run.result.control.estimate);
    expect(value('effect')).toBe(run.result.effect);
    expect(value('p')).toBe(run.result.p);
  });

  it('writes the engine’s fields with the stamp in JSON', () => {
    const document = JSON.parse(abJson(run.result, choices, { ...stamp, realNames: true })) as Record<
      string,
      unknown
    >;
    expect(document['realNames']).toBe(true);
    expect(document['effect']).toBe(run.result.effect);
    expect(document['reading']).toBe(run.result.reading);
    expect(document['appVersion']).toBe('0.0.0-test');
  });

  it('hashes the table', async () => {
    expect(await tableSha256(table)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('DiD export and chart', () => {
  // A hand-made 2×2: control 1 → 2, treated 2 → 5; DiD = (5 - 2) - (2 - 1) = 2.
  const table = {
    columns: ['group', 'wave', 'y'],
    rows: [
      ...['0.5', '1.5'].map((y) => ['control', 'before', y]),
      ...['1.5', '2.5'].map((y) => ['control', 'after', y]),
      ...['1', '3'].map((y) => ['treated', 'before', y]),
      ...['4', '6'].map((y) => ['treated', 'after', y]),
    ],
  };
  const choices = {
    group: 'group',
    control: 'control',
    period: 'wave',
    before: 'before',
    outcome: 'y',
    cluster: '',
    se: 'classical',
    alpha: 0.05,
  } as const;

  it('draws the counterfactual whose gap is the estimate', () => {
    const run = runDid(table, choices, 2);
    if (run.status !== 'done') throw new Error(run.status);
    expect(run.result.result.estimate).toBeCloseTo(2, 12);
    const chart = didChartData(run.result.result);
    expect(chart.counterfactual.after).toBeCloseTo(3, 12);
    expect(chart.gap).toBeCloseTo(2, 12);
  });

  it('refuses cells of two under a minimum group size of 3', () => {
    expect(runDid(table, choices, 3).status).toBe('refused');
  });

  it('writes the four cells and the estimate in CSV', () => {
    const run = runDid(table, choices, 2);
    if (run.status !== 'done') throw new Error(run.status);
    const { rows, comments } = readBack(didCsv(run.result, choices, stamp));
    expect(rows.filter((row) => row['quantity'] === 'mean').map((row) => Number(row['value']))).toEqual([
      1, 2, 2, 5,
    ]);
    expect(Number(rows.find((row) => row['quantity'] === 'did_estimate')?.['value'])).toBeCloseTo(2, 12);
    expect(comments['reported_se']).toBe('classical');
  });
});
