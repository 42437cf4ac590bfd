/**
 * Integration methods and the laws every run must keep: Euler, Heun's RK2 and RK4 against closed forms,
 * time as start + i*dt, the save step, non-negative stocks and flows, and mass balance of a stock.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { aux, flow, run, series, stock } from '../helpers';

const decay = stock('s', '100', [], ['out']) + flow('out', 's * 0.5');

describe('integration methods', () => {
  it('Euler: s(n) = s0 * (1 - k*dt)^n', () => {
    const values = series(run({ variables: decay, dt: 0.25, stop: 4 }), 's');
    values.forEach((value, n) => expect(value).toBeCloseTo(100 * 0.875 ** n, 10));
  });

  it('RK4: s(n) = s0 * (1 - h + h^2/2 - h^3/6 + h^4/24)^n with h = k*dt, close to exp(-k*t)', () => {
    const h = 0.5 * 0.25;
    const factor = 1 - h + h ** 2 / 2 - h ** 3 / 6 + h ** 4 / 24;
    const values = series(run({ variables: decay, dt: 0.25, stop: 4 }, { method: 'rk4' }), 's');
    values.forEach((value, n) => {
      expect(value).toBeCloseTo(100 * factor ** n, 10);
      expect(value).toBeCloseTo(100 * Math.exp(-0.5 * 0.25 * n), 3);
    });
  });

  it("RK2 is Heun's method: exact for a flow linear in time, where Euler is not", () => {
    const ramp = stock('s', '0', ['f']) + flow('f', 'TIME');
    const heun = series(run({ variables: ramp, dt: 0.5, stop: 4 }, { method: 'rk2' }), 's');
    heun.forEach((value, n) => expect(value).toBeCloseTo((n * 0.5) ** 2 / 2, 12));
    const euler = series(run({ variables: ramp, dt: 0.5, stop: 4 }), 's');
    expect(euler.at(-1)).toBe(7); // 0.5 * (0 + 0.5 + ... + 3.5)
  });

  it('computes time as start + i*dt, without the drift of adding dt', () => {
    const result = run({ variables: aux('x', 'TIME'), start: 1, dt: 0.1, stop: 1001 });
    result.time.forEach((time, index) => expect(time).toBe(1 + index * 0.1));
    expect(result.time.length).toBe(10001);
  });

  it('saves every save step, with the values of a run saved every dt', () => {
    const every = run({ variables: decay, dt: 0.25, stop: 4 });
    const fourth = run({ variables: decay, dt: 0.25, stop: 4, saveStep: 1 });
    expect(Array.from(fourth.time)).toEqual([0, 1, 2, 3, 4]);
    expect(series(fourth, 's')).toEqual(series(every, 's').filter((_, index) => index % 4 === 0));
    expect(series(fourth, 'out')).toEqual(series(every, 'out').filter((_, index) => index % 4 === 0));
  });

  it('reads dt as a reciprocal', () => {
    const text = run({ variables: aux('x', 'DT'), stop: 1, dt: 0.25 });
    expect(Array.from(text.time)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('non-negative stocks and flows', () => {
  const variables =
    stock('s', '5', [], ['drain'], '<non_negative/>') +
    flow('drain', '2') +
    stock('free', '5', [], ['drain']);

  it('holds a non-negative stock at zero and reports the flow unchanged', () => {
    const result = run({ variables, stop: 5 });
    expect(series(result, 's')).toEqual([5, 3, 1, 0, 0, 0]);
    expect(series(result, 'free')).toEqual([5, 3, 1, -1, -3, -5]);
    expect(series(result, 'drain')).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('clamps a uniflow at zero', () => {
    const result = run({
      variables: flow('f', 'TIME - 2', '<non_negative/>') + flow('g', 'TIME - 2') + stock('s', '0', ['f']),
      stop: 4,
    });
    expect(series(result, 'f')).toEqual([0, 0, 0, 1, 2]);
    expect(series(result, 'g')).toEqual([-2, -1, 0, 1, 2]);
  });

  it('takes model-wide defaults from <behavior>, which a variable can turn off', () => {
    const before = '<behavior><non_negative/></behavior>';
    const own =
      stock('kept', '1', [], ['out']) +
      stock('opted out', '1', [], ['out'], '<non_negative>false</non_negative>') +
      flow('out', '2');
    const result = run({ variables: own, before, stop: 2 });
    expect(series(result, 'kept')).toEqual([1, 0, 0]);
    expect(series(result, 'opted out')).toEqual([1, -1, -3]);
  });
});

describe('mass balance of a stock (property, 50 random models)', () => {
  it('stock(t) = stock(0) + sum of dt * (inflows - outflows)', () => {
    const rng = xoroshiro128plus(20240611);
    const draw = (min: number, max: number) => min + (max - min) * uniformFloat64(rng);
    for (let trial = 0; trial < 50; trial++) {
      const dt = [1, 0.5, 0.25, 0.125][Math.floor(draw(0, 4))] ?? 1;
      const variables =
        stock('s', String(draw(0, 100)), ['in', 'also in'], ['out']) +
        flow('in', `${draw(0, 5)} + ${draw(0, 3)} * SIN(TIME)`) +
        flow('also in', `STEP(${draw(0, 10)}, ${draw(0, 20)})`) +
        flow('out', `s * ${draw(0, 0.2)}`);
      const result = run({ variables, dt, stop: 20 });
      const [s, inflow, also, outflow] = ['s', 'in', 'also in', 'out'].map((name) =>
        series(result, name),
      ) as [number[], number[], number[], number[]];
      let expected = s[0] as number;
      for (let index = 1; index < s.length; index++) {
        expected +=
          dt * ((inflow[index - 1] as number) + (also[index - 1] as number) - (outflow[index - 1] as number));
        expect(s[index]).toBeCloseTo(expected, 8);
      }
    }
  });
});
