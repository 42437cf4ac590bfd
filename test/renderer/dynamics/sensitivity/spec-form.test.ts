/**
 * The sensitivity form as a spec: defaults worked by hand from a slider's span, fields per distribution, and
 * problems named by the parameter and field rather than by an index.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultFields,
  parameterRow,
  specOf,
  type SensitivityForm,
} from '../../../../renderer/src/dynamics/sensitivity/spec-form';

const form = (change: Partial<SensitivityForm> = {}): SensitivityForm => ({
  parameters: [
    parameterRow('Training budget', 0.01, { min: 0, max: 0.05, source: 'model' }, true),
    parameterRow('Hiring policy', 1, { min: 0, max: 1.3, source: 'model' }, false),
  ],
  sampling: 'latin-hypercube',
  runs: '200',
  seed: '7',
  kpiVariable: 'Cumulative profit',
  kpiStatistic: 'final',
  outputs: ['Customers'],
  ...change,
});

describe('the sensitivity form', () => {
  it('defaults: uniform over the span, normal around the value with the span as six sd, the value as mode', () => {
    expect(defaultFields(0.01, { min: 0, max: 0.05 })).toEqual({
      'uniform.min': '0',
      'uniform.max': '0.05',
      'normal.mean': '0.01',
      'normal.sd': '0.00833333',
      'normal.min': '0',
      'normal.max': '0.05',
      'triangular.min': '0',
      'triangular.mode': '0.01',
      'triangular.max': '0.05',
      'lognormal.mean': '0.01',
      'lognormal.sd': '0.00833333',
    });
  });

  it('becomes a spec of the chosen parameters only, the KPI recorded with the charted outputs', () => {
    const outcome = specOf(form());
    expect(outcome).toEqual({
      ok: true,
      spec: expect.objectContaining({
        parameters: [{ name: 'Training budget', distribution: { type: 'uniform', min: 0, max: 0.05 } }],
        sampling: 'latin-hypercube',
        runs: 200,
        seed: 7,
        outputs: ['Customers', 'Cumulative profit'],
        kpi: { variable: 'Cumulative profit', statistic: 'final' },
      }),
    });
  });

  it('leaves out an empty truncation bound of a normal', () => {
    const [first, second] = form().parameters;
    if (first === undefined || second === undefined) throw new Error('rows');
    const normal = { ...first, type: 'normal' as const, fields: { ...first.fields, 'normal.max': ' ' } };
    const outcome = specOf(form({ parameters: [normal, second] }));
    expect(outcome.ok && outcome.spec.parameters[0]?.distribution).toEqual({
      type: 'normal',
      mean: 0.01,
      sd: 0.00833333,
      min: 0,
    });
  });

  it('names the parameter and the field of each problem', () => {
    const [first, second] = form().parameters;
    if (first === undefined || second === undefined) throw new Error('rows');
    const rows = [
      { ...first, fields: { ...first.fields, 'uniform.max': '-1' } },
      {
        ...second,
        chosen: true,
        type: 'triangular' as const,
        fields: { ...second.fields, 'triangular.mode': 'x' },
      },
    ];
    expect(specOf(form({ parameters: rows, runs: '1e3' }))).toEqual({
      ok: false,
      errors: ['Hiring policy: mode "x" is not a number', 'Runs: "1e3" is not a whole number'],
    });
    expect(specOf(form({ parameters: [rows[0] as (typeof rows)[0], second] }))).toEqual({
      ok: false,
      errors: ['Training budget: max must be above min'],
    });
    expect(specOf(form({ runs: '0' }))).toEqual({
      ok: false,
      errors: ['Runs: must be a whole number from 1 to 1000000 (got 0)'],
    });
  });
});
