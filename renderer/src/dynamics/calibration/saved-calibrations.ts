/**
 * A calibration as the workspace keeps it (calibrations.save, store/analysis-records.ts) and back: spec, stamp
 * (model and data SHA-256), the data itself (so a saved calibration can be read without the file) and the result.
 * JSON has no NaN: a value that is not finite (an empty data cell, an R^2 of a flat series) travels as null.
 */
import type { CalibrationData, CalibrationResult, CalibrationSpec } from '../../../../model/sd/calibration';
import type { CalibrationInput, CalibrationRecord, ModelId } from '../../../../electron/api/contract';

const toJson = (value: number): number | null => (Number.isFinite(value) ? value : null);
const fromJson = (value: number | null): number => value ?? Number.NaN;

export interface ShownCalibration {
  readonly spec: CalibrationSpec;
  readonly stamp: CalibrationInput['stamp'];
  readonly data: CalibrationData;
  readonly result: CalibrationResult;
  /** The fit at the starting values: known for a calibration just run, not stored. */
  readonly before?: CalibrationResult['fit'] | undefined;
  readonly saved?: { readonly id: string; readonly name: string } | undefined;
}

export function calibrationInputOf(
  shown: ShownCalibration,
  source: { readonly modelId: ModelId; readonly name: string },
): CalibrationInput {
  const { result, data } = shown;
  return {
    modelId: source.modelId,
    name: source.name,
    spec: shown.spec,
    stamp: shown.stamp,
    data: {
      fileName: data.fileName,
      times: Array.from(data.times),
      columns: data.columns.map((column) => ({
        header: column.header,
        values: Array.from(column.values, toJson),
      })),
    },
    result: {
      parameters: result.parameters.map((parameter) => ({
        ...parameter,
        estimate: toJson(parameter.estimate),
      })),
      objective: toJson(result.objective),
      startObjective: toJson(result.startObjective),
      iterations: result.iterations,
      evaluations: result.evaluations,
      restarts: result.restarts,
      converged: result.converged,
      stopped: result.stopped,
      fit: result.fit.map((fit) => ({
        ...fit,
        weight: toJson(fit.weight),
        rmse: toJson(fit.rmse),
        rSquared: toJson(fit.rSquared),
        times: fit.times.map(toJson),
        data: fit.data.map(toJson),
        model: fit.model.map(toJson),
      })),
      warnings: [...result.warnings],
    },
  };
}

export function calibrationOfRecord(record: CalibrationRecord): ShownCalibration {
  const { result } = record;
  return {
    spec: record.spec,
    stamp: record.stamp,
    data: {
      fileName: record.data.fileName,
      times: Float64Array.from(record.data.times),
      columns: record.data.columns.map((column) => ({
        header: column.header,
        values: Float64Array.from(column.values, fromJson),
      })),
    },
    result: {
      ...result,
      parameters: result.parameters.map((parameter) => ({
        ...parameter,
        estimate: fromJson(parameter.estimate),
      })),
      objective: fromJson(result.objective),
      startObjective: fromJson(result.startObjective),
      fit: result.fit.map((fit) => ({
        ...fit,
        weight: fromJson(fit.weight),
        rmse: fromJson(fit.rmse),
        rSquared: fromJson(fit.rSquared),
        times: fit.times.map(fromJson),
        data: fit.data.map(fromJson),
        model: fit.model.map(fromJson),
      })),
    },
    saved: { id: record.id, name: record.name },
  };
}
