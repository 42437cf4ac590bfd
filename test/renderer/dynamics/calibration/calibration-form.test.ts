/**
 * The calibration form: a data file's problems named by file, row and column as a spreadsheet numbers them;
 * columns matched to variables by XMILE name; the spec with bounds, weights and left-out columns, each problem
 * named by the constant or the column.
 */
import { describe, expect, it } from 'vitest';
import {
  calibrationSpecOf,
  columnRows,
  readDataFile,
  type CalibrationForm,
} from '../../../../renderer/src/dynamics/calibration/calibration-form';

const variables = [
  { id: 'customers', name: 'Customers', kind: 'aux' as const },
  { id: 'cash', name: 'Cash', kind: 'stock' as const },
];

const form = (change: Partial<CalibrationForm> = {}): CalibrationForm => ({
  parameters: [
    { name: 'Training budget', value: 0.01, chosen: true, min: '0', max: '0.05', start: '0.01' },
    { name: 'Hiring policy', value: 1, chosen: false, min: '0', max: '1.3', start: '1' },
  ],
  columns: [
    { header: 'customers', variable: 'Customers', weight: '' },
    { header: 'notes', variable: '', weight: '' },
  ],
  maxIterations: '500',
  ...change,
});

describe('the calibration data file', () => {
  it('names the row and column of a cell that is not a number', () => {
    expect(readDataFile('kpis.csv', 'time,Customers\n0,3150\n3,abc\n')).toEqual({
      ok: false,
      problems: ['kpis.csv row 3, column Customers: "abc" is not a number'],
    });
  });

  it('reads semicolon files and matches columns to variables by XMILE name', () => {
    const reading = readDataFile('kpis.csv', 'Time;customers;Notes\n0;3150;1\n3;;2\n');
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    expect(Array.from(reading.loaded.data.times)).toEqual([0, 3]);
    expect(columnRows(reading.loaded.data, variables)).toEqual([
      { header: 'customers', variable: 'Customers', weight: '' },
      { header: 'Notes', variable: '', weight: '' },
    ]);
    expect(Number.isNaN(reading.loaded.data.columns[0]?.values[1])).toBe(true);
  });
});

describe('the calibration spec', () => {
  it('fits the chosen constants, maps and leaves out columns, and keeps weights given', () => {
    const columns = [
      { header: 'customers', variable: 'Customers', weight: '2' },
      { header: 'notes', variable: '', weight: '' },
    ];
    expect(calibrationSpecOf(form({ columns }))).toEqual({
      ok: true,
      spec: {
        parameters: [{ name: 'Training budget', min: 0, max: 0.05, start: 0.01 }],
        columns: { customers: 'Customers', notes: null },
        weights: { Customers: 2 },
        method: 'nelder-mead',
        tolerance: 1e-8,
        maxIterations: 500,
      },
    });
  });

  it('names the constant and the field of each problem', () => {
    const [first, second] = form().parameters;
    if (first === undefined || second === undefined) throw new Error('rows');
    expect(
      calibrationSpecOf(
        form({
          parameters: [
            { ...first, max: 'lots' },
            { ...second, chosen: true, min: '' },
          ],
        }),
      ),
    ).toEqual({
      ok: false,
      errors: ['Training budget: max "lots" is not a number', 'Hiring policy: min is empty'],
    });
    expect(calibrationSpecOf(form({ parameters: [{ ...first, start: '0.2' }, second] }))).toEqual({
      ok: false,
      errors: ['Training budget: start must lie between min and max'],
    });
    expect(calibrationSpecOf(form({ columns: [{ header: 'customers', variable: '', weight: '' }] }))).toEqual(
      { ok: false, errors: ['Match at least one data column to a model variable'] },
    );
  });
});
