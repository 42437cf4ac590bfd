/**
 * The KPI file's optional `n` column, read once for the import, `kpi series` and the KPIs tab: each unit's
 * smallest n, and every bad cell named by its spreadsheet row (header = 1) and column. Expectations worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { knownUnitSizes, readGroupSizes } from '../../../../model/measure';
import { tableFromCsv } from '../helpers';

describe('readGroupSizes', () => {
  it("takes each unit's smallest n, skipping empty and NA cells", () => {
    const table = tableFromCsv(
      [
        'date,team,kpi,value,N',
        '2024-01-05,Sales,nps,10,12',
        '2024-02-05,Sales,nps,12,9',
        '2024-01-05,Care,nps,30,',
        '2024-02-05,Care,nps,31,NA',
        '2024-01-05,Finance,nps,5,4',
      ].join('\n'),
    );
    const read = readGroupSizes(table);
    expect(read.problems).toEqual([]);
    // Sales: min(12, 9) = 9; Care has no n at all, so its size is not known from the file.
    expect(read.sizes).toEqual(
      new Map([
        ['Sales', 9],
        ['Finance', 4],
      ]),
    );
  });

  it('reads the first of unit and team, as parseKpiSeries does', () => {
    const table = tableFromCsv(['date,team,unit,kpi,value,n', '2024-01-05,T1,U1,nps,1,7'].join('\n'));
    expect(readGroupSizes(table).sizes).toEqual(new Map([['T1', 7]]));
  });

  it('names every cell that is not a whole number from 0, by row and column', () => {
    const table = tableFromCsv(
      [
        'date,unit,kpi,value,n',
        '2024-01-05,A,nps,1,11.5',
        '2024-01-05,B,nps,1,-1',
        '2024-01-05,C,nps,1,many',
        '2024-01-05,D,nps,1,0x10',
        '2024-01-05,E,nps,1,0',
      ].join('\n'),
    );
    const read = readGroupSizes(table);
    expect(read.problems).toEqual(
      (
        [
          [2, '11.5'],
          [3, '-1'],
          [4, 'many'],
          [5, '0x10'],
        ] as const
      ).map(([row, cell]) => ({
        row,
        column: 'n',
        message: `row ${row}, column "n": "${cell}" is not a number of people (a whole number from 0)`,
      })),
    );
    expect(read.sizes).toEqual(new Map([['E', 0]]));
  });

  it('has no sizes without an n column, and checks the cells without a unit column', () => {
    expect(readGroupSizes(tableFromCsv('date,unit,kpi,value\n2024-01-05,A,nps,1'))).toEqual({
      sizes: undefined,
      problems: [],
    });
    const unitless = readGroupSizes(tableFromCsv('date,kpi,value,n\n2024-01-05,nps,1,x'));
    expect(unitless.sizes).toBeUndefined();
    expect(unitless.problems.map((problem) => problem.row)).toEqual([2]);
  });

  it('takes the smaller of the saved size and the file’s n, and either alone', () => {
    // A: n 12 and 9 (so 9), saved 20 -> 9; B: n 4, saved 30 -> 4; C: saved 3 only; D: n 7 only.
    const table = tableFromCsv(
      'date,unit,kpi,value,n\n2024-01-05,A,x,1,12\n2024-02-05,A,x,1,9\n2024-01-05,B,x,1,4\n2024-01-05,D,x,1,7',
    );
    const known = knownUnitSizes(table, { A: 20, B: 30, C: 3 });
    expect(Object.fromEntries(known.sizes)).toEqual({ A: 9, B: 4, C: 3, D: 7 });
    expect(Object.fromEntries(knownUnitSizes(undefined, { C: 3 }).sizes)).toEqual({ C: 3 });
  });
});
