/**
 * Messages between the Scales tab and its worker (scales.worker.ts): the survey's table once, then one request
 * per change of the settings; each answer carries its request's id, so the tab keeps only the latest. Errors come
 * back as data (the analysis's own `{ ok: false, error }`).
 */
import type { MeasurePrivacy, SurveySettings } from '../../../../electron/api/contract';
import type { DataTable } from '../../../../model/stats/data-table';
import type { AnalysisResult } from './survey-analysis';

export type AnalysisRequest =
  | { readonly kind: 'table'; readonly table: DataTable }
  | {
      readonly kind: 'analyze';
      readonly id: number;
      readonly settings: SurveySettings;
      readonly privacy: Pick<MeasurePrivacy, 'minGroupSize'>;
    };

export interface AnalysisResponse {
  readonly id: number;
  readonly result: AnalysisResult;
}
