/// <reference lib="webworker" />
/**
 * The Calibration panel's worker: a Nelder-Mead search runs the model a few hundred times (seconds on the
 * empathy model), which must not block the page.
 */
import { createCalibrationSession } from './calibration-session';
import type { CalibrationRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createCalibrationSession((message) => scope.postMessage(message));

scope.onmessage = (event: MessageEvent<CalibrationRequest>) => handle(event.data);
