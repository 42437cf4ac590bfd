/**
 * The handlers of dynamics analyses (sensitivity runs, loop dominance, calibration) (operations in api/parts/analysis.operations.ts).
 */
import type { Handlers } from '../api/dispatch';
import type { AnalysisOperationName } from '../api/parts/analysis.operations';
import type { ServiceContext } from './context';

export function analysisHandlers(_context: ServiceContext): Pick<Handlers, AnalysisOperationName> {
  return {};
}
