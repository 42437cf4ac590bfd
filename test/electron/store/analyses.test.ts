import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import type {
  CalibrationInput,
  SensitivityRunId,
  SensitivityRunInput,
} from '../../../electron/store/analysis-records';
import { createAnalysisRepository } from '../../../electron/store/analyses';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir, testClock } from './support';

const HASH = 'a'.repeat(64);

function fixture() {
  const clock = testClock();
  const workspace = openWorkspace({ dataDir: tempDataDir(), now: clock.now, backupOnOpen: false });
  const project = workspace.projects.create({ name: 'Care' });
  const model = workspace.models.create({ projectId: project.id, name: 'Reference', xmile: '<xmile/>' });
  const analyses = createAnalysisRepository(workspace.db, clock.now);
  return { clock, workspace, project, model, analyses };
}

function sensitivityInput(modelId: SensitivityRunInput['modelId']): SensitivityRunInput {
  return {
    modelId,
    name: 'Levers',
    spec: {
      parameters: [
        { name: 'Training budget', distribution: { type: 'uniform', min: 0, max: 0.05 } },
        {
          name: 'Leadership commitment',
          distribution: { type: 'triangular', min: 0.2, mode: 0.5, max: 0.9 },
        },
      ],
      sampling: 'latin-hypercube',
      runs: 3,
      seed: 42,
      kpi: { variable: 'Cumulative profit', statistic: 'final' },
      percentiles: [5, 50, 95],
      bandPoints: 61,
    },
    stamp: { model: 'Reference', modelHash: HASH, appVersion: '0.1.0' },
    parameters: ['Training budget', 'Leadership commitment'],
    outputs: ['Customers', 'Cumulative profit'],
    kpiVariable: 'Cumulative profit',
    percentiles: [5, 50, 95],
    bandTimes: [0, 60, 120],
    bands: [
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 20, 30, 40, 50, 60, 70, 80, null],
    ],
    samples: [0.01, 0.4, 0.02, 0.5, 0.03, 0.6],
    kpi: [100, null, 300],
    summary: {
      runs: 3,
      missing: 1,
      mean: 200,
      sd: 141.4,
      min: 100,
      max: 300,
      percentiles: [
        { percent: 5, value: 110 },
        { percent: 50, value: 200 },
        { percent: 95, value: 290 },
      ],
    },
    tornado: {
      base: 200,
      entries: [
        {
          parameter: 'Training budget',
          low: 0.0025,
          median: 0.025,
          high: 0.0475,
          kpiAtLow: 100,
          kpiAtHigh: 300,
          swing: 200,
          rankCorrelation: null,
        },
      ],
    },
  };
}

function calibrationInput(modelId: CalibrationInput['modelId']): CalibrationInput {
  return {
    modelId,
    name: 'Fit to 2025',
    spec: {
      parameters: [{ name: 'Training budget', min: 0, max: 0.05 }],
      method: 'nelder-mead',
      tolerance: 1e-8,
      maxIterations: 2000,
    },
    stamp: { model: 'Reference', modelHash: HASH, data: 'obs.csv', dataHash: HASH, appVersion: '0.1.0' },
    data: { fileName: 'obs.csv', times: [0, 6], columns: [{ header: 'Customers', values: [3100, null] }] },
    result: {
      parameters: [
        { name: 'Training budget', min: 0, max: 0.05, start: 0.01, estimate: 0.03, atBound: false },
      ],
      objective: 0.01,
      startObjective: 4,
      iterations: 80,
      evaluations: 160,
      restarts: 1,
      converged: true,
      stopped: false,
      fit: [
        {
          variable: 'Customers',
          column: 'Customers',
          weight: 1,
          points: 1,
          rmse: 2,
          rSquared: null,
          times: [0],
          data: [3100],
          model: [3102],
        },
      ],
      warnings: [],
    },
  };
}

describe('sensitivity runs in the workspace', () => {
  it('saves a run with its bands and per-run table, and reads it back the same (NaN as null)', () => {
    const { analyses, model, project, workspace, clock } = fixture();
    clock.advance(1000);
    const saved = analyses.saveSensitivity(sensitivityInput(model.id));
    expect(saved).toMatchObject({
      name: 'Levers',
      runs: 3,
      seed: 42,
      sampling: 'latin-hypercube',
      kpiVariable: 'Cumulative profit',
      kpiStatistic: 'final',
      parameters: ['Training budget', 'Leadership commitment'],
    });
    const record = analyses.getSensitivity(saved.id);
    const { modelId: _model, ...input } = sensitivityInput(model.id);
    expect(record).toMatchObject(input);
    expect(record.projectId).toBe(project.id);
    expect(workspace.projects.get(project.id).updatedAt).toBe(record.createdAt);
    // The bands are stored as BLOBs, 8 bytes a value, one row per variable.
    const blobs = workspace.db
      .prepare<[string], { variable: string; bytes: number }>(
        'SELECT variable, length(data) AS bytes FROM sensitivity_bands WHERE run_id = ? ORDER BY position',
      )
      .all(saved.id);
    expect(blobs).toEqual([
      { variable: 'Customers', bytes: 72 },
      { variable: 'Cumulative profit', bytes: 72 },
    ]);
  });

  it('lists a model’s runs newest first, names made free, and deletes them', () => {
    const { analyses, model, clock } = fixture();
    const first = analyses.saveSensitivity(sensitivityInput(model.id));
    clock.advance(1000);
    const second = analyses.saveSensitivity(sensitivityInput(model.id));
    expect(second.name).toBe('Levers (2)');
    expect(analyses.listSensitivity(model.id).map((run) => run.id)).toEqual([second.id, first.id]);
    analyses.deleteSensitivity(first.id);
    expect(analyses.listSensitivity(model.id).map((run) => run.id)).toEqual([second.id]);
    expect(() => analyses.deleteSensitivity(first.id)).toThrow(/No sensitivity run/);
    expect(() => analyses.getSensitivity(first.id)).toThrow(/No sensitivity run/);
  });

  it('refuses arrays that do not fit the spec, naming the field, and saves nothing', () => {
    const { analyses, model } = fixture();
    const input = sensitivityInput(model.id);
    expect(() => analyses.saveSensitivity({ ...input, kpi: [1, 2] })).toThrow(
      /kpi is not valid: holds 2 values for 3 runs/,
    );
    expect(() => analyses.saveSensitivity({ ...input, bands: [[1], [2]] })).toThrow(/bands\.0 is not valid/);
    expect(analyses.listSensitivity(model.id)).toEqual([]);
  });

  it('names the model that does not exist', () => {
    const { analyses } = fixture();
    const missing = '00000000-0000-4000-8000-000000000000' as SensitivityRunInput['modelId'];
    expect(() => analyses.saveSensitivity(sensitivityInput(missing))).toThrow(/No model with id/);
    expect(() => analyses.listSensitivity(missing)).toThrow(/No model with id/);
  });

  it('reports a damaged row by field and leaves it be', () => {
    const { analyses, model, workspace } = fixture();
    const saved = analyses.saveSensitivity(sensitivityInput(model.id));
    workspace.db.prepare('UPDATE sensitivity_runs SET kpi = ? WHERE id = ?').run(Buffer.alloc(8), saved.id);
    expect(() => analyses.getSensitivity(saved.id as SensitivityRunId)).toThrow(/sensitivity_runs.*kpi/s);
    expect(analyses.listSensitivity(model.id)).toHaveLength(1);
  });

  it('goes with its model', () => {
    const { analyses, model, workspace } = fixture();
    analyses.saveSensitivity(sensitivityInput(model.id));
    analyses.saveCalibration(calibrationInput(model.id));
    workspace.models.delete(model.id);
    for (const table of ['sensitivity_runs', 'sensitivity_bands', 'calibrations'])
      expect(workspace.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });
});

describe('calibrations in the workspace', () => {
  it('saves, lists, reads back and deletes a calibration', () => {
    const { analyses, model } = fixture();
    const saved = analyses.saveCalibration(calibrationInput(model.id));
    expect(saved).toMatchObject({
      name: 'Fit to 2025',
      parameters: [{ name: 'Training budget', estimate: 0.03 }],
      objective: 0.01,
      converged: true,
    });
    const { modelId: _model, ...input } = calibrationInput(model.id);
    expect(analyses.getCalibration(saved.id)).toMatchObject(input);
    expect(analyses.listCalibrations(model.id)).toEqual([saved]);
    analyses.deleteCalibration(saved.id);
    expect(analyses.listCalibrations(model.id)).toEqual([]);
    expect(() => analyses.getCalibration(saved.id)).toThrow(/No calibration/);
  });

  it('refuses a calibration whose spec is impossible', () => {
    const { analyses, model } = fixture();
    const input = calibrationInput(model.id);
    expect(() =>
      analyses.saveCalibration({
        ...input,
        spec: { ...input.spec, parameters: [{ name: 'Training budget', min: 1, max: 0 }] },
      }),
    ).toThrow(/spec\.parameters\.0\.max is not valid: max must be above min/);
  });
});

describe('the analysis operations through dispatch', () => {
  it('save, list, get and delete a sensitivity run and a calibration as the app calls them', async () => {
    const { workspace, model } = fixture();
    const handlers = createHandlers({ workspace, host: 'test' });
    const saved = await dispatch(handlers, 'sensitivity.save', sensitivityInput(model.id));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const { id } = saved.value as { id: string };
    const listed = await dispatch(handlers, 'sensitivity.list', { modelId: model.id });
    expect(listed.ok && (listed.value as { id: string }[]).map((run) => run.id)).toEqual([id]);
    const got = await dispatch(handlers, 'sensitivity.get', { id });
    expect(got.ok && (got.value as { kpi: unknown }).kpi).toEqual([100, null, 300]);
    expect(await dispatch(handlers, 'sensitivity.delete', { id })).toEqual({ ok: true, value: { id } });

    const bad = await dispatch(handlers, 'sensitivity.save', { ...sensitivityInput(model.id), samples: [1] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/^sensitivity\.save: samples: holds 1 values for 3 runs/);

    const calibration = await dispatch(handlers, 'calibrations.save', calibrationInput(model.id));
    expect(calibration.ok).toBe(true);
    const calibrations = await dispatch(handlers, 'calibrations.list', { modelId: model.id });
    expect(calibrations.ok && (calibrations.value as unknown[]).length).toBe(1);
    const missing = await dispatch(handlers, 'calibrations.get', {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
