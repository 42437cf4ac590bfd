/**
 * The panel's side of a calibration: one search at a time in its own worker, with progress, and Cancel, which
 * ends the worker at once (the search never yields to read a message) and keeps nothing.
 */
import type { CalibrationResult, VariableFit } from '../../../../model/sd/calibration';
import type { CalibrationMessage, CalibrationRequest } from './protocol';

/** The part of a Worker the job uses (tests pass an in-process stand-in). */
export interface CalibrationPort {
  postMessage(message: CalibrationRequest): void;
  onmessage: ((event: MessageEvent<CalibrationMessage>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type CalibrationOutcome =
  | { readonly ok: true; readonly result: CalibrationResult; readonly before: readonly VariableFit[] }
  | { readonly ok: false; readonly errors: readonly string[] }
  | { readonly ok: false; readonly cancelled: true };

export interface CalibrationJob {
  readonly outcome: Promise<CalibrationOutcome>;
  cancel(): void;
}

export function createCalibrationWorker(): CalibrationPort {
  return new Worker(new URL('./calibration.worker.ts', import.meta.url), {
    type: 'module',
    name: 'calibration',
  });
}

export function runCalibration(
  request: Omit<CalibrationRequest, 'id' | 'kind'>,
  options: {
    readonly onProgress?: (iteration: number, objective: number) => void;
    readonly createPort?: () => CalibrationPort;
  } = {},
): CalibrationJob {
  const port = (options.createPort ?? createCalibrationWorker)();
  let settle: (outcome: CalibrationOutcome) => void = () => undefined;
  const outcome = new Promise<CalibrationOutcome>((resolve) => {
    settle = resolve;
  });
  let settled = false;
  const finish = (value: CalibrationOutcome) => {
    if (settled) return;
    settled = true;
    port.terminate();
    settle(value);
  };
  port.onmessage = ({ data: message }) => {
    if (message.kind === 'progress') options.onProgress?.(message.iteration, message.objective);
    else if (message.kind === 'done') finish({ ok: true, result: message.result, before: message.before });
    else finish({ ok: false, errors: message.errors });
  };
  port.onerror = (event) =>
    finish({
      ok: false,
      errors: [`The calibration worker stopped: ${event.message || 'it could not start'}`],
    });
  port.postMessage({ id: 1, kind: 'calibrate', ...request });
  return { outcome, cancel: () => finish({ ok: false, cancelled: true }) };
}
