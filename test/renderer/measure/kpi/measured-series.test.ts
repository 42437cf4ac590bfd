/**
 * Measured series on the model's time axis: times worked by hand from the calendar, values read straight from
 * the sample CSVs (a quarter's mean by hand, an NPS counted from the raw answers), never from the engine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  measuredSeries,
  modelTime,
  periodEnd,
  periodStart,
} from '../../../../renderer/src/measure/kpi/measured-series';
import { ROOT, readTable, tableFromCsv } from '../../../model/measure/helpers';

const kpiTable = readTable('sample-data/measure/kpi.csv');
const npsTable = readTable('sample-data/measure/nps-answers.csv');

describe('modelTime', () => {
  it('counts calendar months from the start (2024-07-01 → 2025-02-01 is 7 months)', () => {
    expect(modelTime('2024-07-01', '2025-02-01', 'months')).toBe(7);
    expect(modelTime('2024-07-01', '2024-07-01', 'months')).toBe(0);
    expect(modelTime('2024-07-01', '2024-06-01', 'months')).toBe(-1);
    // 15 days into a 30-day June: 14/30 of a month past its first day.
    expect(modelTime('2024-05-01', '2024-06-15', 'months')).toBeCloseTo(1 + 14 / 30, 12);
  });
  it('quarters and years are months / 3 and / 12', () => {
    expect(modelTime('2024-07-01', '2025-04-01', 'quarters')).toBe(3);
    expect(modelTime('2024-07-01', '2026-01-01', 'years')).toBe(1.5);
  });
  it('days and weeks count calendar days, leap day included', () => {
    // 2024-02-01 → 2024-03-01: 29 days (2024 is a leap year).
    expect(modelTime('2024-02-01', '2024-03-01', 'days')).toBe(29);
    expect(modelTime('2024-07-01', '2024-07-15', 'weeks')).toBe(2);
  });
  it('starts a period on its first day and ends it the day after its last', () => {
    expect(periodStart('2025-Q3')).toBe('2025-07-01');
    expect(periodStart('2025-02')).toBe('2025-02-01');
    expect(periodStart('2026')).toBe('2026-01-01');
    expect(periodEnd('2024-12', 'month')).toBe('2025-01-01');
    expect(periodEnd('2025-Q4', 'quarter')).toBe('2026-01-01');
    expect(periodEnd('2025', 'year')).toBe('2026-01-01');
  });
});

describe('measuredSeries', () => {
  it("one unit's monthly KPI: the file's values in the middle of each month", () => {
    const result = measuredSeries(kpiTable, {
      source: 'kpi',
      kpi: 'customer_retention',
      unit: 'Customer Care',
      period: 'month',
      start: '2024-07-01',
      timeUnit: 'months',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.times.slice(0, 8)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]);
    // Rows of kpi.csv for Customer Care, customer_retention, 2024-07 .. 2025-02.
    expect(result.value.values.slice(0, 8)).toEqual([90.9, 91.1, 90.7, 91, 91.7, 91.6, 91.1, 91.1]);
    expect(result.value.times).toHaveLength(24);
    expect(result.value.units).toBe('%');
    expect(result.value.label).toBe('Customer retention, Customer Care (monthly)');
  });

  it('quarterly means in model quarters', () => {
    const result = measuredSeries(kpiTable, {
      source: 'kpi',
      kpi: 'customer_retention',
      unit: 'Customer Care',
      period: 'quarter',
      start: '2024-07-01',
      timeUnit: 'quarters',
    });
    if (!result.ok) throw new Error('failed');
    expect(result.value.times.slice(0, 2)).toEqual([0.5, 1.5]);
    expect(result.value.values[0]).toBeCloseTo((90.9 + 91.1 + 90.7) / 3, 12);
    expect(result.value.values[1]).toBeCloseTo((91 + 91.7 + 91.6) / 3, 12);
  });

  it("all units: the mean of each unit's value in the period", () => {
    const result = measuredSeries(kpiTable, {
      source: 'kpi',
      kpi: 'customer_retention',
      unit: null,
      period: 'month',
      start: '2024-07-01',
      timeUnit: 'months',
    });
    if (!result.ok) throw new Error('failed');
    const july = kpiTable.rows.filter((row) => row[0] === '2024-07-01' && row[2] === 'customer_retention');
    expect(july).toHaveLength(2); // Customer Care and Sales
    expect(result.value.values[0]).toBeCloseTo((Number(july[0]?.[3]) + Number(july[1]?.[3])) / 2, 12);
    expect(result.value.label).toContain('mean of all units');
  });

  it('NPS per quarter computed from the raw answers, never averaged', () => {
    const text = readFileSync(resolve(ROOT, 'sample-data/measure/nps-answers.csv'), 'utf8');
    const answers = text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter(
        ([date, unit]) => unit === 'Customer Care' && (date ?? '') >= '2025-01' && (date ?? '') < '2025-04',
      )
      .map(([, , answer]) => Number(answer));
    const promoters = answers.filter((a) => a >= 9).length;
    const detractors = answers.filter((a) => a <= 6).length;
    const result = measuredSeries(npsTable, {
      source: 'nps',
      kpi: 'nps',
      unit: 'Customer Care',
      period: 'quarter',
      start: '2024-07-01',
      timeUnit: 'months',
    });
    if (!result.ok) throw new Error('failed');
    // 2025-Q1 runs from 6 to 9 months after 2024-07-01: its middle is 7.5.
    const at = result.value.times.indexOf(7.5);
    expect(answers).toHaveLength(90);
    expect(result.value.values[at]).toBeCloseTo(((promoters - detractors) / answers.length) * 100, 12);
    expect(result.value.units).toBe('points (-100 to 100)');
  });

  it('NPS of all units pools the answers', () => {
    const table = tableFromCsv(
      'date,unit,answer\n2025-01-02,A,10\n2025-01-03,A,10\n2025-01-04,A,0\n2025-01-05,B,10\n',
    );
    const result = measuredSeries(table, {
      source: 'nps',
      kpi: 'nps',
      unit: null,
      period: 'month',
      start: '2025-01-01',
      timeUnit: 'months',
    });
    if (!result.ok) throw new Error('failed');
    // Pooled: 3 promoters, 1 detractor of 4 → 50 (the mean of A's 33.3 and B's 100 would be 66.7).
    expect(result.value.values).toEqual([50]);
    expect(result.value.times).toEqual([0.5]);
  });

  it('in days, a month’s middle is half its length: February 2024 (29 days) at 14.5', () => {
    const table = tableFromCsv(
      'date,unit,kpi,value\n2024-02-10,A,engagement,70\n2024-03-05,A,engagement,72\n',
    );
    const result = measuredSeries(table, {
      source: 'kpi',
      kpi: 'engagement',
      unit: 'A',
      period: 'month',
      start: '2024-02-01',
      timeUnit: 'days',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    // March 2024: days 29 to 60 after 2024-02-01, so 44.5.
    expect(result.value.times).toEqual([14.5, 44.5]);
  });

  it('names a bad start date and a bad cell with its row and column', () => {
    const bad = measuredSeries(kpiTable, {
      source: 'kpi',
      kpi: 'x',
      unit: null,
      period: 'month',
      start: '2024-13-01',
      timeUnit: 'months',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.message).toContain('2024-13-01');
    const table = tableFromCsv('date,unit,kpi,value\n2025-01-01,A,engagement,high\n');
    const cell = measuredSeries(table, {
      source: 'kpi',
      kpi: 'engagement',
      unit: 'A',
      period: 'month',
      start: '2025-01-01',
      timeUnit: 'months',
    });
    expect(cell.ok).toBe(false);
    if (!cell.ok) expect(cell.problems[0]?.message).toBe('row 2, column "value": "high" is not a number');
  });
});

describe('minimum group size (issue 11, point 2)', () => {
  const request = {
    source: 'kpi',
    kpi: 'employee_retention',
    period: 'month',
    start: '2024-07-01',
    timeUnit: 'months',
    // Team sizes of sample-data/network/nodes.csv; a minimum of 11 leaves Finance (10) out.
    privacy: { minGroupSize: 11, unitSizes: { Finance: 10, Sales: 18 } },
  } as const;

  it('refuses a unit smaller than the minimum, naming it', () => {
    const result = measuredSeries(kpiTable, { ...request, unit: 'Finance' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain('Finance has fewer than 11 people');
    expect(measuredSeries(kpiTable, { ...request, unit: 'Sales' }).ok).toBe(true);
  });

  it("leaves the small unit out of all units' mean and says so", () => {
    const result = measuredSeries(kpiTable, { ...request, unit: null });
    if (!result.ok) throw new Error('failed');
    const july = kpiTable.rows.filter(
      (row) => row[0] === '2024-07-01' && row[2] === 'employee_retention' && row[1] !== 'Finance',
    );
    expect(july).toHaveLength(5);
    const mean = july.reduce((sum, row) => sum + Number(row[3]), 0) / 5;
    expect(result.value.values[0]).toBeCloseTo(mean, 12);
    expect(result.value.label).toContain('1 unit under the minimum group size left out');
  });
});
