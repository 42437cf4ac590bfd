/// <reference lib="webworker" />
/**
 * The Dynamics view's simulation worker: the engine runs here so dragging a slider never blocks the page.
 */
import { createEngineSession } from './engine-session';
import type { EngineRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createEngineSession();

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const { response, transfer } = handle(event.data);
  scope.postMessage(response, [...transfer]);
};
