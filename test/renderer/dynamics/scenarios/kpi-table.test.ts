import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile } from '../../../../model/sd';
import { kpisFor } from '../../../../renderer/src/dynamics/charts/kpis';
import type { RunSeries } from '../../../../renderer/src/dynamics/engine/protocol';
import { kpiTable, referenceIndex } from '../../../../renderer/src/dynamics/scenarios/kpi-table';
import { scenarioFileSchema } from '../../../../model/schema/scenario';

const ROOT = resolve(import.meta.dirname, '../../../..');

describe('KPI table', () => {
  it('compares against the status quo when it is compared, else against the first', () => {
    expect(referenceIndex(['Empathy programme', 'Status quo'])).toBe(1);
    expect(referenceIndex(['Empathy programme', ' status  QUO '])).toBe(1);
    expect(referenceIndex(['A', 'B'])).toBe(0);
  });

  it('gives every KPI of the sample model for each shipped scenario, with differences against the status quo', () => {
    const read = readXmile(readFileSync(resolve(ROOT, 'sample-data/empathy-smb.xmile'), 'utf8'));
    if (!read.ok) throw new Error(read.errors[0]?.message);
    const compiled = compileModel(read.value);
    if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
    const scenarios = ['empathy-programme.json', 'status-quo.json'].map((file) =>
      scenarioFileSchema.parse(
        JSON.parse(readFileSync(resolve(ROOT, 'sample-data/scenarios', file), 'utf8')) as unknown,
      ),
    );
    const runner = compiled.value.createRunner();
    const runs = scenarios.map((scenario) => {
      const parameters = compiled.value.parameterVector(scenario.overrides);
      if (!parameters.ok) throw new Error(parameters.errors[0]?.message);
      const result = runner.run({ parameters: parameters.value });
      const copy: RunSeries = {
        names: [...result.names],
        ids: [...result.ids],
        time: result.time.slice(),
        series: result.series.map((series) => series.slice()),
      };
      return { name: scenario.name, run: copy };
    });

    const table = kpiTable(kpisFor(read.value), runs);
    expect(table.reference).toBe(1);
    expect(table.rows.map((row) => row.definition.id)).toEqual([
      'employee-retention',
      'customers',
      'innovations',
      'revenue',
      'cumulative-profit',
      'empathy-roi',
    ]);
    for (const row of table.rows) {
      const [programme, statusQuo] = row.cells;
      if (row.definition.kind === 'final') {
        expect(statusQuo?.change).toBe(0);
        expect(programme?.change).toBeCloseTo((programme?.value ?? NaN) - (statusQuo?.value ?? NaN), 9);
      } else {
        // The reference has no return against itself; the programme spends more, so it has one.
        expect(statusQuo?.value).toBeUndefined();
        expect(Number.isFinite(programme?.value)).toBe(true);
      }
    }
  });
});
