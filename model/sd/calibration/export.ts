/**
 * A calibration result out of the workbench, the same from the CLI and the app: JSON with a stamp (the model's
 * and the data's SHA-256, the app version), the spec, the estimates, the objective before and after, and the fit
 * of each variable (data against model at the observation times); and a CSV of the estimates.
 */
import type { CalibrationResult } from './calibrate';
import type { CalibrationSpec } from './spec';

export const CALIBRATION_FORMAT = 'empathy-workbench/calibration@1';

export interface CalibrationStamp {
  readonly model: string;
  readonly modelHash: string;
  readonly data: string;
  readonly dataHash: string;
  readonly appVersion: string;
  /** When the result was exported (ISO 8601, UTC), the date of the reproducibility stamp. */
  readonly exportedAt?: string | undefined;
}

const json = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function calibrationDocument(
  stamp: CalibrationStamp,
  spec: CalibrationSpec,
  result: CalibrationResult,
): Record<string, unknown> {
  return {
    format: CALIBRATION_FORMAT,
    model: stamp.model,
    modelHash: stamp.modelHash,
    data: stamp.data,
    dataHash: stamp.dataHash,
    appVersion: stamp.appVersion,
    ...(stamp.exportedAt === undefined ? {} : { exportedAt: stamp.exportedAt }),
    method: spec.method,
    spec,
    estimates: Object.fromEntries(
      result.parameters.map((parameter) => [parameter.name, json(parameter.estimate)]),
    ),
    parameters: result.parameters.map((parameter) => ({ ...parameter, estimate: json(parameter.estimate) })),
    objective: json(result.objective),
    startObjective: json(result.startObjective),
    iterations: result.iterations,
    evaluations: result.evaluations,
    restarts: result.restarts,
    converged: result.converged,
    fit: result.fit.map((fit) => ({
      variable: fit.variable,
      column: fit.column,
      weight: json(fit.weight),
      points: fit.points,
      rmse: json(fit.rmse),
      rSquared: json(fit.rSquared),
      time: fit.times.map(json),
      data: fit.data.map(json),
      model: fit.model.map(json),
    })),
    warnings: result.warnings,
  };
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `parameter,estimate,start,min,max`, one row per fitted constant. */
export function estimatesCsv(result: CalibrationResult): string {
  const lines = ['parameter,estimate,start,min,max'];
  for (const parameter of result.parameters)
    lines.push(
      [parameter.name, parameter.estimate, parameter.start, parameter.min, parameter.max]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\n')}\n`;
}
