/**
 * A sensitivity run and a calibration through the workspace as the panels save and reopen them (real SQLite in
 * a temporary folder): the reopened run draws the same bands, summary and tornado and exports byte for byte the
 * CSV the fresh run exported; the reopened calibration has the same estimates and fit, NaN (an empty data cell)
 * surviving as NaN.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile } from '../../../../model/sd';
import { calibrate, parseCalibrationSpec, readCalibrationData } from '../../../../model/sd/calibration';
import {
  resolveSpec,
  runSensitivity,
  sensitivityCsv,
  sensitivitySpecSchema,
} from '../../../../model/sd/sensitivity';
import { createAnalysisRepository } from '../../../../electron/store/analyses';
import { openWorkspace } from '../../../../electron/store/workspace';
import {
  calibrationInputOf,
  calibrationOfRecord,
} from '../../../../renderer/src/dynamics/calibration/saved-calibrations';
import { resultOfRecord, sensitivityInputOf } from '../../../../renderer/src/dynamics/sensitivity/saved-runs';
import { tempDataDir } from '../../../electron/store/support';

const text = readFileSync(resolve(import.meta.dirname, '../../../../sample-data/empathy-smb.xmile'), 'utf8');
const read = readXmile(text);
if (!read.ok) throw new Error('model');
const compiled = compileModel(read.value);
if (!compiled.ok) throw new Error('compile');
const HASH = 'b'.repeat(64);

function workspace() {
  const opened = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });
  const project = opened.projects.create({ name: 'Care' });
  const model = opened.models.create({ projectId: project.id, name: 'Empathy', xmile: text });
  return { model, analyses: createAnalysisRepository(opened.db, () => new Date()) };
}

describe('saved analyses, reopened', () => {
  it('a sensitivity run reopens with the same numbers and the same CSV', () => {
    const spec = resolveSpec(
      sensitivitySpecSchema.parse({
        parameters: [
          { name: 'Training budget', distribution: { type: 'uniform', min: 0, max: 0.05 } },
          { name: 'Automation level', distribution: { type: 'lognormal', mean: 0.3, sd: 0.1 } },
        ],
        outputs: ['Customers'],
        kpi: { variable: 'Cumulative profit', statistic: 'mean' },
      }),
      { runs: 120, seed: 9 },
    );
    if (!spec.ok) throw new Error(spec.errors.join('\n'));
    const run = runSensitivity(compiled.value, spec.value);
    if (!run.ok) throw new Error(run.errors.join('\n'));
    const stamp = { model: 'Empathy', modelHash: HASH, appVersion: '0.1.0' };
    const { model, analyses } = workspace();
    const saved = analyses.saveSensitivity(
      sensitivityInputOf(run.value, { modelId: model.id, name: 'Two levers', stamp }),
    );
    const reopened = resultOfRecord(analyses.getSensitivity(saved.id));
    expect(reopened.bands.map((band) => Array.from(band))).toEqual(
      run.value.bands.map((band) => Array.from(band)),
    );
    expect(reopened.summary).toEqual(run.value.summary);
    expect(reopened.tornado).toEqual(run.value.tornado);
    expect(sensitivityCsv(stamp, reopened)).toBe(sensitivityCsv(stamp, run.value));
  });

  it('a calibration reopens with its estimates, fit and data, empty cells still empty', () => {
    const data = readCalibrationData({
      fileName: 'kpis.csv',
      records: [
        ['time', 'Customers'],
        ['0', '3151'],
        ['60', ''],
        ['120', '3700'],
      ],
    });
    if (!data.ok) throw new Error('data');
    const spec = parseCalibrationSpec({ parameters: [{ name: 'Training budget', min: 0, max: 0.05 }] });
    if (!spec.ok) throw new Error('spec');
    const fitted = calibrate(compiled.value, data.data, spec.value);
    if (!fitted.ok) throw new Error(fitted.errors.join('\n'));
    const { model, analyses } = workspace();
    const shown = {
      spec: spec.value,
      stamp: { model: 'Empathy', modelHash: HASH, appVersion: '0.1.0', data: 'kpis.csv', dataHash: HASH },
      data: data.data,
      result: fitted.result,
    };
    const saved = analyses.saveCalibration(calibrationInputOf(shown, { modelId: model.id, name: 'Budget' }));
    const reopened = calibrationOfRecord(analyses.getCalibration(saved.id));
    expect(reopened.result).toEqual(fitted.result);
    expect(Array.from(reopened.data.columns[0]?.values ?? [])).toEqual([3151, Number.NaN, 3700]);
    expect(reopened.saved).toEqual({ id: saved.id, name: 'Budget' });
  });
});
