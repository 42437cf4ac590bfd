/**
 * The calibration worker's logic, free of the Worker API so tests can drive it directly: compile the document,
 * fit the spec's constants to the data with the engine's bounded Nelder-Mead (model/sd/calibration), report the
 * search's progress at most every PROGRESS_MS, and give the fit at the starting values too.
 */
import { compileModel } from '../../../../model/sd';
import { buildProblem, calibrate, fitOf } from '../../../../model/sd/calibration';
import { PROGRESS_MS, type CalibrationMessage, type CalibrationRequest } from './protocol';

export function createCalibrationSession(
  post: (message: CalibrationMessage) => void,
  now: () => number = () => performance.now(),
): (request: CalibrationRequest) => void {
  return ({ id, document, data, spec }) => {
    try {
      const compiled = compileModel(document);
      if (!compiled.ok) {
        post({ id, kind: 'failed', errors: compiled.errors.map((error) => error.message) });
        return;
      }
      const fileName = document.header.name ?? 'the model';
      const built = buildProblem(compiled.value, data, spec, fileName);
      if (!built.ok) {
        post({ id, kind: 'failed', errors: built.errors });
        return;
      }
      const before = fitOf(
        built.problem,
        built.problem.parameters.map((parameter) => parameter.start),
      );
      let last = -Infinity;
      const fitted = calibrate(compiled.value, data, spec, {
        fileName,
        onIteration: (iteration, objective) => {
          const at = now();
          if (at - last < PROGRESS_MS) return;
          last = at;
          post({ id, kind: 'progress', iteration, objective });
        },
      });
      if (!fitted.ok) post({ id, kind: 'failed', errors: fitted.errors });
      else post({ id, kind: 'done', result: fitted.result, before });
    } catch (error) {
      // A bug in the engine must not leave the panel waiting: it comes back as a message.
      const message = error instanceof Error ? error.message : String(error);
      post({ id, kind: 'failed', errors: [`The calibration failed unexpectedly: ${message}`] });
    }
  };
}
