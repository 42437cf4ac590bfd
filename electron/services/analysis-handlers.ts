/**
 * The handlers of dynamics analyses (sensitivity runs, loop dominance, calibration) (operations in
 * api/parts/analysis.operations.ts): saved sensitivity runs and calibrations of a model, through the analysis
 * repository over the open workspace.
 */
import type { Handlers } from '../api/dispatch';
import type { AnalysisOperationName } from '../api/parts/analysis.operations';
import { createAnalysisRepository } from '../store/analyses';
import type { ServiceContext } from './context';

export function analysisHandlers(context: ServiceContext): Pick<Handlers, AnalysisOperationName> {
  const analyses = createAnalysisRepository(context.workspace.db, () => new Date());
  return {
    'sensitivity.list': ({ modelId }) => analyses.listSensitivity(modelId),
    'sensitivity.get': ({ id }) => analyses.getSensitivity(id),
    'sensitivity.save': (input) => analyses.saveSensitivity(input),
    'sensitivity.delete': ({ id }) => {
      analyses.deleteSensitivity(id);
      return { id };
    },
    'calibrations.list': ({ modelId }) => analyses.listCalibrations(modelId),
    'calibrations.get': ({ id }) => analyses.getCalibration(id),
    'calibrations.save': (input) => analyses.saveCalibration(input),
    'calibrations.delete': ({ id }) => {
      analyses.deleteCalibration(id);
      return { id };
    },
  };
}
