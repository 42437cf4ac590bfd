/**
 * The handlers of the Conjoint instrument (studies, designs, responses, estimation) and regression (operations in api/parts/conjoint.operations.ts).
 */
import type { Handlers } from '../api/dispatch';
import type { ConjointOperationName } from '../api/parts/conjoint.operations';
import type { ServiceContext } from './context';

export function conjointHandlers(_context: ServiceContext): Pick<Handlers, ConjointOperationName> {
  return {};
}
