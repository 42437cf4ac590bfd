/** Every compile error names the variable and, for equation errors, the position; none throws. */
import { describe, expect, it } from 'vitest';
import { aux, compileErrors, flow, stock } from '../helpers';

const messages = (variables: string, extra: { after?: string } = {}): string[] =>
  compileErrors({ variables, ...extra }).map((diagnostic) => diagnostic.message);

describe('compile errors', () => {
  it('names an unknown variable, the variable whose equation has it and the column', () => {
    const [diagnostic] = compileErrors({
      variables: aux('total', 'price * quantitty') + aux('price', '2') + aux('quantity', '3'),
    });
    expect(diagnostic).toMatchObject({
      code: 'unknown-variable',
      variable: 'total',
      position: { line: 1, column: 9, start: 8, end: 17 },
    });
    expect(diagnostic?.message).toBe('in the equation of "total" at column 9: unknown variable "quantitty"');
  });

  it('gives line and column in a multi-line equation', () => {
    const [diagnostic] = compileErrors({ variables: aux('x', '1 +\n  2 * +') });
    expect(diagnostic?.message).toContain('at line 2, column 8');
  });

  it('names an unknown function and a wrong number of arguments', () => {
    expect(messages(aux('x', 'FOO(1)'))).toEqual([
      'in the equation of "x" at column 1: unknown function "FOO" (not a builtin, a macro or a graphical function of the model)',
    ]);
    expect(messages(aux('x', '1 + SMTH1(TIME)'))).toEqual([
      'in the equation of "x" at column 5: SMTH1 takes 2 to 3 arguments, not 1',
    ]);
    expect(messages(aux('x', 'ABS(1, 2)'))).toEqual([
      'in the equation of "x" at column 1: ABS takes 1 argument, not 2',
    ]);
  });

  it('names every variable of an algebraic loop', () => {
    const [diagnostic, ...rest] = compileErrors({
      variables: aux('a', 'b + 1') + aux('b', 'c * 2') + aux('c', 'a - TIME') + aux('d', 'a'),
    });
    expect(rest).toEqual([]);
    expect(diagnostic?.code).toBe('algebraic-loop');
    expect([...(diagnostic?.members ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect(diagnostic?.message).toMatch(
      /^"[abc]", "[abc]" and "[abc]" depend on each other with no stock in between/,
    );
  });

  it('names a variable that depends on itself', () => {
    expect(messages(aux('x', 'x + 1'))).toEqual([
      '"x" depends on itself with no stock in between (an algebraic loop)',
    ]);
  });

  it('does not see a loop through a stock or a smooth', () => {
    const throughStock =
      stock('level', '1', ['growth']) + flow('growth', 'level * rate') + aux('rate', '0.1');
    expect(messages(throughStock)).toEqual([]);
    expect(messages(aux('x', 'SMTH1(x + 1, 5, 0)'))).toEqual([]);
    expect(messages(aux('x', 'PREVIOUS(x + 1, 0)'))).toEqual([]);
  });

  it('sees no loop through DELAY1, but a loop in the initial values when the delay starts from its own output', () => {
    expect(compileErrors({ variables: aux('x', 'DELAY1(x, 3, 0) + 1') })).toEqual([]);
    expect(compileErrors({ variables: aux('x', 'DELAY1(x, 3) + 1') })[0]?.message).toBe(
      '"x" needs its own value to start (a loop in the initial values)',
    );
  });

  it('names a loop in the initial values', () => {
    const [diagnostic] = compileErrors({
      variables: stock('a', 'b', ['in']) + stock('b', 'a', []) + flow('in', '1'),
    });
    expect(diagnostic).toMatchObject({ code: 'initial-loop' });
    expect(diagnostic?.message).toContain('need each other to start');
  });

  it('names parse errors, duplicates, bad flows, missing equations and arrays', () => {
    expect(messages(aux('x', '1 +'))).toEqual([
      'in the equation of "x" at column 4: expected a number, a name or "(" but found end of the equation',
    ]);
    expect(messages(aux('Growth Rate', '1') + aux('growth_rate', '2'))).toEqual([
      '"growth_rate": another variable has the same name (names ignore case, spaces and underscores)',
    ]);
    expect(messages(stock('s', '0', ['nowhere']))).toEqual([
      '"s": its inflow "nowhere" is not a variable of the model',
    ]);
    expect(messages(stock('s', '0', ['t']) + stock('t', '0'))).toEqual([
      '"s": its inflow "t" is a stock, not a flow',
    ]);
    expect(messages('<aux name="empty"/>')).toEqual(['"empty": the variable has no equation']);
    expect(messages('<aux name="v"><dimensions><dim name="D"/></dimensions><eqn>1</eqn></aux>')).toEqual([
      '"v": arrayed variables (subscripts) are not supported yet',
    ]);
  });

  it('names the order of DELAYN when it cannot be known before the run', () => {
    const [message] = messages(aux('x', 'DELAYN(1, 2, RANDOM(1, 3), 0)'));
    expect(message).toContain('the order of DELAYN must be known when the run starts');
    expect(messages(aux('x', 'SMTHN(1, 2, 0)'))[0]).toContain('the order of SMTHN must be at least 1');
  });

  it('names errors inside a macro with the macro and its variable', () => {
    const macro =
      '<macro name="twice"><eqn>helper</eqn><parm>x</parm><variables><aux name="helper"><eqn>x * unknown</eqn></aux></variables></macro>';
    const [message] = messages(aux('y', 'twice(2)'), { after: macro });
    expect(message).toContain(
      'in the equation of "y: macro twice, helper" at column 5: unknown variable "unknown"',
    );
  });

  it('stops a macro that calls itself', () => {
    const macro = '<macro name="forever"><eqn>forever(x)</eqn><parm>x</parm></macro>';
    expect(messages(aux('y', 'forever(1)'), { after: macro })[0]).toContain(
      'macro "forever" calls itself 32 levels deep',
    );
  });

  it('says a graphical function has no value of its own', () => {
    const table = '<gf name="table"><xpts>0,1</xpts><ypts>0,1</ypts></gf>';
    expect(messages(table + aux('x', 'table * 2'))[0]).toContain(
      '"table" is a graphical function with no value of its own',
    );
    expect(messages(table + aux('x', 'LOOKUP(x, 1)'))[0]).toContain(
      'the first argument of LOOKUP must name a variable that has a graphical function',
    );
  });

  it('wants a number as the seed of a random function', () => {
    expect(messages(aux('seed', '3') + aux('x', 'RANDOM(0, 1, seed)'))[0]).toContain(
      'the seed of RANDOM must be a number',
    );
  });
});
