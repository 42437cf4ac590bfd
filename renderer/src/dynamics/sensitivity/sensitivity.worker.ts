/// <reference lib="webworker" />
/**
 * One of the Sensitivity panel's workers (the panel starts one per core): a 1,000-run Monte Carlo of the
 * empathy model takes about half a second of engine time, which must not block the page.
 */
import type { SensitivityRequest } from './protocol';
import { createSensitivitySession } from './sensitivity-session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSensitivitySession((message, transfer) => scope.postMessage(message, [...transfer]));

scope.onmessage = (event: MessageEvent<SensitivityRequest>) => handle(event.data);
