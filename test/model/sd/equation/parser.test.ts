import { describe, expect, it } from 'vitest';
import { parseEquation, ParseError } from '../../../../model/sd/equation/parser';
import { foldConstants } from '../../../../model/sd/graph/fold';
import type { Expr } from '../../../../model/sd/equation/ast';

/** Parses and folds an equation of numbers only to the number it denotes. */
function value(text: string): number {
  const folded = foldConstants(parseEquation(text), 'xmile');
  if (folded.kind !== 'number') throw new Error(`${text} did not fold to a number`);
  return folded.value;
}

function parseError(text: string): ParseError {
  try {
    parseEquation(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe('numbers', () => {
  it.each([
    ['1e-3', 0.001],
    ['.5', 0.5],
    ['3e-05', 3e-5],
    ['1.', 1],
    ['2.5E+2', 250],
    ['-.67', -0.67],
    ['+.72', 0.72],
  ])('%s is %d', (text, expected) => expect(value(text)).toBe(expected));
});

describe('operator precedence (XMILE 1.0 section 3.3.1)', () => {
  it.each([
    ['-2^2', -4], // unary minus binds looser than ^ (Vensim, test-models exponentiation)
    ['2^3^2', 512], // ^ is right-associative
    ['2^-1', 0.5],
    ['1+2*3', 7],
    ['(1+2)*3', 9],
    ['4 - 5 + 6', 5], // left to right (test-models eval_order)
    ['8/4/2', 1],
    ['7 MOD 3', 1],
    ['10 mod 4 * 2', 4],
    ['2 + 7 MOD 3', 3],
    ['1 < 2 AND 3 > 4', 0],
    ['1 < 2 OR 3 > 4', 1],
    ['1 OR 0 AND 0', 1], // AND binds tighter than OR
    ['NOT 0', 1],
    ['NOT 1 = 0', 1], // NOT applies to 1, then (0 = 0)
    ['1 = 1', 1],
    ['1 <> 1', 0],
    ['2 >= 2', 1],
    ['IF 1 THEN 2 ELSE 3', 2],
    ['IF 0 THEN 2 ELSE IF 1 THEN 4 ELSE 5', 4],
    ['1 + (IF 0 THEN 1 ELSE 2) * 3', 7],
    ['{a comment} 3 {another}', 3],
  ])('%s = %d', (text, expected) => expect(value(text)).toBe(expected));
});

describe('names', () => {
  it('resolves quoted names with escapes and keeps the text as written', () => {
    const expr = parseEquation('"Aux with \\"quotes\\" and $peC!@|"') as Extract<Expr, { kind: 'ref' }>;
    expect(expr.kind).toBe('ref');
    expect(expr.name).toBe('Aux with "quotes" and $peC!@|');
    expect(expr.id).toBe('aux_with_"quotes"_and_$pec!@|');
  });

  it('reads unicode names', () => {
    const expr = parseEquation('2*this_is_a_german_variable_with_ö_ä_ü') as Extract<Expr, { kind: 'binary' }>;
    expect(expr.right).toMatchObject({ kind: 'ref', id: 'this_is_a_german_variable_with_ö_ä_ü' });
  });

  it('reads a function name written with spaces, as Vensim conversions leave it', () => {
    expect(parseEquation('EXPRESSION MACRO(a, b)')).toMatchObject({ kind: 'call', id: 'expression_macro' });
  });

  it('reads "mod" as a name where an operand is expected and MOD(a, b) as a call', () => {
    expect(parseEquation('mod')).toMatchObject({ kind: 'ref', id: 'mod' });
    expect(parseEquation('MOD(10, 3)')).toMatchObject({ kind: 'call', id: 'mod' });
  });

  it('keeps the span of every node', () => {
    const expr = parseEquation('a + b_c') as Extract<Expr, { kind: 'binary' }>;
    expect(expr.span).toEqual({ start: 0, end: 7 });
    expect(expr.right.span).toEqual({ start: 4, end: 7 });
  });
});

describe('errors name the position', () => {
  it.each([
    ['a + * b', 4, 'expected a number'],
    ['(a + b', 6, 'expected ")"'],
    ['a b +', 5, 'expected a number'],
    ['', 0, 'empty'],
    ['f(a,', 4, 'expected a number'],
    ['x[1]', 1, 'subscripts are not supported'],
    ['"unclosed', 0, 'never closed'],
    ['a # b', 2, 'unexpected character'],
    ['IF a THEN b', 11, 'expected ELSE'],
    ['1 2', 2, 'after a complete expression'],
  ])('%s', (text, start, message) => {
    const error = parseError(text);
    expect(error.span.start).toBe(start);
    expect(error.message).toContain(message);
  });
});
