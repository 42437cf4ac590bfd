/**
 * Measured series on the model's time axis (issue 10, point 4): what a data set offers, the choice turned into
 * scaled points, and those points as calibration data. Expected values are worked by hand from the tables below
 * and from sample-data/measure/kpi.csv's rows (quoted in the comments).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../../../model/stats/data-table';
import { defaultChoice, scaleFor } from '../../../../renderer/src/dynamics/measured/default-choice';
import {
  measuredCalibrationData,
  measuredColumns,
} from '../../../../renderer/src/dynamics/measured/measured-calibration';
import {
  ALL_UNITS,
  measuredLegendLabel,
  measuredSourceName,
  readMeasuredChoice,
  writeMeasuredChoice,
  type MeasuredChoice,
} from '../../../../renderer/src/dynamics/measured/measured-choice';
import {
  measuredOptions,
  modelTimeUnitOf,
  scaledSeries,
  seriesCsv,
  unitsAfterScale,
  withinRun,
} from '../../../../renderer/src/dynamics/measured/measured-options';

const kpiTable: DataTable = {
  columns: ['date', 'unit', 'kpi', 'value'],
  rows: [
    ['2025-01-01', 'Care', 'customer_retention', '90'],
    ['2025-02-01', 'Care', 'customer_retention', '92'],
    ['2025-03-01', 'Care', 'customer_retention', '94'],
    ['2025-04-01', 'Care', 'customer_retention', '96'],
    ['2025-01-01', 'Sales', 'customer_retention', '80'],
    ['2025-04-01', 'Sales', 'customer_retention', '84'],
    ['2025-01-01', 'Care', 'resolution_time', '20'],
  ],
};

const choice = (change: Partial<MeasuredChoice> = {}): MeasuredChoice => ({
  datasetId: 'd1',
  datasetName: 'KPIs by team',
  kind: 'kpi',
  kpi: 'customer_retention',
  unit: 'Care',
  period: 'month',
  timeZero: null,
  scale: 0.01,
  variable: 'Customer retention',
  ...change,
});

const options = () => {
  const read = measuredOptions('KPIs by team', 'kpi', kpiTable);
  if (!read.ok) throw new Error(read.problems.join('; '));
  return read.options;
};

describe('measuredOptions', () => {
  it('lists each KPI with the units that report it and the first date', () => {
    const read = options();
    expect([...read.kpis]).toEqual([
      ['customer_retention', ['Care', 'Sales']],
      ['resolution_time', ['Care']],
    ]);
    expect(read.firstDate).toBe('2025-01-01');
  });

  it('names the data set, row and column of a bad cell', () => {
    const read = measuredOptions('KPIs by team', 'kpi', {
      columns: kpiTable.columns,
      rows: [['2025-13-01', 'Care', 'customer_retention', '90']],
    });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatch(/^KPIs by team: row 2, column "date": "2025-13-01"/);
  });

  it('reads the units and first date of raw NPS answers', () => {
    const read = measuredOptions('NPS answers', 'nps', {
      columns: ['date', 'unit', 'answer'],
      rows: [
        ['2025-02-03', 'Sales', '9'],
        ['2025-01-20', 'Care', '10'],
      ],
    });
    expect(read.ok && [...read.options.kpis]).toEqual([['nps', ['Care', 'Sales']]]);
    expect(read.ok && read.options.firstDate).toBe('2025-01-20');
  });
});

describe('modelTimeUnitOf', () => {
  it('reads the calendar units models are written in, and refuses others', () => {
    expect(modelTimeUnitOf('Months')).toBe('months');
    expect(modelTimeUnitOf('year')).toBe('years');
    expect(modelTimeUnitOf('Weeks')).toBe('weeks');
    expect(modelTimeUnitOf('Day')).toBe('days');
    expect(modelTimeUnitOf('Time')).toBeUndefined();
    expect(modelTimeUnitOf(undefined)).toBeUndefined();
  });
});

describe('scaledSeries', () => {
  it('places each month in its middle, in months from time 0, and applies the scale', () => {
    const read = scaledSeries(kpiTable, choice(), options(), 'Months');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Array.from(read.series.times)).toEqual([0.5, 1.5, 2.5, 3.5]);
    // 90, 92, 94, 96 % × 0.01
    [0.9, 0.92, 0.94, 0.96].forEach((value, index) =>
      expect(read.series.values[index]).toBeCloseTo(value, 12),
    );
    expect(read.series.label).toBe('Measured: Customer retention, Care');
    expect(read.series.timeZero).toBe('2025-01-01');
  });

  it('averages a quarter and every unit when asked, from a chosen time 0', () => {
    const read = scaledSeries(
      kpiTable,
      choice({ unit: ALL_UNITS, period: 'quarter', timeZero: '2024-10-01', scale: 1 }),
      options(),
      'Months',
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // Q1: Care (90+92+94)/3 = 92, Sales 80: mean 86, in the middle of months 3 to 6 after 2024-10-01 (4.5);
    // Q2: (96 + 84)/2 = 90 at 7.5.
    expect(Array.from(read.series.times)).toEqual([4.5, 7.5]);
    expect(read.series.values[0]).toBeCloseTo(86, 12);
    expect(read.series.values[1]).toBeCloseTo(90, 12);
    expect(read.series.label).toBe('Measured: Customer retention, all units');
  });

  it('keeps a unit smaller than the minimum group size off the chart, alone or in the mean (issue 11)', () => {
    const privacy = { minGroupSize: 5, unitSizes: { Care: 12, Sales: 3 } };
    const alone = scaledSeries(kpiTable, choice({ unit: 'Sales' }), options(), 'Months', privacy);
    expect(alone.ok).toBe(false);
    if (!alone.ok) expect(alone.problems[0]).toMatch(/Sales has fewer than 5 people/);
    const all = scaledSeries(kpiTable, choice({ unit: ALL_UNITS, scale: 1 }), options(), 'Months', privacy);
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    // Care alone: 90, 92, 94, 96 (Sales's 80 and 84 left out of January's and April's means).
    expect(Array.from(all.series.values)).toEqual([90, 92, 94, 96]);
  });

  it('places the chosen date at the model’s own start time', () => {
    // A model running from month 12: January 2025 (the first date) from 12 to 13, so at 12.5; April at 15.5.
    const read = scaledSeries(kpiTable, choice(), options(), 'Months', undefined, 12);
    expect(read.ok).toBe(true);
    if (read.ok) expect(Array.from(read.series.times)).toEqual([12.5, 13.5, 14.5, 15.5]);
  });

  it('says why a model without a calendar time unit cannot place dates', () => {
    const read = scaledSeries(kpiTable, choice(), options(), 'Time');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatch(/time unit is “Time”/);
  });

  it('reads the sample: Customer Care retention of 2024-Q3 is (90.9 + 91.1 + 90.7) / 3 = 90.9 %', () => {
    const text = readFileSync('sample-data/measure/kpi.csv', 'utf8');
    const [columns, ...rows] = Papa.parse<string[]>(text.trim()).data;
    const table = { columns: columns ?? [], rows };
    const read = measuredOptions('KPIs by team', 'kpi', table);
    if (!read.ok) throw new Error(read.problems.join('; '));
    const series = scaledSeries(
      table,
      choice({ unit: 'Customer Care', period: 'quarter' }),
      read.options,
      'Months',
    );
    expect(series.ok).toBe(true);
    if (!series.ok) return;
    // 2024-07 to 2026-06: eight quarters, in their middles at 1.5, 4.5, ..., 22.5 months.
    expect(Array.from(series.series.times)).toEqual([1.5, 4.5, 7.5, 10.5, 13.5, 16.5, 19.5, 22.5]);
    expect(series.series.values[0]).toBeCloseTo(0.909, 12);
    // 2024-Q4: (91 + 91.7 + 91.6) / 3 = 91.4333...
    expect(series.series.values[1]).toBeCloseTo(0.914333333333, 10);
  });
});

describe('NPS from raw answers', () => {
  const answers: DataTable = {
    columns: ['date', 'unit', 'answer'],
    rows: [
      ['2025-01-05', 'Care', '10'],
      ['2025-01-06', 'Care', '9'],
      ['2025-01-07', 'Care', '3'],
      ['2025-01-08', 'Sales', '9'],
      ['2025-01-09', 'Sales', '9'],
    ],
  };
  const nps = (unit: string) => {
    const read = measuredOptions('NPS answers', 'nps', answers);
    if (!read.ok) throw new Error(read.problems.join('; '));
    const series = scaledSeries(
      answers,
      choice({ kind: 'nps', kpi: 'nps', unit, scale: 1, datasetName: 'NPS answers' }),
      read.options,
      'Months',
    );
    if (!series.ok) throw new Error(series.problems.join('; '));
    return Array.from(series.series.values);
  };

  it('scores one unit, and all units from the pooled answers, never an average of scores', () => {
    // Care: 2 promoters, 1 detractor of 3 = 33.3; Sales: 2 of 2 = 100; pooled: 4 promoters, 1 detractor of 5 = 60.
    expect(nps('Care')[0]).toBeCloseTo(100 / 3, 10);
    expect(nps('Sales')).toEqual([100]);
    expect(nps(ALL_UNITS)).toEqual([60]);
  });
});

describe('unitsAfterScale', () => {
  it('says a % scaled by 0.01 is a fraction', () => {
    expect(unitsAfterScale('%', 0.01)).toBe('a fraction (% × 0.01)');
    expect(unitsAfterScale('hours', 1)).toBe('hours');
    expect(unitsAfterScale('', 2)).toBe('value × 2');
  });
});

describe('withinRun and the calibration data', () => {
  it('keeps the points within the run', () => {
    const read = scaledSeries(kpiTable, choice(), options(), 'Months');
    if (!read.ok) throw new Error('unread');
    expect(Array.from(withinRun(read.series, 1, 2).times)).toEqual([1.5]);
    expect(Array.from(withinRun(read.series, 0.5, 2.5).times)).toEqual([0.5, 1.5, 2.5]);
  });

  it('becomes calibration data under a name saying where it came from', () => {
    const read = scaledSeries(kpiTable, choice({ period: 'month' }), options(), 'Months');
    if (!read.ok) throw new Error('unread');
    const data = measuredCalibrationData(read.series, choice());
    expect(data.ok).toBe(true);
    if (!data.ok) return;
    expect(data.loaded.fileName).toBe('Measured: KPIs by team / Care / customer_retention (month)');
    expect(Array.from(data.loaded.data.times)).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(data.loaded.data.columns.map((column) => column.header)).toEqual(['customer_retention']);
    expect(data.loaded.data.columns[0]?.values[3]).toBeCloseTo(0.96, 12);
    expect(data.loaded.text.split('\n')[0]).toBe('time,customer_retention');
    expect(measuredColumns(choice(), [{ header: 'customer_retention', variable: 'x', weight: '2' }])).toEqual(
      [{ header: 'customer_retention', variable: 'Customer retention', weight: '2' }],
    );
    expect(seriesCsv(read.series, 'a,b').split('\n')[0]).toBe('time,"a,b"');
  });
});

describe('the choice', () => {
  const variables = [
    { id: 'customers', name: 'Customers', kind: 'aux' as const },
    { id: 'customer_retention', name: 'Customer retention', kind: 'aux' as const },
  ];

  it('starts from the KPI named like a model variable, scaled from % to a fraction', () => {
    expect(
      defaultChoice({ id: 'd1', name: 'KPIs by team', kind: 'kpi' }, options(), variables, () => undefined),
    ).toEqual(choice({ period: 'quarter' }));
    expect(scaleFor('customer_retention', '%')).toBe(1);
    expect(scaleFor('resolution_time', undefined)).toBe(1);
  });

  it('names the source and the legend entry', () => {
    expect(measuredSourceName(choice({ period: 'quarter' }))).toBe(
      'Measured: KPIs by team / Care / customer_retention (quarter)',
    );
    expect(measuredLegendLabel(choice({ unit: 'Customer Care' }))).toBe(
      'Measured: Customer retention, Customer Care',
    );
  });

  it('is remembered per model and a broken entry is dropped', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    writeMeasuredChoice('chart', 'm1', choice(), storage);
    expect(readMeasuredChoice('chart', 'm1', storage)).toEqual(choice());
    expect(readMeasuredChoice('chart', 'm2', storage)).toBeUndefined();
    store.set('empathy-workbench.measured-chart.m1', '{"datasetId":3}');
    expect(readMeasuredChoice('chart', 'm1', storage)).toBeUndefined();
    writeMeasuredChoice('chart', 'm1', undefined, storage);
    expect(store.size).toBe(0);
  });
});
