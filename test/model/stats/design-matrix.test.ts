/**
 * Design matrices as R's model.matrix builds them: intercept first, numeric columns by name, categorical
 * terms dummy coded against R's first level (or a chosen one) and named term + level; complete cases only.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDesignMatrix,
  parseTerm,
  sortLevels,
  type DataTable,
  type TermSpec,
} from '../../../model/stats';

const TABLE: DataTable = {
  columns: ['y', 'x', 'team', 'size'],
  rows: [
    ['1.5', '2', 'b', '10'],
    ['2.5', '3', 'a', '2'],
    ['NA', '4', 'c', '10'],
    ['4', '', 'a', '2'],
    ['5', '6', 'c', '10'],
    ['6', '7', 'b', '9'],
  ],
};

const terms = (...texts: string[]): TermSpec[] =>
  texts.map((text) => {
    const term = parseTerm(text);
    if (!term.ok) throw new Error(term.error);
    return term.value;
  });

describe('design matrix', () => {
  it('names and codes as R does, dropping incomplete rows', () => {
    const design = buildDesignMatrix(TABLE, 'y', terms('x', 'team', 'factor(size)'));
    if (!design.ok) throw new Error(design.error);
    expect(design.value.names).toEqual([
      '(Intercept)',
      'x',
      'teamb',
      'teamc',
      'factor(size)9',
      'factor(size)10',
    ]);
    expect(design.value.droppedRows).toEqual([4, 5]);
    expect(design.value.n).toBe(4);
    expect(Array.from(design.value.x.subarray(0, 6))).toEqual([1, 2, 1, 0, 0, 1]);
    expect(Array.from(design.value.y)).toEqual([1.5, 2.5, 5, 6]);
    expect(design.value.terms.map((term) => [term.text, term.kind, term.reference])).toEqual([
      ['x', 'numeric', null],
      ['team', 'categorical', 'a'],
      ['factor(size)', 'categorical', '2'],
    ]);
  });

  it('takes a chosen reference level', () => {
    const design = buildDesignMatrix(TABLE, 'y', terms('team'), { references: { team: 'c' } });
    expect(design.ok && design.value.names).toEqual(['(Intercept)', 'teama', 'teamb']);
  });

  it('without an intercept keeps every level of the first factor, as R does', () => {
    const design = buildDesignMatrix(TABLE, 'y', terms('team', 'x'), { intercept: false });
    expect(design.ok && design.value.names).toEqual(['teama', 'teamb', 'teamc', 'x']);
  });

  it('orders levels as R: numbers numerically, text by code point', () => {
    expect(sortLevels(['10', '9', '2'])).toEqual(['2', '9', '10']);
    expect(sortLevels(['b', 'B', 'a'])).toEqual(['B', 'a', 'b']);
  });

  it('explains what it cannot build', () => {
    const error = (outcome: string, texts: string[], references: Record<string, string> = {}) => {
      const design = buildDesignMatrix(TABLE, outcome, terms(...texts), { references });
      return design.ok ? null : design.error;
    };
    expect(error('z', ['x'])).toBe('no column "z" (the outcome) in the data');
    expect(error('y', ['w'])).toBe('no column "w" (predictor w) in the data');
    expect(error('y', ['y'])).toBe('"y" is the outcome and cannot be a predictor');
    expect(error('team', ['x'])).toBe(
      'row 2, column "team": "b" is not a number (the outcome must be numeric)',
    );
    expect(error('y', ['x'], { team: 'a' })).toBe(
      'a reference level is given for "team", which is not a predictor',
    );
    expect(error('y', ['x'], { x: '2' })).toBe(
      '"x" is numeric; write factor(x) to give it a reference level',
    );
    expect(parseTerm('log(x)').ok).toBe(false);
  });
});
