import { describe, expect, it } from 'vitest';
import { jsonNumber, regressionJsonFields } from '../../../model/stats';

describe('regression JSON fields', () => {
  it('writes numbers JSON cannot hold as null, in the documented order', () => {
    expect([jsonNumber(1.5), jsonNumber(Number.NaN), jsonNumber(Infinity)]).toEqual([1.5, null, null]);
    const fields = regressionJsonFields({
      n: 4,
      droppedRows: [3],
      dfResidual: 2,
      rows: [{ name: 'x', estimate: 2, stdError: 0, t: Infinity, p: 0 }],
      rSquared: 1,
      adjRSquared: 1,
      residualStandardError: 0,
      fStatistic: { value: Infinity, df1: 1, df2: 2, p: 0 },
      waldF: null,
      logLik: 3,
      aic: -1,
      bic: -2,
      terms: [
        { text: 'x', column: 'x', kind: 'numeric', levels: [], reference: null, coefficientIndexes: [1] },
        {
          text: 'factor(g)',
          column: 'g',
          kind: 'categorical',
          levels: ['a', 'b'],
          reference: 'a',
          coefficientIndexes: [2],
        },
      ],
    });
    expect(Object.keys(fields)).toEqual([
      'n',
      'droppedRows',
      'dfResidual',
      'coefficients',
      'rSquared',
      'adjRSquared',
      'residualStandardError',
      'fStatistic',
      'robustWaldF',
      'logLik',
      'aic',
      'bic',
      'terms',
    ]);
    expect(fields.coefficients).toEqual({ x: { estimate: 2, stdError: 0, t: null, p: 0 } });
    expect(fields.fStatistic).toEqual({ value: null, df1: 1, df2: 2, p: 0 });
    expect(fields.robustWaldF).toBeNull();
    expect(fields.terms).toEqual([
      { term: 'x', kind: 'numeric' },
      { term: 'factor(g)', kind: 'categorical', levels: ['a', 'b'], reference: 'a' },
    ]);
  });
});
