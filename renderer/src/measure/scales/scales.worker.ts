/// <reference lib="webworker" />
/**
 * The Scales tab's worker: alpha if dropped and the item-total correlations of every subscale take about a
 * second per few thousand respondents (measured 2.7 s on 10,000 on these machines), which must not freeze the
 * settings the user is editing. The analysis is the same function the tests call directly (survey-analysis.ts).
 */
import type { DataTable } from '../../../../model/stats/data-table';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';
import { analyzeSurvey } from './survey-analysis';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let table: DataTable = { columns: [], rows: [] };

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if (request.kind === 'table') {
    table = request.table;
    return;
  }
  let response: AnalysisResponse;
  try {
    response = { id: request.id, result: analyzeSurvey(table, request.settings, request.privacy) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    response = { id: request.id, result: { ok: false, error: `The survey could not be scored: ${message}` } };
  }
  scope.postMessage(response);
};
