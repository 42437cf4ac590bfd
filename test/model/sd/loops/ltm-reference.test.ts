/**
 * Loops That Matter against Stella: the relative loop scores Stella computed for logistic growth
 * (test/fixtures/sd-test-models/ltm-reference/logistic_growth_ltm, `ltm_results.tsv`, percent, loops b1 and
 * r1 at each time 0..100, dt 1).
 *
 * Labelling. Our score at time t describes the dt from t − 1 to t (the change that ends at t). Stella labels
 * each score with the START of its interval, so its value at t is ours at t + 1. Its first column (t = 0)
 * holds 0 for both loops, absolute shares summing to 0 % instead of 100 %: Stella reports no score at the
 * initial time, and neither do we (our time 0 has no interval before it). Our first score (t = 1, the
 * interval 0 to 1) therefore has no Stella counterpart, and Stella's last column (t = 100, the interval 100
 * to 101) lies past our run. The 99 columns t = 1..99 are compared, every one at the same tolerance.
 *
 * Tolerance: 0.05 percentage points. Stella writes three significant digits (99.40, -13.30, 9.83, 0.96),
 * so a share of 10 % or more is rounded to 0.1 point, an error of up to 0.05 point in the table itself; one
 * tolerance for every cell is the largest rounding the table holds. Without the one-step shift the same
 * comparison misses by up to about 3 points (logistic growth moves fastest in mid-run), which the last test
 * shows, so the convention is what is being checked, not a loose tolerance.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileModel, readXmile } from '../../../../model/sd';
import { analyzeLoops, type LoopAnalysis } from '../../../../model/sd/loops';

const DIR = resolve(
  import.meta.dirname,
  '../../../fixtures/sd-test-models/ltm-reference/logistic_growth_ltm',
);
const TOLERANCE_POINTS = 0.05;

interface StellaScores {
  readonly times: readonly number[];
  /** Percent, by Stella's loop id (b1, r1). */
  readonly loops: ReadonlyMap<string, readonly number[]>;
}

function readStella(): StellaScores {
  const rows = readFileSync(resolve(DIR, 'ltm_results.tsv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split('\t'));
  const [header = [], ...loops] = rows;
  return {
    times: header.slice(1).map(Number),
    loops: new Map(loops.map(([id = '', ...cells]) => [id, cells.map(Number)])),
  };
}

let analysis: LoopAnalysis;
let stella: StellaScores;

beforeAll(() => {
  const read = readXmile(readFileSync(resolve(DIR, 'logistic_growth.stmx'), 'utf8'), 'logistic_growth.stmx');
  if (!read.ok) throw new Error('the reference model does not read');
  const compiled = compileModel(read.value);
  if (!compiled.ok) throw new Error('the reference model does not compile');
  const analyzed = analyzeLoops(compiled.value);
  if (!analyzed.ok) throw new Error('the loops cannot be analysed');
  analysis = analyzed.value;
  stella = readStella();
});

/** Our loop for Stella's id: r1 is the reinforcing loop, b1 the balancing one. */
const ours = (id: string) => {
  const loop = analysis.loops.find(
    (candidate) => candidate.polarity === (id.startsWith('r') ? 'reinforcing' : 'balancing'),
  );
  if (loop === undefined) throw new Error(`no loop for ${id}`);
  return loop;
};

/** Our relative score in percent at a time, or undefined past the run. */
function percentAt(id: string, time: number): number | undefined {
  const index = analysis.time.findIndex((candidate) => Math.abs(candidate - time) < 1e-9);
  return index < 0 ? undefined : (ours(id).relativeScore[index] as number) * 100;
}

describe('logistic growth against Stella (Loops That Matter, 2023 flow-to-stock score)', () => {
  it('finds the two loops, all of them, with their polarities', () => {
    expect(analysis.method).toBe('exhaustive');
    expect(analysis.loops).toHaveLength(2);
    expect(ours('r1').variables).toEqual(['population', 'net_birth_rate']);
    expect(ours('b1').variables).toEqual([
      'population',
      'fraction_of_carrying_capacity_used',
      'fractional_growth_rate',
      'net_birth_rate',
    ]);
    expect(ours('b1').links.map((link) => link.polarity)).toEqual(['+', '-', '+', '+']);
  });

  it('has no score at the initial time, like Stella', () => {
    const first = stella.times.indexOf(0);
    expect([...stella.loops.values()].map((cells) => cells[first])).toEqual([0, 0]);
    expect(percentAt('r1', 0)).toBe(0);
    expect(percentAt('b1', 0)).toBe(0);
  });

  it('reproduces every compared score within 0.05 percentage points, ours at t + dt against Stella at t', () => {
    let compared = 0;
    let largest = 0;
    for (const [id, cells] of stella.loops) {
      stella.times.forEach((time, column) => {
        if (time === 0) return;
        const value = percentAt(id, time + 1);
        if (value === undefined) return;
        const error = Math.abs(value - (cells[column] as number));
        largest = Math.max(largest, error);
        expect(error, `${id} at Stella's t = ${time}`).toBeLessThanOrEqual(TOLERANCE_POINTS);
        compared++;
      });
    }
    expect(compared).toBe(2 * 99);
    // The largest difference is the table's own rounding.
    expect(largest).toBeGreaterThan(0.04);
  });

  it('misses by far more than the tolerance when both are labelled with the same time', () => {
    let largest = 0;
    for (const [id, cells] of stella.loops) {
      stella.times.forEach((time, column) => {
        const value = percentAt(id, time);
        if (time === 0 || value === undefined) return;
        largest = Math.max(largest, Math.abs(value - (cells[column] as number)));
      });
    }
    expect(largest).toBeGreaterThan(2);
  });

  it('shares add up to 100 % at every time after the start', () => {
    analysis.time.forEach((time, index) => {
      if (time === 0) return;
      const total = analysis.loops.reduce(
        (sum, loop) => sum + Math.abs(loop.relativeScore[index] as number),
        0,
      );
      expect(total).toBeCloseTo(1, 12);
    });
  });
});
