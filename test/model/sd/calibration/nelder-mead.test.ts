import { describe, expect, it } from 'vitest';
import { minimizeBounded } from '../../../../model/sd/calibration';

const options = { tolerance: 1e-10, maxIterations: 5000 };

describe('bounded Nelder-Mead (Lagarias et al. 1998, MINUIT sine bounds)', () => {
  it("finds Rosenbrock's minimum at (1, 1) from (-1.2, 1)", () => {
    const rosenbrock = (x: Float64Array) =>
      100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;
    const found = minimizeBounded(
      rosenbrock,
      [-1.2, 1],
      [
        { min: -5, max: 5 },
        { min: -5, max: 5 },
      ],
      options,
    );
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBeCloseTo(1, 5);
    expect(found.x[1]).toBeCloseTo(1, 5);
    expect(found.value).toBeLessThan(1e-10);
  });

  it('finds the minimum of a scaled quadratic in four dimensions', () => {
    const centre = [3, -2, 0.5, 100];
    const scale = [1, 10, 0.1, 1000];
    const f = (x: Float64Array) =>
      centre.reduce((sum, c, i) => sum + (((x[i] as number) - c) / (scale[i] as number)) ** 2, 0);
    const found = minimizeBounded(
      f,
      [0, 0, 0, 0],
      [
        { min: -10, max: 10 },
        { min: -50, max: 50 },
        { min: -1, max: 1 },
        { min: 0, max: 5000 },
      ],
      options,
    );
    found.x.forEach((value, i) =>
      expect(Math.abs(value - (centre[i] as number))).toBeLessThan(1e-4 * (scale[i] as number)),
    );
  });

  it('stops on the bound when the minimum lies beyond it, and never evaluates outside', () => {
    const seen: number[] = [];
    const f = (x: Float64Array) => {
      seen.push(x[0] as number);
      return ((x[0] as number) - 7) ** 2;
    };
    const found = minimizeBounded(f, [1], [{ min: 0, max: 5 }], options);
    expect(found.x[0]).toBeCloseTo(5, 6);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(5);
  });

  it('starts from a point on a bound', () => {
    const found = minimizeBounded((x) => ((x[0] as number) - 2) ** 2, [0], [{ min: 0, max: 10 }], options);
    expect(found.x[0]).toBeCloseTo(2, 6);
  });

  it('moves away from runs that give NaN', () => {
    // Beyond 5.2 the "model" blows up; the first reflections from 1 land there.
    let blownUp = 0;
    const f = (x: Float64Array) => {
      if ((x[0] as number) <= 5.2) return ((x[0] as number) - 5) ** 2;
      blownUp++;
      return Number.NaN;
    };
    const found = minimizeBounded(f, [1], [{ min: 0, max: 10 }], options);
    expect(blownUp).toBeGreaterThan(0);
    expect(found.x[0]).toBeCloseTo(5, 5);
  });

  it('reports the iteration limit and a stop as not converged', () => {
    const f = (x: Float64Array) => ((x[0] as number) - 1) ** 2 + ((x[1] as number) + 1) ** 2;
    const bounds = [
      { min: -5, max: 5 },
      { min: -5, max: 5 },
    ];
    const limited = minimizeBounded(f, [4, 4], bounds, { tolerance: 1e-12, maxIterations: 5 });
    expect(limited.converged).toBe(false);
    expect(limited.iterations).toBe(5);
    let calls = 0;
    const iterations: number[] = [];
    const stopped = minimizeBounded(f, [4, 4], bounds, {
      ...options,
      onIteration: (iteration) => iterations.push(iteration),
      shouldStop: () => ++calls > 3,
    });
    expect(stopped.stopped).toBe(true);
    expect(stopped.converged).toBe(false);
    expect(iterations).toEqual([1, 2, 3]);
  });
});
