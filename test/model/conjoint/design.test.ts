/**
 * Designs and their efficiency: D-efficiency per Kuhfeld against the reference (tea 13 runs 95.63520849%,
 * 3x3x3x2 full factorial 100%; design_expected.json), an orthogonal array scores 100, the MNL D-error example,
 * and the coordinate-exchange design: at least as efficient as the published tea design, seeded, respecting
 * prohibitions.
 */
import { describe, expect, it } from 'vitest';
import {
  dEfficiency,
  dOptimalDesign,
  fullFactorial,
  isProhibited,
  levelCounts,
  mnlDError,
  orthogonalContrasts,
  studySchema,
  type Profile,
} from '../../../model/conjoint';
import { readFixtureJson, readFixtureTable } from '../stats/fixture-table';

const expected = readFixtureJson('conjoint/design_expected.json') as {
  tea_13_profiles: { N: number; p: number; d_efficiency_pct: number };
  full_factorial_3x3x3x2: { N: number; d_efficiency_pct: number };
  mnl_d_error_zero_priors_example: { choice_sets: { alt1: number[]; alt2: number[] }[]; d_error: number };
};

const tea = studySchema.parse({
  name: 'tea',
  attributes: [
    { kind: 'categorical', name: 'price', levels: ['low', 'medium', 'high'] },
    { kind: 'categorical', name: 'variety', levels: ['black', 'green', 'red'] },
    { kind: 'categorical', name: 'kind', levels: ['bags', 'granulated', 'leafy'] },
    { kind: 'categorical', name: 'aroma', levels: ['yes', 'no'] },
  ],
});

const teaProfiles: Profile[] = readFixtureTable('conjoint/tea_profiles.csv').rows.map((row) =>
  row.slice(1).map((cell) => Number(cell) - 1),
);

describe('D-efficiency (Kuhfeld)', () => {
  it('tea 13-run design: 95.63520849%', () => {
    expect(teaProfiles).toHaveLength(expected.tea_13_profiles.N);
    expect(
      Math.abs(dEfficiency(levelCounts(tea), teaProfiles) - expected.tea_13_profiles.d_efficiency_pct),
    ).toBeLessThan(5e-9);
  });

  it('full factorial 3x3x3x2: 54 runs, 100%', () => {
    const full = fullFactorial(tea);
    expect(full).toHaveLength(expected.full_factorial_3x3x3x2.N);
    expect(dEfficiency(levelCounts(tea), full)).toBeCloseTo(
      expected.full_factorial_3x3x3x2.d_efficiency_pct,
      10,
    );
  });

  it('an orthogonal array scores 100: L9 (3^4)', () => {
    // Taguchi's L9: every pair of columns shows each level pair once.
    const l9 = [
      [0, 0, 0, 0],
      [0, 1, 1, 1],
      [0, 2, 2, 2],
      [1, 0, 1, 2],
      [1, 1, 2, 0],
      [1, 2, 0, 1],
      [2, 0, 2, 1],
      [2, 1, 0, 2],
      [2, 2, 1, 0],
    ];
    expect(dEfficiency([3, 3, 3, 3], l9)).toBeCloseTo(100, 10);
  });

  it('a design too small for the main effects scores 0', () => {
    expect(dEfficiency(levelCounts(tea), teaProfiles.slice(0, 7))).toBe(0);
  });

  it('orthogonal contrasts: columns orthogonal, summing to zero, with sum of squares m', () => {
    for (const m of [2, 3, 4, 5]) {
      const rows = orthogonalContrasts(m);
      for (let a = 0; a < m - 1; a++) {
        expect(rows.reduce((sum, row) => sum + (row[a] ?? 0), 0)).toBeCloseTo(0, 12);
        for (let b = 0; b < m - 1; b++)
          expect(rows.reduce((sum, row) => sum + (row[a] ?? 0) * (row[b] ?? 0), 0)).toBeCloseTo(
            a === b ? m : 0,
            12,
          );
      }
    }
  });

  it('MNL D-error example at zero priors: 2', () => {
    const sets = expected.mnl_d_error_zero_priors_example.choice_sets.map((set) => [set.alt1, set.alt2]);
    expect(mnlDError(sets, [0, 0])).toBeCloseTo(expected.mnl_d_error_zero_priors_example.d_error, 12);
  });
});

describe('D-optimal fractional design by coordinate exchange', () => {
  it('13 runs for tea: at least as efficient as the published design, and reproducible by seed', () => {
    const design = dOptimalDesign(tea, { runs: 13, seed: 7 });
    expect(design.profiles).toHaveLength(13);
    expect(design.dEfficiency).toBeGreaterThanOrEqual(expected.tea_13_profiles.d_efficiency_pct - 1e-9);
    expect(dOptimalDesign(tea, { runs: 13, seed: 7 }).profiles).toEqual(design.profiles);
  });

  it('finds an orthogonal design when one exists (9 runs of 3^4: 100%)', () => {
    const study = studySchema.parse({
      name: 'l9',
      attributes: ['a', 'b', 'c', 'd'].map((name) => ({
        kind: 'categorical',
        name,
        levels: ['1', '2', '3'],
      })),
    });
    expect(dOptimalDesign(study, { runs: 9, seed: 1, starts: 20 }).dEfficiency).toBeCloseTo(100, 8);
  });

  it('never shows a prohibited combination', () => {
    const study = studySchema.parse({ ...tea, prohibitions: [{ price: 'low', kind: 'leafy' }] });
    const design = dOptimalDesign(study, { runs: 12, seed: 3 });
    expect(design.profiles.some((profile) => isProhibited(study, profile))).toBe(false);
    expect(fullFactorial(study)).toHaveLength(54 - 6);
  });

  it('refuses fewer runs than parameters', () => {
    expect(() => dOptimalDesign(tea, { runs: 7 })).toThrow(/at least 8 runs/);
  });
});
