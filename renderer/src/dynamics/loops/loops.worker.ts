/// <reference lib="webworker" />
/**
 * The Loops panel's worker: finding and scoring loops takes a few hundred milliseconds on the empathy
 * model, which must not block the page while a slider moves.
 */
import { createLoopsSession } from './loops-session';
import type { LoopsRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createLoopsSession();

scope.onmessage = (event: MessageEvent<LoopsRequest>) => {
  const { response, transfer } = handle(event.data);
  scope.postMessage(response, [...transfer]);
};
