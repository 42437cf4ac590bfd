/**
 * Messages between the Calibration panel and its worker: the model, the checked data and the spec go in; the
 * search's progress (iteration and best objective so far, at most every PROGRESS_MS) and then the result, with
 * the fit at the starting values for the before-and-after chart, come out. Failures come back as messages.
 */
import type { ModelDocument } from '../../../../model/sd';
import type {
  CalibrationData,
  CalibrationResult,
  CalibrationSpec,
  VariableFit,
} from '../../../../model/sd/calibration';

export const PROGRESS_MS = 100;

export interface CalibrationRequest {
  readonly id: number;
  readonly kind: 'calibrate';
  readonly document: ModelDocument;
  readonly data: CalibrationData;
  readonly spec: CalibrationSpec;
}

export type CalibrationMessage =
  | { readonly id: number; readonly kind: 'progress'; readonly iteration: number; readonly objective: number }
  | {
      readonly id: number;
      readonly kind: 'done';
      readonly result: CalibrationResult;
      /** The fit at the starting values (what the model said before calibrating). */
      readonly before: readonly VariableFit[];
    }
  | { readonly id: number; readonly kind: 'failed'; readonly errors: readonly string[] };
