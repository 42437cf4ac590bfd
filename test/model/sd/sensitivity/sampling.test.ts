import { describe, expect, it } from 'vitest';
import {
  createSampler,
  modelSeedOf,
  quantileFunction,
  seededPermutation,
  streamGenerator,
  type Distribution,
} from '../../../../model/sd/sensitivity';

const quantileOf = (distribution: Distribution) => {
  const made = quantileFunction(distribution);
  if (!made.ok) throw new Error(made.error);
  return made.quantile;
};

const uniform01 = quantileOf({ type: 'uniform', min: 0, max: 1 });

function draws(
  method: 'random' | 'latin-hypercube',
  runs: number,
  seed: number,
  parameters = 2,
): Float64Array {
  const sampler = createSampler(
    Array.from({ length: parameters }, () => uniform01),
    method,
    runs,
    seed,
  );
  const out = new Float64Array(runs * parameters);
  for (let run = 0; run < runs; run++) sampler.draw(run, out, run * parameters);
  return out;
}

describe('seeded streams', () => {
  it('depend on the seed and the index only', () => {
    const a = streamGenerator(42, 'draws', 7);
    const b = streamGenerator(42, 'draws', 7);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    const other = [
      streamGenerator(42, 'draws', 8),
      streamGenerator(43, 'draws', 7),
      streamGenerator(42, 'permutations', 7),
    ];
    const first = streamGenerator(42, 'draws', 7).getState().join();
    for (const generator of other) expect(generator.getState().join()).not.toBe(first);
  });

  it("give no two runs' streams a shared state word (SplitMix64 outputs 2i+1, 2i+2)", () => {
    const words = new Set<number>();
    for (let run = 0; run < 2000; run++)
      for (const word of streamGenerator(1, 'draws', run).getState()) words.add(word);
    expect(words.size).toBe(8000);
  });

  it('seed the model per run with a non-negative 31-bit integer', () => {
    const seeds = Array.from({ length: 1000 }, (_, run) => modelSeedOf(9, run));
    expect(seeds.every((seed) => Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31)).toBe(true);
    expect(new Set(seeds).size).toBe(1000);
    expect(modelSeedOf(9, 5)).toBe(seeds[5]);
  });
});

describe('sampling', () => {
  it('Latin hypercube puts exactly one run in each of the N strata of every parameter (McKay et al. 1979)', () => {
    const runs = 250;
    const values = draws('latin-hypercube', runs, 5, 3);
    for (let parameter = 0; parameter < 3; parameter++) {
      const strata = new Set<number>();
      for (let run = 0; run < runs; run++)
        strata.add(Math.floor((values[run * 3 + parameter] as number) * runs));
      expect(strata.size).toBe(runs);
    }
  });

  it('draws run i the same whether the runs are taken in order, backwards or in pieces', () => {
    for (const method of ['random', 'latin-hypercube'] as const) {
      const whole = draws(method, 100, 11);
      const sampler = createSampler([uniform01, uniform01], method, 100, 11);
      const backwards = new Float64Array(200);
      for (let run = 99; run >= 0; run--) sampler.draw(run, backwards, run * 2);
      expect(backwards).toEqual(whole);
    }
  });

  it('gives the same numbers for the same seed and others for another seed', () => {
    expect(draws('random', 50, 3)).toEqual(draws('random', 50, 3));
    expect(draws('random', 50, 3)).not.toEqual(draws('random', 50, 4));
    expect(draws('latin-hypercube', 50, 3)).not.toEqual(draws('random', 50, 3));
  });

  it('stays strictly inside (0, 1), so unbounded laws stay finite', () => {
    const normal = quantileOf({ type: 'normal', mean: 0, sd: 1 });
    for (const method of ['random', 'latin-hypercube'] as const) {
      const sampler = createSampler([normal], method, 3000, 17);
      const out = new Float64Array(1);
      for (let run = 0; run < 3000; run++) {
        sampler.draw(run, out);
        expect(Number.isFinite(out[0])).toBe(true);
      }
    }
  });

  it('has roughly the right mean and spread (1,000 random uniform draws)', () => {
    const values = Array.from(draws('random', 1000, 99, 1));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('shuffles into a permutation', () => {
    const permutation = Array.from(seededPermutation(500, 1, 0));
    expect([...permutation].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, index) => index));
    expect(permutation).not.toEqual([...permutation].sort((a, b) => a - b));
  });

  it('refuses a run outside the plan', () => {
    const sampler = createSampler([uniform01], 'random', 10, 1);
    expect(() => sampler.draw(10, new Float64Array(1))).toThrow(/run 10 is outside 0..9/);
  });
});
