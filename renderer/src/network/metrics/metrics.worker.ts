/// <reference lib="webworker" />
/**
 * The Network view's metrics worker: betweenness, closeness and the rest on a 2,000-person network take
 * seconds, which must not freeze the graph the user is panning.
 */
import { createMetricsSession } from './metrics-session';
import type { MetricsRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = createMetricsSession((response, transfer) => scope.postMessage(response, transfer));

scope.onmessage = (event: MessageEvent<MetricsRequest>) => session.handle(event.data);
