/**
 * The handlers of the SROI instrument (analyses, evaluation, sensitivity) (operations in api/parts/sroi.operations.ts).
 */
import type { Handlers } from '../api/dispatch';
import type { SroiOperationName } from '../api/parts/sroi.operations';
import type { ServiceContext } from './context';

export function sroiHandlers(_context: ServiceContext): Pick<Handlers, SroiOperationName> {
  return {};
}
