/**
 * The Scales tab's analysis, computed off the page's thread (scales.worker.ts) so that editing a setting never
 * waits for the reliability tables. The table goes to the worker once; each change of the settings or of the
 * minimum group size is a request, and only the latest request's answer is shown. While it runs, the previous
 * results stay on screen, marked as being updated. Where no worker can start, the analysis runs in the page.
 */
import { useEffect, useRef, useState } from 'react';
import type { SurveySettings } from '../../../../electron/api/contract';
import type { DataTable } from '../../../../model/stats/data-table';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';
import { analyzeSurvey, type AnalysisResult } from './survey-analysis';

/** The part of a Worker used here. */
interface AnalysisPort {
  postMessage(message: AnalysisRequest): void;
  onmessage: ((event: MessageEvent<AnalysisResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

function startWorker(): AnalysisPort | null {
  try {
    return new Worker(new URL('./scales.worker.ts', import.meta.url), { type: 'module', name: 'scales' });
  } catch {
    return null;
  }
}

export function useSurveyAnalysis(
  table: DataTable,
  settings: SurveySettings,
  minGroupSize: number,
): { readonly analysis: AnalysisResult | undefined; readonly updating: boolean } {
  const [answer, setAnswer] = useState<{ id: number; result: AnalysisResult } | undefined>();
  const [asked, setAsked] = useState(0);
  const port = useRef<AnalysisPort | null>(null);
  const broken = useRef(false);
  const nextId = useRef(0);
  const latest = useRef({ settings, minGroupSize });

  useEffect(() => {
    const worker = startWorker();
    port.current = worker;
    broken.current = worker === null;
    if (worker !== null) {
      worker.postMessage({ kind: 'table', table });
      worker.onmessage = (event) => {
        if (event.data.id === nextId.current) setAnswer(event.data);
      };
      worker.onerror = () => {
        // The page computes it instead (same function): slower, but the tab still answers.
        broken.current = true;
        setAnswer({
          id: nextId.current,
          result: analyzeSurvey(table, latest.current.settings, latest.current),
        });
      };
    }
    return () => {
      worker?.terminate();
      port.current = null;
    };
  }, [table]);

  useEffect(() => {
    latest.current = { settings, minGroupSize };
    const id = ++nextId.current;
    const worker = port.current;
    if (worker === null || broken.current) {
      setAnswer({ id, result: analyzeSurvey(table, settings, { minGroupSize }) });
      return;
    }
    setAsked(id);
    worker.postMessage({ kind: 'analyze', id, settings, privacy: { minGroupSize } });
  }, [table, settings, minGroupSize]);

  return { analysis: answer?.result, updating: answer === undefined || answer.id < asked };
}
