/**
 * KPI formulas worked by hand from their sources (formulas.ts), the long-CSV parser's errors, aggregation per
 * unit and period, NPS computed from answers, and initiatives as markers.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregateSeries,
  customerLifetimeValue,
  kpiChart,
  customerRetentionRate,
  employeeRetentionRate,
  netPromoterScore,
  npsSeries,
  parseInitiatives,
  parseKpiSeries,
  periodOf,
  replacementCostPerLeaver,
  turnoverCost,
  turnoverRate,
} from '../../../model/measure';
import { tableFromCsv } from './helpers';

describe('formulas', () => {
  it('NPS: % promoters (9-10) minus % detractors (0-6)', () => {
    // 4 promoters, 3 passives (7, 8), 3 detractors of 10 → 40 - 30.
    expect(netPromoterScore([10, 9, 9, 10, 7, 8, 7, 6, 0, 3])).toEqual({
      promoters: 4,
      passives: 3,
      detractors: 3,
      responses: 10,
      nps: 10,
    });
    expect(netPromoterScore([]).nps).toBeNull();
  });
  it('retention and turnover rates', () => {
    // 1,000 customers at the start, 980 at the end of which 100 new: (980 - 100) / 1000 = 88%.
    expect(customerRetentionRate(1000, 980, 100)).toBeCloseTo(88, 12);
    expect(customerRetentionRate(0, 10, 10)).toBeNull();
    expect(employeeRetentionRate(50, 44)).toBeCloseTo(88, 12);
    // 6 leavers over an average of 48 people: 12.5%.
    expect(turnoverRate(6, 48)).toBeCloseTo(12.5, 12);
  });
  it('turnover cost: 21% of salary by default (Boushey & Glynn 2012), or the itemized costs', () => {
    expect(replacementCostPerLeaver({ kind: 'share', annualSalary: 50000 })).toBeCloseTo(10500, 9);
    expect(turnoverCost(3, { kind: 'share', annualSalary: 40000, shareOfSalary: 0.16 })).toBeCloseTo(
      19200,
      9,
    );
    expect(
      replacementCostPerLeaver({
        kind: 'itemized',
        separation: 500,
        vacancy: 2000,
        replacement: 3000,
        training: 1500,
        lostProductivity: 4000,
      }),
    ).toBe(11000);
  });
  it('CLV: m r / (1 + d - r), and the finite sum (Gupta & Lehmann 2003)', () => {
    // 100 a year, 80% retention, 10% discount: 100 * 0.8 / 0.3.
    expect(customerLifetimeValue(100, 0.8, 0.1)).toBeCloseTo(266.6666666667, 9);
    // Two years: 100 * 0.8 / 1.1 + 100 * 0.64 / 1.21.
    expect(customerLifetimeValue(100, 0.8, 0.1, 2)).toBeCloseTo(72.7272727273 + 52.8925619835, 9);
    expect(customerLifetimeValue(100, 1, 0.1)).toBeNull();
  });
});

describe('KPI series', () => {
  const table = tableFromCsv(
    'date,team,kpi,value\n2025-01-01,Sales,customer_retention,90\n2025-02-01,Sales,customer_retention,92\n2025-04-01,Sales,customer_retention,95\n2025-01-01,Sales,turnover_cost,1000\n2025-03-01,Sales,turnover_cost,500\n2025-01-01,Care,customer_retention,80\n2025-02-01,Care,resolution_time,\n',
  );
  it('reads date, unit (or team), kpi, value, skipping empty values', () => {
    const parsed = parseKpiSeries(table);
    expect(parsed.ok && parsed.value).toHaveLength(6);
    expect(parsed.ok && parsed.value[0]).toEqual({
      row: 2,
      date: '2025-01-01',
      unit: 'Sales',
      kpi: 'customer_retention',
      value: 90,
    });
  });
  it('aggregates per unit and quarter: rates averaged, costs added, and all units together', () => {
    const parsed = parseKpiSeries(table);
    if (!parsed.ok) throw new Error('parse');
    const points = aggregateSeries(parsed.value, 'quarter', { allUnits: true });
    const find = (unit: string, kpi: string, period: string) =>
      points.find((point) => point.unit === unit && point.kpi === kpi && point.period === period);
    expect(find('Sales', 'customer_retention', '2025-Q1')).toMatchObject({
      value: 91,
      count: 2,
      aggregation: 'mean',
    });
    expect(find('Sales', 'customer_retention', '2025-Q2')).toMatchObject({ value: 95, count: 1 });
    expect(find('Sales', 'turnover_cost', '2025-Q1')).toMatchObject({ value: 1500, aggregation: 'sum' });
    expect(find('(all)', 'customer_retention', '2025-Q1')).toMatchObject({ value: 262 / 3, count: 3 });
    expect(
      aggregateSeries(parsed.value, 'year', { override: 'last' }).find(
        (point) => point.unit === 'Sales' && point.kpi === 'customer_retention',
      )?.value,
    ).toBe(95);
  });
  it('labels periods so they sort in time', () => {
    expect(['2025-11-30', '2025-02-01'].map((date) => periodOf(date, 'month'))).toEqual([
      '2025-11',
      '2025-02',
    ]);
    expect(periodOf('2025-11-30', 'quarter')).toBe('2025-Q4');
    expect(periodOf('2025-11-30', 'year')).toBe('2025');
  });
  it.each([
    [
      'date,unit,kpi,value\n2025-02-30,A,nps,1\n',
      /row 2, column "date": "2025-02-30" is not a date written YYYY-MM-DD/,
    ],
    ['date,unit,kpi,value\n2025-02-03,A,nps,high\n', /row 2, column "value": "high" is not a number/],
    [
      'date,unit,kpi,value\n2025-02-03,A,nps,1\n2025-02-03,A,nps,2\n',
      /row 3: nps of A on 2025-02-03 was already given in row 2/,
    ],
    ['when,unit,kpi,value\n', /no "date" column/],
  ])('names the problem: %s', (csv, message) => {
    const parsed = parseKpiSeries(tableFromCsv(csv));
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(message);
  });
});

describe('NPS from answers and initiatives', () => {
  it('computes NPS per unit and month from the answers, never by averaging scores', () => {
    const parsed = npsSeries(
      tableFromCsv('date,unit,answer\n2025-01-05,A,10\n2025-01-20,A,3\n2025-01-21,A,8\n2025-02-01,A,9\n'),
      'month',
    );
    expect(parsed.ok && parsed.value.map(({ date, value, responses }) => [date, value, responses])).toEqual([
      ['2025-01-05', 0, 3],
      ['2025-02-01', 100, 1],
    ]);
    const bad = npsSeries(tableFromCsv('date,unit,answer\n2025-01-05,A,11\n'), 'month');
    expect(!bad.ok && bad.problems[0]?.message).toBe(
      'row 2, column "answer": "11" is not a whole number from 0 to 10',
    );
  });
  it('reads initiatives with an optional unit', () => {
    const parsed = parseInitiatives(
      tableFromCsv('date,label,unit\n2025-02-03,Circles start,\n2025-03-03,Hand-over,Care\n'),
    );
    expect(parsed.ok && parsed.value).toEqual([
      { date: '2025-02-03', label: 'Circles start', unit: null },
      { date: '2025-03-03', label: 'Hand-over', unit: 'Care' },
    ]);
  });
});

describe('chart data', () => {
  it('draws one line per KPI and unit, with the initiatives inside the charted dates as markers', () => {
    const parsed = parseKpiSeries(
      tableFromCsv(
        'date,unit,kpi,value\n2025-01-01,A,engagement,3\n2025-02-01,A,engagement,4\n2025-04-01,A,engagement,5\n2025-01-01,B,engagement,2\n2025-01-01,B,clv,100\n',
      ),
    );
    const markers = parseInitiatives(
      tableFromCsv('date,label,unit\n2024-12-01,Too early,\n2025-02-03,Training,\n2025-03-01,B only,B\n'),
    );
    if (!parsed.ok || !markers.ok) throw new Error('parse');
    const chart = kpiChart(parsed.value, markers.value, {
      period: 'quarter',
      kpis: ['engagement'],
      units: ['A'],
    });
    expect(chart.lines).toHaveLength(1);
    expect(chart.lines[0]?.kpi.label).toBe('Engagement');
    expect(chart.lines[0]?.points).toEqual([
      { period: '2025-Q1', value: 3.5, count: 2 },
      { period: '2025-Q2', value: 5, count: 1 },
    ]);
    expect(chart.markers).toEqual([{ date: '2025-02-03', label: 'Training', unit: null, period: '2025-Q1' }]);
  });
});
