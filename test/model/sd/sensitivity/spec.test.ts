import { describe, expect, it } from 'vitest';
import { parseSensitivitySpec, resolveSpec } from '../../../../model/sd/sensitivity';

const base = {
  parameters: [{ name: 'Room Temperature', distribution: { type: 'uniform', min: 60, max: 80 } }],
  kpi: { variable: 'Teacup Temperature' },
};

const errorsOf = (json: unknown): readonly string[] => {
  const parsed = parseSensitivitySpec(json);
  return parsed.ok ? [] : parsed.errors;
};

describe('sensitivity spec', () => {
  it('fills the defaults: Latin hypercube, the value at the horizon, the five band percentiles', () => {
    const parsed = parseSensitivitySpec(base);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.sampling).toBe('latin-hypercube');
    expect(parsed.value.kpi.statistic).toBe('final');
    expect(parsed.value.percentiles).toEqual([5, 25, 50, 75, 95]);
    expect(parsed.value.bandPoints).toBe(61);
  });

  it('names the field of every impossible distribution', () => {
    const distribution = (d: unknown) => ({ ...base, parameters: [{ name: 'x', distribution: d }] });
    expect(errorsOf(distribution({ type: 'uniform', min: 3, max: 1 }))).toEqual([
      'parameters[0].distribution.max: max must be above min',
    ]);
    expect(errorsOf(distribution({ type: 'normal', mean: 1, sd: 0 }))).toEqual([
      'parameters[0].distribution.sd: sd must be above 0',
    ]);
    expect(errorsOf(distribution({ type: 'normal', mean: 1, sd: 1, min: 2, max: 2 }))[0]).toMatch(
      /^parameters\[0\]\.distribution\.max: the truncation max must be above its min/,
    );
    expect(errorsOf(distribution({ type: 'triangular', min: 0, mode: 5, max: 4 }))).toEqual([
      'parameters[0].distribution.mode: mode must lie between min and max',
    ]);
    expect(errorsOf(distribution({ type: 'lognormal', meanlog: 0, sdlog: 1, mean: 1, sd: 1 }))[0]).toMatch(
      /give either meanlog and sdlog .* or mean and sd/,
    );
    expect(errorsOf(distribution({ type: 'lognormal', mean: -1, sd: 1 }))).toEqual([
      'parameters[0].distribution.mean: mean must be above 0',
    ]);
    expect(errorsOf(distribution({ type: 'beta', a: 1 }))[0]).toMatch(/^parameters\[0\]\.distribution\.type/);
  });

  it('refuses unknown fields, bad sampling, percentiles out of order and a missing KPI', () => {
    expect(errorsOf({ ...base, sampling: 'sobol' })[0]).toMatch(/^sampling:/);
    expect(errorsOf({ ...base, percentiles: [50, 5] })[0]).toMatch(
      /^percentiles: percentiles must be in increasing order/,
    );
    expect(errorsOf({ ...base, percentiles: [0, 50] })[0]).toMatch(/^percentiles\[0\]/);
    expect(errorsOf({ ...base, extra: 1 })[0]).toMatch(/extra/);
    expect(errorsOf({ parameters: base.parameters })[0]).toMatch(/^kpi:/);
    expect(errorsOf({ ...base, parameters: [] })[0]).toMatch(/^parameters: name at least one parameter/);
    expect(errorsOf({ ...base, kpi: { variable: 'x', statistic: 'median' } })[0]).toMatch(/^kpi\.statistic:/);
  });

  it('takes runs and seed from the command line over the spec, and needs both', () => {
    const parsed = parseSensitivitySpec({ ...base, runs: 10, seed: 3 });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const resolved = resolveSpec(parsed.value, { runs: 200 });
    expect(resolved.ok && [resolved.value.runs, resolved.value.seed]).toEqual([200, 3]);
    const bare = parseSensitivitySpec(base);
    if (!bare.ok) throw new Error(bare.errors.join());
    const missing = resolveSpec(bare.value);
    expect(missing.ok ? [] : missing.errors).toEqual([
      'runs: give the number of runs (in the spec or with --runs)',
      'seed: give a seed (in the spec or with --seed)',
    ]);
    const negative = resolveSpec(bare.value, { runs: 5, seed: -1 });
    expect(negative.ok ? [] : negative.errors[0]).toMatch(
      /^seed: must be a whole number from 0 to 4294967295/,
    );
  });
});
