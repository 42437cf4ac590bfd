import { describe, expect, it } from 'vitest';
import {
  computeSwings,
  createCollector,
  createKernel,
  layoutOf,
  parseSensitivitySpec,
  planSensitivity,
  resolveSpec,
  runSensitivity,
  shardRange,
  splitRange,
  type ResolvedSensitivitySpec,
  type SensitivitySpecInput,
} from '../../../../model/sd/sensitivity';
import { aux, compile, flow, stock, xmile } from '../helpers';

/**
 * Level integrates growth = a + b * TIME from 0 to 10 with dt 1 (Euler), plus a NORMAL draw: final Level =
 * 100 + 10 a + 45 b + sum of 10 noise draws, linear in a and b.
 */
const MODEL = compile(
  xmile({
    stop: 10,
    variables: [
      stock('Level', '100', ['growth']),
      flow('growth', 'a + b * TIME + noise'),
      aux('a', '1'),
      aux('b', '2'),
      aux('noise', 'NORMAL(0, noise scale)'),
      aux('noise scale', '0'),
    ].join(''),
  }),
);

function spec(input: Partial<SensitivitySpecInput> = {}, runs = 40, seed = 7): ResolvedSensitivitySpec {
  const parsed = parseSensitivitySpec({
    parameters: [
      { name: 'a', distribution: { type: 'uniform', min: 0, max: 2 } },
      { name: 'b', distribution: { type: 'triangular', min: 1, mode: 2, max: 4 } },
    ],
    kpi: { variable: 'Level' },
    ...input,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const resolved = resolveSpec(parsed.value, { runs, seed });
  if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
  return resolved.value;
}

function run(resolved: ResolvedSensitivitySpec, model = MODEL) {
  const result = runSensitivity(model, resolved, { fileName: 'level.xmile' });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

describe('planning a spec against a model', () => {
  it('names the spec field of every parameter or variable the model does not have', () => {
    const planned = planSensitivity(
      MODEL,
      spec({
        parameters: [
          { name: 'a', distribution: { type: 'uniform', min: 0, max: 1 } },
          { name: 'growth', distribution: { type: 'uniform', min: 0, max: 1 } },
          { name: 'nothing', distribution: { type: 'uniform', min: 0, max: 1 } },
          { name: 'A', distribution: { type: 'uniform', min: 0, max: 1 } },
        ],
        outputs: ['Level', 'Levle'],
        kpi: { variable: 'missing', statistic: 'final' },
      }),
      'level.xmile',
    );
    expect(planned.ok ? [] : planned.errors).toEqual([
      'parameters[1].name: "growth" is computed from an equation in level.xmile, not a constant a run can set',
      'parameters[2].name: "nothing" is not a variable of level.xmile',
      'parameters[3].name: "A" is already varied by parameters[0]',
      'kpi.variable: "missing" is not a variable of level.xmile',
      'outputs[1]: "Levle" is not a variable of level.xmile',
    ]);
  });

  it('records the stocks and the KPI by default, only the named outputs otherwise', () => {
    const byDefault = planSensitivity(MODEL, spec({ kpi: { variable: 'growth', statistic: 'mean' } }));
    expect(byDefault.ok && byDefault.value.outputs).toEqual(['Level', 'growth']);
    const named = planSensitivity(
      MODEL,
      spec({ outputs: ['growth'], kpi: { variable: 'level', statistic: 'final' } }),
    );
    expect(named.ok && named.value.outputs).toEqual(['growth', 'Level']);
  });

  it('takes the band times from the saved times, thinned with the horizon kept', () => {
    const planned = planSensitivity(MODEL, spec({ bandPoints: 4 }));
    if (!planned.ok) throw new Error(planned.errors.join());
    expect(Array.from(planned.value.bandTimes)).toEqual([0, 4, 8, 10]);
  });
});

describe('a sensitivity run', () => {
  it('computes the KPI of each run from its own draws (final, mean, sum)', () => {
    const final = run(spec());
    for (let r = 0; r < 40; r++) {
      const a = final.samples[r * 2] as number;
      const b = final.samples[r * 2 + 1] as number;
      expect(final.kpiValues[r]).toBeCloseTo(100 + 10 * a + 45 * b, 10);
    }
    const mean = run(spec({ kpi: { variable: 'growth', statistic: 'mean' } }));
    const sum = run(spec({ kpi: { variable: 'growth', statistic: 'sum' } }));
    const a = mean.samples[0] as number;
    const b = mean.samples[1] as number;
    expect(mean.kpiValues[0]).toBeCloseTo(a + 5 * b, 10); // mean of a + b t over t = 0..10
    expect(sum.kpiValues[0]).toBeCloseTo(10 * a + 45 * b, 10); // sum over t = 0..9 times dt 1
  });

  it('gives the same numbers on one kernel, on ranges in reverse order, and from two kernels', () => {
    const resolved = spec({ sampling: 'random' }, 95, 3);
    const whole = run(resolved);
    const planned = planSensitivity(MODEL, resolved);
    if (!planned.ok) throw new Error(planned.errors.join());
    const kernels = [createKernel(planned.value), createKernel(planned.value)] as const;
    const collector = createCollector(layoutOf(planned.value));
    splitRange({ from: 0, to: 95 }, 7)
      .reverse()
      .forEach((range, index) => collector.add(kernels[index % 2 === 0 ? 0 : 1].runRange(range)));
    const split = collector.finish(computeSwings(kernels[0]));
    expect(split.samples).toEqual(whole.samples);
    expect(split.kpiValues).toEqual(whole.kpiValues);
    expect(split.bands).toEqual(whole.bands);
    expect(split.summary).toEqual(whole.summary);
    expect(split.tornado).toEqual(whole.tornado);
  });

  it("seeds the model's own random functions per run, so they too do not depend on the split", () => {
    const planned = planSensitivity(MODEL, spec());
    if (!planned.ok) throw new Error(planned.errors.join());
    const noisy = spec({
      parameters: [{ name: 'noise scale', distribution: { type: 'uniform', min: 1, max: 2 } }],
    });
    const whole = run(noisy);
    const shards = [1, 2, 3].map((index) => {
      const result = runSensitivity(MODEL, noisy, { range: shardRange(40, { index, count: 3 }) });
      if (!result.ok) throw new Error(result.errors.join());
      return result.value;
    });
    expect(shards.flatMap((shard) => Array.from(shard.kpiValues))).toEqual(Array.from(whole.kpiValues));
    // Different runs get different noise.
    expect(new Set(Array.from(whole.kpiValues)).size).toBe(40);
  });

  it('draws the tornado swing from the 5th to the 95th percentile, the others at their medians', () => {
    const result = run(spec());
    const [first, second] = result.tornado.entries;
    // b moves Level by 45 per unit over a wider range than a (10 per unit), so it comes first.
    expect(first?.parameter).toBe('b');
    expect(second?.parameter).toBe('a');
    expect(second?.low).toBeCloseTo(0.1, 14);
    expect(second?.high).toBeCloseTo(1.9, 14);
    expect(second?.swing).toBeCloseTo(10 * 1.8, 9);
    expect(first?.swing).toBeCloseTo(45 * ((first?.high ?? 0) - (first?.low ?? 0)), 9);
    expect(result.tornado.base).toBeCloseTo(100 + 10 * 1 + 45 * (first?.median ?? 0), 9);
    // The KPI rises with both; rank correlations are positive and b's is the larger.
    expect(first?.rankCorrelation).toBeGreaterThan(second?.rankCorrelation ?? 1);
    expect(second?.rankCorrelation).toBeGreaterThan(0);
  });

  it('gives bands whose percentiles are ordered at every band time', () => {
    const result = run(spec({}, 200));
    for (const bands of result.bands) {
      const points = result.bandTimes.length;
      for (let b = 0; b < points; b++)
        for (let q = 1; q < result.percentiles.length; q++)
          expect(bands[q * points + b]).toBeGreaterThanOrEqual(bands[(q - 1) * points + b] as number);
    }
  });

  it('refuses a range twice or outside the run', () => {
    const planned = planSensitivity(MODEL, spec());
    if (!planned.ok) throw new Error(planned.errors.join());
    const kernel = createKernel(planned.value);
    const collector = createCollector(layoutOf(planned.value, { from: 0, to: 10 }));
    collector.add(kernel.runRange({ from: 0, to: 5 }));
    expect(() => collector.add(kernel.runRange({ from: 4, to: 6 }))).toThrow(/run 4 arrived twice/);
    expect(() => collector.add(kernel.runRange({ from: 8, to: 12 }))).toThrow(/outside 0..10/);
    expect(() => kernel.runRange({ from: 0, to: 41 })).toThrow(/not within 0..40/);
    expect(() => collector.finish(computeSwings(kernel))).toThrow(/only 5 of 10 runs/);
  });
});
