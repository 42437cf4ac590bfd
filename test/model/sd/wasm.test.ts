/**
 * The WebAssembly kernels (model/sd/compile/wasm.ts) against the closures, bit for bit: every model of the
 * conformance tiers, the ltm-reference models, the benchmark's SIR and the sample empathy model, run with
 * their own integration method and with each of Euler, RK2 and RK4, give the same numbers with the kernels
 * as without them (Object.is: the same bits, -0 and NaN included). Also the parts that only WebAssembly
 * runs: its encoding of numbers, `min`/`max` on -0 and NaN, SAFEDIV by zero, DELAY in the loop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileModel, readXmile, type IntegrationMethod, type SimulationResult } from '../../../model/sd';
import { useStepKernels } from '../../../model/sd/compile/wasm';
import { aux, flow, stock, xmile } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../fixtures/sd-test-models');
const FOLDERS = ['core-xmile', 'simlin-fork-xmile', 'ltm-reference'];

function modelFiles(): string[] {
  const files = FOLDERS.flatMap((tier) =>
    readdirSync(join(ROOT, tier), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((folder) =>
        readdirSync(join(ROOT, tier, folder.name))
          .filter((file) => file.endsWith('.xmile') || file.endsWith('.stmx'))
          .map((file) => join(ROOT, tier, folder.name, file)),
      ),
  );
  return [
    ...files.sort(),
    resolve(import.meta.dirname, '../../fixtures/bench/sir.xmile'),
    resolve(import.meta.dirname, '../../../sample-data/empathy-smb.xmile'),
  ];
}

interface Outcome {
  readonly result: SimulationResult;
  readonly backend: string;
}

/** Two runs of one runner (the second reuses its buffers, as Monte Carlo does), or undefined if it cannot run. */
function runTwice(text: string, file: string, method: IntegrationMethod | undefined): Outcome[] | undefined {
  const read = readXmile(text, file);
  if (!read.ok) return undefined;
  const compiled = compileModel(read.value, method === undefined ? {} : { method });
  if (!compiled.ok) return undefined;
  const runner = compiled.value.createRunner();
  const copy = (result: SimulationResult): SimulationResult => ({
    ...result,
    time: result.time.slice(),
    series: result.series.map((series) => series.slice()),
  });
  const first = copy(runner.run({ seed: 3 }));
  const parameters = compiled.value.defaultParameters().map((value) => value * 1.25);
  const second = copy(runner.run({ parameters, seed: 4 }));
  return [
    { result: first, backend: runner.backend },
    { result: second, backend: runner.backend },
  ];
}

/** The first value that differs in its bits, named, or undefined. */
function firstDifference(a: SimulationResult, b: SimulationResult): string | undefined {
  if (a.ids.join() !== b.ids.join()) return 'different variables';
  for (let index = 0; index < a.time.length; index++)
    if (!Object.is(a.time[index], b.time[index])) return `time[${index}]`;
  for (const [column, series] of a.series.entries()) {
    const other = b.series[column] as Float64Array;
    for (let index = 0; index < series.length; index++)
      if (!Object.is(series[index], other[index]))
        return `${a.ids[column]}[${index}]: ${series[index]} with closures, ${other[index]} with WebAssembly`;
  }
  return undefined;
}

afterEach(() => useStepKernels(true));

describe('the WebAssembly kernels give the closures’ numbers to the last bit', () => {
  const backends = new Map<string, number>();

  it.each(modelFiles().map((path) => [path.slice(path.indexOf('fixtures') + 9), path]))(
    '%s',
    (_label, path) => {
      const text = readFileSync(path, 'utf8');
      for (const method of [undefined, 'euler', 'rk2', 'rk4'] as const) {
        useStepKernels(false);
        const closures = runTwice(text, path, method);
        useStepKernels(true);
        const kernels = runTwice(text, path, method);
        if (closures === undefined || kernels === undefined) {
          expect(kernels).toBe(closures);
          continue;
        }
        expect(closures[0]?.backend).toBe('closures');
        kernels.forEach((outcome, run) => {
          const closureRun = closures[run] as Outcome;
          expect(
            firstDifference(closureRun.result, outcome.result),
            `${method ?? 'own method'}, run ${run + 1}`,
          ).toBeUndefined();
        });
        const backend = kernels[0]?.backend ?? 'none';
        backends.set(backend, (backends.get(backend) ?? 0) + 1);
      }
    },
  );

  it('runs most models in WebAssembly (the rest draw random numbers)', () => {
    // Counted over the runs above: each model four times (own method, Euler, RK2, RK4).
    expect(backends.get('webassembly loop') ?? 0).toBeGreaterThan(100);
    expect(backends.get('webassembly equations') ?? 0).toBeGreaterThan(100);
    expect(backends.get('closures') ?? 0).toBeLessThan(40);
  });
});

/** A model whose values pass through -0, NaN, zero divisors, near-equal times, a lookup and a DELAY. */
const EDGES = xmile({
  stop: 12,
  dt: 0.5,
  variables: [
    aux('negative zero', '-(TIME - TIME)'),
    aux('not a number', '(TIME - TIME) / (TIME - TIME)'),
    aux('min zeros', 'MIN(negative_zero, 0)'),
    aux('max zeros', 'MAX(0, negative_zero)'),
    aux('min nan', 'MIN(not_a_number, 1)'),
    aux('max nan', 'MAX(1, not_a_number)'),
    aux('safe', 'SAFEDIV(TIME, TIME - 3, -1)'),
    aux('equal', 'IF TIME = 3 THEN 1 ELSE 2'),
    aux('unequal', 'TIME <> 3'),
    aux('logic', '(TIME > 2) AND NOT (TIME > 5) OR (TIME = 9)'),
    aux('squared', '(TIME - 5)^2'),
    aux('wave', 'SIN(TIME) + ABS(TIME - 4) + EXP(-TIME) + MAX(TIME, 4)'),
    aux('shape', 'TIME', '<gf><xscale min="0" max="10"/><ypts>0,1,4,2</ypts></gf>'),
    aux('late', 'DELAY(TIME * 2 + squared, 2.5, 7)'),
    flow('drain', 'TIME - 5', '<non_negative/>'),
    flow('swing', 'SIN(TIME) * 10'),
    flow('sway', 'COS(TIME) * wave'),
    stock('held', '3', ['swing'], ['drain'], '<non_negative/>'),
    stock('free', '1', ['sway']),
  ].join(''),
});

describe('operators where WebAssembly and JavaScript could differ', () => {
  it.each(['euler', 'rk2', 'rk4'] as const)('%s: the same bits as the closures', (method) => {
    useStepKernels(false);
    const closures = runTwice(EDGES, 'edges.xmile', method) as Outcome[];
    useStepKernels(true);
    const kernels = runTwice(EDGES, 'edges.xmile', method) as Outcome[];
    expect(kernels[0]?.backend).toBe(method === 'euler' ? 'webassembly loop' : 'webassembly equations');
    kernels.forEach((outcome, run) =>
      expect(firstDifference((closures[run] as Outcome).result, outcome.result)).toBeUndefined(),
    );
    const { result } = kernels[0] as Outcome;
    const at = (name: string, index: number): number =>
      (result.series[result.names.indexOf(name)] as Float64Array)[index] as number;
    expect(Object.is(at('min zeros', 0), -0)).toBe(false); // x < y ? x : y with x = -0, y = 0 gives 0
    expect(Object.is(at('max zeros', 0), -0)).toBe(true);
    expect(at('min nan', 0)).toBe(1);
    expect(at('max nan', 0)).toBeNaN();
    expect(at('safe', 6)).toBe(-1); // TIME = 3
    expect(at('equal', 6)).toBe(1);
    expect(at('held', 24)).toBeGreaterThanOrEqual(0);
  });
});
