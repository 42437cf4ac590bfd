/**
 * The handlers of the Network instrument (organizational networks and their survey waves) (operations in api/parts/network.operations.ts).
 */
import type { Handlers } from '../api/dispatch';
import type { NetworkOperationName } from '../api/parts/network.operations';
import type { ServiceContext } from './context';

export function networkHandlers(_context: ServiceContext): Pick<Handlers, NetworkOperationName> {
  return {};
}
