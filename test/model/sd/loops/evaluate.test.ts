/**
 * The loop analysis re-evaluates equations outside the engine (evaluate.ts). Evaluated over a run's own
 * values, every variable's equation must give back what the engine computed, for the sample model and the
 * test models that use graphical functions, IF THEN ELSE, MIN/MAX, SAFEDIV and time functions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../helpers';
import { scoring } from './setup';

const ROOT = resolve(import.meta.dirname, '../../../..');
const MODELS = [
  'sample-data/empathy-smb.xmile',
  'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile',
  'test/fixtures/sd-test-models/core-xmile/lookups/test_lookups.xmile',
  'test/fixtures/sd-test-models/core-xmile/if_stmt/if_stmt.xmile',
  'test/fixtures/sd-test-models/core-xmile/builtin_max/builtin_max.xmile',
  'test/fixtures/sd-test-models/core-xmile/xidz_zidz/xidz_zidz.xmile',
  'test/fixtures/sd-test-models/core-xmile/smooth_and_stock/test_smooth_and_stock.xmile',
];

describe('equations re-evaluated outside the engine', () => {
  it.each(MODELS)('give back the run’s values: %s', (path) => {
    const run = scoring(compile(readFileSync(resolve(ROOT, path), 'utf8')));
    const { graph, trajectory } = run.context;
    let checked = 0;
    run.targets.evaluators.forEach((evaluate, index) => {
      if (evaluate === undefined) return;
      const values = trajectory.columns[index] as Float64Array;
      for (let row = 0; row < values.length; row += 7) {
        const value = evaluate((column) => (trajectory.columns[column] as Float64Array)[row] as number);
        const expected = values[row] as number;
        expect(Math.abs(value - expected), `${graph.names[index]} at row ${row}`).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(expected)),
        );
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(0);
  });
});
