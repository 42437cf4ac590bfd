/**
 * Stateful builtins as hidden stocks. Expected values follow from the defining equations cited in
 * graph/stateful.ts, worked out by hand for Euler integration.
 */
import { describe, expect, it } from 'vitest';
import { aux, flow, run, series, stock } from '../helpers';

const close = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index] ?? Number.NaN, 12));
};

describe('smooths', () => {
  it('SMTH1 follows s(t+dt) = s + dt*(input - s)/time, from the input or the initial value', () => {
    const result = run({ variables: aux('s', 'SMTH1(10, 4)') + aux('t', 'SMTH1(10, 4, 2)'), stop: 5 });
    close(series(result, 's'), [10, 10, 10, 10, 10, 10]);
    // t_n = 10 + (2 - 10)(1 - 1/4)^n
    close(
      series(result, 't'),
      [0, 1, 2, 3, 4, 5].map((n) => 10 - 8 * 0.75 ** n),
    );
  });

  it('SMTH3 is three SMTH1 in a row, each over a third of the time', () => {
    const variables =
      aux('input', 'STEP(3, 1)') +
      aux('three', 'SMTH3(input, 6)') +
      aux('a', 'SMTH1(input, 2)') +
      aux('b', 'SMTH1(a, 2)') +
      aux('c', 'SMTH1(b, 2)');
    const result = run({ variables, stop: 12, dt: 0.5 });
    close(series(result, 'three'), series(result, 'c'));
  });

  it('SMTHN with order 3 is SMTH3', () => {
    const result = run({
      variables: aux('n', 'SMTHN(STEP(1, 2), 5, 3, 0.5)') + aux('three', 'SMTH3(STEP(1, 2), 5, 0.5)'),
      stop: 10,
    });
    close(series(result, 'n'), series(result, 'three'));
  });
});

describe('material delays', () => {
  it('DELAY1 drains stock/time and conserves what goes in', () => {
    // stock0 = 6*4 = 24; out = stock/4; input -1 -> Vensim's DELAY1I in test-models `delays`.
    const result = run({ variables: aux('out', 'DELAY1(-1, 4, 6)'), stop: 3 });
    close(series(result, 'out'), [6, 4.25, 2.9375, 1.953125]);
  });

  it('DELAY3 keeps every unit: what left plus what is in transit equals what came in', () => {
    const variables =
      stock('sent', '0', ['input']) +
      stock('received', '0', ['output']) +
      flow('input', 'PULSE(12, 1)') +
      flow('output', 'DELAY3(input, 3, 0)');
    const result = run({ variables, stop: 60, dt: 0.25 });
    expect(series(result, 'received').at(-1)).toBeCloseTo(12, 3);
  });

  it('DELAYN with a constant delay time and order 3 is DELAY3', () => {
    const result = run({
      variables: aux('n', 'DELAYN(STEP(1, 2), 5, 3, 0)') + aux('three', 'DELAY3(STEP(1, 2), 5, 0)'),
      stop: 10,
    });
    close(series(result, 'n'), series(result, 'three'));
  });
});

describe('DELAY (pipeline)', () => {
  it('returns the input as it was the delay time ago, and the initial value before', () => {
    const result = run({
      variables: aux('x', 'TIME * TIME') + aux('d', 'DELAY(x, 2, -1)') + aux('e', 'DELAY(x, 2)'),
      stop: 6,
    });
    expect(series(result, 'd')).toEqual([-1, -1, 0, 1, 4, 9, 16]);
    expect(series(result, 'e')).toEqual([0, 0, 0, 1, 4, 9, 16]);
  });

  it('fixes the delay time at its start value and delays at least one dt', () => {
    const result = run({
      variables: aux('x', 'TIME') + aux('d', 'DELAY(x, 1 + TIME)') + aux('e', 'DELAY(x, 0)'),
      stop: 4,
    });
    expect(series(result, 'd')).toEqual([0, 0, 1, 2, 3]);
    expect(series(result, 'e')).toEqual([0, 0, 1, 2, 3]);
  });

  it('interpolates between steps for a delay that is not a whole number of dt', () => {
    const result = run({ variables: aux('x', 'TIME') + aux('d', 'DELAY(x, 1.5)'), stop: 4 });
    expect(series(result, 'd')).toEqual([0, 0, 0.5, 1.5, 2.5]);
  });
});

describe('INIT, PREVIOUS and TREND', () => {
  it('INIT holds the start value; PREVIOUS gives the value one dt ago', () => {
    const variables =
      stock('s', '3', ['f']) +
      flow('f', '2') +
      aux('first', 'INIT(s)') +
      aux('before', 'PREVIOUS(s)') +
      aux('before5', 'PREVIOUS(s, 5)');
    const result = run({ variables, stop: 3 });
    expect(series(result, 's')).toEqual([3, 5, 7, 9]);
    expect(series(result, 'first')).toEqual([3, 3, 3, 3]);
    expect(series(result, 'before')).toEqual([0, 3, 5, 7]);
    expect(series(result, 'before5')).toEqual([5, 3, 5, 7]);
  });

  it('TREND is zero for a constant input and tends to the growth rate of an exponential input', () => {
    const result = run({
      variables: aux('flat', 'TREND(5, 3)') + aux('growth', 'TREND(EXP(0.1 * TIME), 2)'),
      stop: 200,
      dt: 0.125,
    });
    expect(series(result, 'flat').every((value) => value === 0)).toBe(true);
    // For input e^(rt) the average settles at input/(1 + r*time), so (input - avval)/(time*avval) = r.
    const last = series(result, 'growth').at(-1) ?? Number.NaN;
    expect(last).toBeCloseTo(0.1, 1);
  });

  it('TREND starts at its initial trend', () => {
    const result = run({ variables: aux('t', 'TREND(10, 4, 0.05)'), stop: 0 });
    // avval0 = 10/(1 + 0.05*4); TREND = (10 - avval0)/(4*avval0) = 0.05
    close(series(result, 't'), [0.05]);
  });
});

describe('macros (XMILE 1.0 section 3.6)', () => {
  const macros = `
    <macro name="scaled"><eqn>x * factor</eqn><parm>x</parm><parm>factor</parm></macro>
    <macro name="accumulate"><eqn>total</eqn><parm>rate</parm>
      <variables><stock name="total"><eqn>0</eqn><inflow>rate</inflow></stock><flow name="rate"/></variables></macro>
    <macro name="nested"><eqn>scaled(x, 2) + 1</eqn><parm>x</parm></macro>`;

  it('expands each call with its own variables', () => {
    const variables =
      aux('a', 'scaled(3, 4)') + aux('b', 'accumulate(1) + accumulate(2)') + aux('c', 'nested(TIME)');
    const result = run({ variables, after: macros, stop: 3 });
    expect(series(result, 'a')).toEqual([12, 12, 12, 12]);
    expect(series(result, 'b')).toEqual([0, 3, 6, 9]);
    expect(series(result, 'c')).toEqual([1, 3, 5, 7]);
  });
});
