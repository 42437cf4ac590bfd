/// <reference lib="webworker" />
/**
 * The Conjoint view's estimation worker: ratings OLS, MNL and hierarchical Bayes run here, so a long HB run
 * never freezes the page and its progress bar keeps moving.
 */
import { handleEstimation } from './estimation-session';
import type { EstimationRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EstimationRequest>) => {
  const { response, transfer } = handleEstimation(event.data, (progress) => scope.postMessage(progress));
  scope.postMessage(response, [...transfer]);
};
