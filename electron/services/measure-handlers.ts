/**
 * The handlers of the measurement toolkit's data sets (issue 10; operations in api/parts/measure.operations.ts).
 * STUB: every operation answers not-implemented until the store lands.
 */
import type { Handlers } from '../api/dispatch';
import type { MeasureOperationName } from '../api/parts/measure.operations';
import { MEASURE_OPERATIONS } from '../api/parts/measure.operations';
import { OperationError } from '../api/result';
import type { ServiceContext } from './context';

export function measureHandlers(_context: ServiceContext): Pick<Handlers, MeasureOperationName> {
  const notYet = (): never => {
    throw new OperationError('internal', 'The measurement data sets are not implemented yet.');
  };
  return Object.fromEntries(MEASURE_OPERATIONS.map((name) => [name, notYet])) as unknown as Pick<
    Handlers,
    MeasureOperationName
  >;
}
