/**
 * Saved analyses of a model (migration 002): Monte Carlo sensitivity runs, with their per-run table and bands as
 * Float64 BLOBs, and calibrations as JSON documents. Save, list by model, get and delete; every read passes the
 * record's zod schema (analysis-records.ts), so a damaged row is reported by field and left as it is. A save is
 * one IMMEDIATE transaction (the run row and its bands together, or nothing), and touches the project.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ModelId } from '../../model/schema/model';
import { OperationError } from '../api/result';
import {
  calibrationRecordSchema,
  sensitivityRunRecordSchema,
  type CalibrationId,
  type CalibrationInput,
  type CalibrationRecord,
  type CalibrationSummary,
  type SensitivityRunId,
  type SensitivityRunInput,
  type SensitivityRunRecord,
  type SensitivityRunSummary,
} from './analysis-records';
import { decodeFloat64, encodeFloat64 } from './float64-blob';
import { byName, firstFreeName, validNew } from './names';
import { parseStoredDocument } from './stored-document';

export interface AnalysisRepository {
  /** The model's sensitivity runs, newest first; a row that cannot be read is listed with its problem. */
  listSensitivity(modelId: ModelId): SensitivityRunSummary[];
  getSensitivity(id: SensitivityRunId): SensitivityRunRecord;
  /** Saves a run under its name, made free among the model's runs ("Name (2)") if taken. */
  saveSensitivity(input: SensitivityRunInput): SensitivityRunSummary;
  deleteSensitivity(id: SensitivityRunId): void;
  listCalibrations(modelId: ModelId): CalibrationSummary[];
  getCalibration(id: CalibrationId): CalibrationRecord;
  saveCalibration(input: CalibrationInput): CalibrationSummary;
  deleteCalibration(id: CalibrationId): void;
}

interface SensitivityRow {
  readonly id: string;
  readonly project_id: string;
  readonly model_id: string;
  readonly name: string;
  readonly spec: string;
  readonly stamp: string;
  readonly summary: string;
  readonly runs: number;
  readonly band_times: Buffer;
  readonly samples: Buffer;
  readonly kpi: Buffer;
  readonly created_at: string;
}

interface BandRow {
  readonly variable: string;
  readonly data: Buffer;
}

interface CalibrationRow {
  readonly id: string;
  readonly project_id: string;
  readonly model_id: string;
  readonly name: string;
  readonly document: string;
  readonly created_at: string;
}

/** JSON text that fails to parse is reported through the schema (as the field's wrong type), not as a crash. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Non-finite numbers are null in the API's JSON and NaN on disk. */
const toBlob = (values: readonly (number | null)[]): Buffer =>
  encodeFloat64(Float64Array.from(values, (value) => value ?? Number.NaN));
const fromBlob = (blob: Buffer): (number | null)[] =>
  Array.from(decodeFloat64(blob), (value) => (Number.isFinite(value) ? value : null));

const newestFirst = <T extends { readonly createdAt: string; readonly name: string }>(a: T, b: T): number =>
  b.createdAt.localeCompare(a.createdAt) || byName(a, b);

export function createAnalysisRepository(db: Database, now: () => Date): AnalysisRepository {
  const modelProject = db.prepare<[string], string>('SELECT project_id FROM models WHERE id = ?').pluck();
  const touchProject = db.prepare<[string, string]>('UPDATE projects SET updated_at = ? WHERE id = ?');

  const sensitivityColumns =
    'id, project_id, model_id, name, spec, stamp, summary, runs, band_times, samples, kpi, created_at';
  const selectRuns = db.prepare<[string], SensitivityRow>(
    `SELECT ${sensitivityColumns} FROM sensitivity_runs WHERE model_id = ?`,
  );
  const selectRun = db.prepare<[string], SensitivityRow>(
    `SELECT ${sensitivityColumns} FROM sensitivity_runs WHERE id = ?`,
  );
  const selectBands = db.prepare<[string], BandRow>(
    'SELECT variable, data FROM sensitivity_bands WHERE run_id = ? ORDER BY position',
  );
  const runNames = db
    .prepare<[string], string>('SELECT name FROM sensitivity_runs WHERE model_id = ?')
    .pluck();
  const insertRun = db.prepare(
    `INSERT INTO sensitivity_runs (${sensitivityColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBand = db.prepare<[string, string, number, Buffer]>(
    'INSERT INTO sensitivity_bands (run_id, variable, position, data) VALUES (?, ?, ?, ?)',
  );
  const deleteRun = db.prepare<[string]>('DELETE FROM sensitivity_runs WHERE id = ?');

  const calibrationColumns = 'id, project_id, model_id, name, document, created_at';
  const selectCalibrations = db.prepare<[string], CalibrationRow>(
    `SELECT ${calibrationColumns} FROM calibrations WHERE model_id = ?`,
  );
  const selectCalibration = db.prepare<[string], CalibrationRow>(
    `SELECT ${calibrationColumns} FROM calibrations WHERE id = ?`,
  );
  const calibrationNames = db
    .prepare<[string], string>('SELECT name FROM calibrations WHERE model_id = ?')
    .pluck();
  const insertCalibration = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO calibrations (${calibrationColumns}) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const deleteCalibrationRow = db.prepare<[string]>('DELETE FROM calibrations WHERE id = ?');

  const projectOf = (modelId: string): string => {
    const projectId = modelProject.get(modelId);
    if (projectId === undefined) throw new OperationError('not-found', `No model with id "${modelId}".`);
    return projectId;
  };

  const runFromRow = (row: SensitivityRow): SensitivityRunRecord => {
    const summary = parseJson(row.summary);
    const bands = selectBands.all(row.id);
    return parseStoredDocument(sensitivityRunRecordSchema, 'sensitivity_runs', row.id, {
      id: row.id,
      projectId: row.project_id,
      modelId: row.model_id,
      name: row.name,
      spec: parseJson(row.spec),
      stamp: parseJson(row.stamp),
      ...(isRecord(summary) ? summary : { summary }),
      outputs: bands.map((band) => band.variable),
      bandTimes: fromBlob(row.band_times),
      bands: bands.map((band) => fromBlob(band.data)),
      samples: fromBlob(row.samples),
      kpi: fromBlob(row.kpi),
      createdAt: row.created_at,
    });
  };

  const runSummary = (row: SensitivityRow): SensitivityRunSummary => {
    const base = {
      id: row.id as SensitivityRunId,
      modelId: row.model_id as ModelId,
      name: row.name,
      createdAt: row.created_at,
    };
    const spec = parseJson(row.spec);
    const summary = parseJson(row.summary);
    // The list reads the small JSON columns only; a row is opened whole (and checked) by getSensitivity.
    if (
      isRecord(spec) &&
      isRecord(spec['kpi']) &&
      isRecord(summary) &&
      Array.isArray(summary['parameters'])
    ) {
      const kpi = spec['kpi'];
      return {
        ...base,
        runs: row.runs,
        seed: Number(spec['seed']),
        sampling: spec['sampling'] === 'random' ? 'random' : 'latin-hypercube',
        kpiVariable: String(summary['kpiVariable'] ?? kpi['variable']),
        kpiStatistic: kpi['statistic'] === 'mean' ? 'mean' : kpi['statistic'] === 'sum' ? 'sum' : 'final',
        parameters: summary['parameters'].map(String),
      };
    }
    return {
      ...base,
      runs: row.runs,
      seed: 0,
      sampling: 'random',
      kpiVariable: '',
      kpiStatistic: 'final',
      parameters: [],
      problem: `The saved sensitivity run "${row.name}" cannot be read (its spec or summary is damaged).`,
    };
  };

  const calibrationFromRow = (row: CalibrationRow): CalibrationRecord => {
    const document = parseJson(row.document);
    return parseStoredDocument(calibrationRecordSchema, 'calibrations', row.id, {
      ...(isRecord(document) ? document : { document }),
      id: row.id,
      projectId: row.project_id,
      modelId: row.model_id,
      name: row.name,
      createdAt: row.created_at,
    });
  };

  const calibrationSummary = (row: CalibrationRow): CalibrationSummary => {
    const base = {
      id: row.id as CalibrationId,
      modelId: row.model_id as ModelId,
      name: row.name,
      createdAt: row.created_at,
    };
    try {
      const { result } = calibrationFromRow(row);
      return {
        ...base,
        parameters: result.parameters.map((parameter) => ({
          name: parameter.name,
          estimate: parameter.estimate,
        })),
        objective: result.objective,
        converged: result.converged,
      };
    } catch (error) {
      if (!(error instanceof OperationError)) throw error;
      return { ...base, parameters: [], objective: null, converged: false, problem: error.message };
    }
  };

  return {
    listSensitivity(modelId) {
      projectOf(modelId);
      return selectRuns.all(modelId).map(runSummary).sort(newestFirst);
    },

    getSensitivity(id) {
      const row = selectRun.get(id);
      if (row === undefined) throw new OperationError('not-found', `No sensitivity run with id "${id}".`);
      return runFromRow(row);
    },

    saveSensitivity(input) {
      return db
        .transaction(() => {
          const projectId = projectOf(input.modelId);
          const at = now().toISOString();
          const record = validNew(sensitivityRunRecordSchema, 'sensitivity run', {
            ...input,
            id: randomUUID(),
            projectId,
            name: firstFreeName(input.name.trim(), runNames.all(input.modelId)),
            createdAt: at,
          });
          const summary = {
            parameters: record.parameters,
            kpiVariable: record.kpiVariable,
            percentiles: record.percentiles,
            summary: record.summary,
            tornado: record.tornado,
          };
          insertRun.run(
            record.id,
            projectId,
            record.modelId,
            record.name,
            JSON.stringify(record.spec),
            JSON.stringify(record.stamp),
            JSON.stringify(summary),
            record.spec.runs,
            toBlob(record.bandTimes),
            toBlob(record.samples),
            toBlob(record.kpi),
            at,
          );
          record.outputs.forEach((variable, position) =>
            insertBand.run(record.id, variable, position, toBlob(record.bands[position] ?? [])),
          );
          touchProject.run(at, projectId);
          const row = selectRun.get(record.id);
          if (row === undefined) throw new OperationError('storage', 'The sensitivity run was not saved.');
          return runSummary(row);
        })
        .immediate();
    },

    deleteSensitivity(id) {
      if (deleteRun.run(id).changes === 0)
        throw new OperationError('not-found', `No sensitivity run with id "${id}".`);
    },

    listCalibrations(modelId) {
      projectOf(modelId);
      return selectCalibrations.all(modelId).map(calibrationSummary).sort(newestFirst);
    },

    getCalibration(id) {
      const row = selectCalibration.get(id);
      if (row === undefined) throw new OperationError('not-found', `No calibration with id "${id}".`);
      return calibrationFromRow(row);
    },

    saveCalibration(input) {
      return db
        .transaction(() => {
          const projectId = projectOf(input.modelId);
          const at = now().toISOString();
          const record = validNew(calibrationRecordSchema, 'calibration', {
            ...input,
            id: randomUUID(),
            projectId,
            name: firstFreeName(input.name.trim(), calibrationNames.all(input.modelId)),
            createdAt: at,
          });
          const { id, projectId: _project, modelId, name, createdAt: _created, ...document } = record;
          insertCalibration.run(id, projectId, modelId, name, JSON.stringify(document), at);
          touchProject.run(at, projectId);
          const row = selectCalibration.get(id);
          if (row === undefined) throw new OperationError('storage', 'The calibration was not saved.');
          return calibrationSummary(row);
        })
        .immediate();
    },

    deleteCalibration(id) {
      if (deleteCalibrationRow.run(id).changes === 0)
        throw new OperationError('not-found', `No calibration with id "${id}".`);
    },
  };
}
