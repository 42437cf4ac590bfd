import { describe, expect, it } from 'vitest';
import { describeDataProblem, readCalibrationData } from '../../../../model/sd/calibration';

const read = (text: string) =>
  readCalibrationData({ fileName: 'obs.csv', records: text.split('\n').map((line) => line.split(',')) });

const problems = (text: string): string[] => {
  const outcome = read(text);
  return outcome.ok ? [] : outcome.problems.map(describeDataProblem);
};

describe('calibration data', () => {
  it('reads a time column and value columns, empty cells as not observed', () => {
    const outcome = read('\uFEFFTime,Customers,Revenue\n0,100,\n1,110,5.5\n2.5,,6e1\n');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Array.from(outcome.data.times)).toEqual([0, 1, 2.5]);
    expect(outcome.data.columns.map((column) => column.header)).toEqual(['Customers', 'Revenue']);
    expect(Array.from(outcome.data.columns[0]?.values ?? [])).toEqual([100, 110, Number.NaN]);
    expect(Array.from(outcome.data.columns[1]?.values ?? [])).toEqual([Number.NaN, 5.5, 60]);
  });

  it('names the row and column of each bad cell', () => {
    expect(problems('time,a\n0,1\n1,x\n2,3')).toEqual(['obs.csv row 3, column a: "x" is not a number']);
    expect(problems('time,a\n0,1\nz,2')).toEqual(['obs.csv row 3, column time: "z" is not a number']);
    expect(problems('time,a\n0,1\n0,2')).toEqual([
      'obs.csv row 3, column time: 0 does not come after 0: times must increase',
    ]);
    expect(problems('time,a\n0,1,2')).toEqual(['obs.csv row 2: 3 cells where the header has 2']);
    expect(problems('time,a\n0,1,5%')[0]).toMatch(/row 2/);
    expect(problems('time,a\n0,1\n1,1,5')).toEqual(['obs.csv row 3: 3 cells where the header has 2']);
  });

  it('names what is wrong with the header or the file', () => {
    expect(problems('t,a\n0,1')).toEqual([
      'obs.csv row 1: no time column: name one column "time" (the header is t, a)',
    ]);
    expect(problems('time\n0')[0]).toMatch(/no data column/);
    expect(problems('time,a,A\n0,1,2')).toEqual([
      'obs.csv row 1, column A: the name is used by column 2 too',
    ]);
    expect(problems('time,a\n')).toEqual(['obs.csv: no data rows under the header']);
    expect(problems('')).toEqual(['obs.csv: the file is empty']);
    expect(problems('time,a,b\n0,1,\n1,2,')).toEqual(['obs.csv, column b: the column has no values']);
  });
});
