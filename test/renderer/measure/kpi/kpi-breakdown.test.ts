/**
 * The KPIs tab's rules on the sample files and small hand-made tables: sums and means per period read straight
 * from kpi.csv, NPS counted from the raw answers by hand, unit sizes and the minimum group size, markers and the
 * before/after means worked by hand, and the CSV export keeping hidden units out.
 */
import { describe, expect, it } from 'vitest';
import { parseInitiatives, parseKpiSeries } from '../../../../model/measure';
import {
  applyMinGroupSize,
  beforeAfter,
  kpiLines,
  kpiNamesOf,
  markersFor,
  npsLines,
  splitPeriod,
  unitSizes,
  type KpiUnitLine,
} from '../../../../renderer/src/measure/kpi/kpi-breakdown';
import { kpiSeriesCsv } from '../../../../renderer/src/measure/kpi/kpi-export';
import { readTable, tableFromCsv } from '../../../model/measure/helpers';

const kpiTable = readTable('sample-data/measure/kpi.csv');
const npsTable = readTable('sample-data/measure/nps-answers.csv');
const parsed = parseKpiSeries(kpiTable);
if (!parsed.ok) throw new Error('kpi.csv does not parse');
const observations = parsed.value;

/** The answers of one unit between two dates, counted straight from the file's rows. */
function handNps(unit: string, from: string, before: string) {
  const answers = npsTable.rows
    .filter(([date, u]) => u === unit && (date ?? '') >= from && (date ?? '') < before)
    .map(([, , answer]) => Number(answer));
  const promoters = answers.filter((answer) => answer >= 9).length;
  const detractors = answers.filter((answer) => answer <= 6).length;
  return { nps: ((promoters - detractors) / answers.length) * 100, responses: answers.length };
}

describe('lines per unit', () => {
  it('lists the KPIs, known ones first', () => {
    expect(kpiNamesOf(observations)).toEqual([
      'customer_retention',
      'employee_retention',
      'turnover_cost',
      'clv',
      'resolution_time',
      'engagement',
    ]);
  });

  it('adds turnover cost up within a quarter (a cost), per unit', () => {
    const lines = kpiLines(observations, 'turnover_cost', 'quarter', {});
    const sales = lines.find((line) => line.unit === 'Sales');
    // kpi.csv: Sales' turnover_cost was 3640 in each of July, August and September 2024.
    expect(sales?.points[0]).toEqual({ period: '2024-Q3', value: 3640 * 3, count: 3 });
    expect(lines.map((line) => line.unit)).toEqual([
      'Customer Care',
      'Engineering',
      'Finance',
      'Operations',
      'People & Culture',
      'Sales',
    ]);
  });

  it('keeps only observations in the date range', () => {
    const lines = kpiLines(observations, 'customer_retention', 'month', {
      from: '2025-01-01',
      to: '2025-03-31',
    });
    const care = lines.find((line) => line.unit === 'Customer Care');
    // kpi.csv rows 2025-01-01 .. 2025-03-01 for Customer Care, customer_retention.
    expect(care?.points).toEqual([
      { period: '2025-01', value: 91.1, count: 1 },
      { period: '2025-02', value: 91.1, count: 1 },
      { period: '2025-03', value: 92, count: 1 },
    ]);
  });

  it('computes NPS from the answers of each quarter', () => {
    const result = npsLines(npsTable, 'quarter', {});
    if (!result.ok) throw new Error('nps-answers.csv does not parse');
    const care = result.value.find((line) => line.unit === 'Customer Care');
    const q1 = care?.points.find((point) => point.period === '2025-Q1');
    const hand = handNps('Customer Care', '2025-01-01', '2025-04-01');
    expect(hand.responses).toBe(90);
    expect(q1?.count).toBe(90);
    expect(q1?.value).toBeCloseTo(hand.nps, 12);
  });

  it('scores a quarter cut by the range on its answers inside the range', () => {
    const result = npsLines(npsTable, 'quarter', { from: '2025-02-01', to: '2025-03-31' });
    if (!result.ok) throw new Error('failed');
    const q1 = result.value.find((line) => line.unit === 'Sales')?.points[0];
    const hand = handNps('Sales', '2025-02-01', '2025-04-01');
    expect(q1?.period).toBe('2025-Q1');
    expect(q1?.count).toBe(hand.responses);
    expect(q1?.value).toBeCloseTo(hand.nps, 12);
  });

  it('names a bad answer by row and column', () => {
    const result = npsLines(tableFromCsv('date,unit,answer\n2025-01-02,A,11\n'), 'month', {});
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]?.message).toBe(
        'row 2, column "answer": "11" is not a whole number from 0 to 10',
      );
  });
});

describe('minimum group size', () => {
  const line = (unit: string): KpiUnitLine => ({ unit, points: [{ period: '2025-01', value: 1, count: 1 }] });

  it('takes saved sizes over the smallest n of the file', () => {
    const table = tableFromCsv(
      'date,unit,kpi,value,n\n2025-01-01,A,engagement,3,6\n2025-02-01,A,engagement,3,4\n2025-01-01,B,engagement,3,9\n',
    );
    const { sizes, problems } = unitSizes(table, { B: 2 });
    expect(problems).toEqual([]);
    expect(sizes).toEqual(
      new Map([
        ['A', 4],
        ['B', 2],
      ]),
    );
  });

  it('names a bad n cell', () => {
    const table = tableFromCsv('date,unit,kpi,value,n\n2025-01-01,A,engagement,3,many\n');
    expect(unitSizes(table, {}).problems[0]?.message).toBe(
      'row 2, column "n": "many" is not a number of people (a whole number from 0)',
    );
  });

  it('hides units under the threshold, keeps and names units of unknown size', () => {
    const sizes = new Map([
      ['A', 4],
      ['B', 5],
    ]);
    const shown = applyMinGroupSize([line('A'), line('B'), line('C')], sizes, 5);
    expect(shown.lines.map((entry) => entry.unit)).toEqual(['B', 'C']);
    expect(shown.hidden).toBe(1);
    expect(shown.note).toBe('1 unit with fewer than 5 people is hidden, so no one in it can be singled out.');
    expect(shown.unknown).toEqual(['C']);
  });

  it('keeps hidden units out of the CSV export and says why', () => {
    const shown = applyMinGroupSize(
      [line('Small team'), line('Big team')],
      new Map([
        ['Small team', 3],
        ['Big team', 12],
      ]),
      5,
    );
    const csv = kpiSeriesCsv(
      {
        source: 'KPIs (kpi.csv)',
        kpi: 'engagement',
        kpiLabel: 'Engagement',
        kpiUnit: 'score',
        combined: 'mean',
        period: 'month',
        range: { from: '2025-01-01' },
        minGroupSize: 5,
        hiddenNote: shown.note,
        unknownSizes: shown.unknown,
        realNames: false,
        appVersion: '1.2.3',
        exportedAt: '2026-01-01T00:00:00.000Z',
      },
      shown.lines,
    );
    expect(csv).not.toContain('Small team');
    expect(csv.split('\n').slice(-3)).toEqual(['unit,period,value,count', 'Big team,2025-01,1,1', '']);
    expect(csv).toContain('# hidden: 1 unit with fewer than 5 people is hidden');
    expect(csv).toContain('# real_names: no');
    expect(csv).toContain('# range: 2025-01-01 to end');
    expect(csv).toContain('# exported_at: 2026-01-01T00:00:00.000Z');
  });
});

describe('markers and before/after', () => {
  const initiatives = parseInitiatives(readTable('sample-data/measure/initiatives.csv'));
  if (!initiatives.ok) throw new Error('initiatives.csv does not parse');

  it('keeps organization-wide markers and those of shown units, within the range', () => {
    const labels = markersFor(initiatives.value, ['Sales'], { from: '2025-01-01', to: '2025-12-31' }).map(
      (marker) => marker.label,
    );
    expect(labels).toEqual([
      'Empathy survey (before)',
      'Peer-support circles start',
      'A buddy for every new hire',
    ]);
    expect(markersFor(initiatives.value, ['Customer Care'], {}).map((marker) => marker.date)).toContain(
      '2025-03-03',
    );
  });

  it('compares the periods wholly before the date with those from it', () => {
    const lines: KpiUnitLine[] = [
      {
        unit: 'A',
        points: [
          { period: '2024-12', value: 8, count: 1 },
          { period: '2025-01', value: 10, count: 1 },
          { period: '2025-02', value: 20, count: 1 },
          { period: '2025-03', value: 30, count: 1 },
          { period: '2025-04', value: 40, count: 1 },
        ],
      },
    ];
    // 2025-02-03 falls inside February: before = Dec, Jan (mean 9); after = Mar, Apr (mean 35).
    expect(beforeAfter(lines, '2025-02-03', 'month')).toEqual([
      { unit: 'A', before: { mean: 9, periods: 2 }, after: { mean: 35, periods: 2 }, change: 26 },
    ]);
    expect(splitPeriod('2025-02-03', 'month')).toBe('2025-02');
    // On a period's first day nothing is split: February counts as after.
    expect(beforeAfter(lines, '2025-02-01', 'month')[0]?.after).toEqual({ mean: 30, periods: 3 });
    expect(splitPeriod('2025-02-01', 'month')).toBeNull();
  });
});
