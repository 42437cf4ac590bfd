/**
 * The loop analysis of the open model under the current what-if, rerun in the loops worker when the model
 * or the overrides change (after they settle: a slider drag asks once it pauses). While a new analysis runs,
 * the last one stays on screen, marked as updating.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Diagnostic, ModelDocument } from '../../../../model/sd';
import type { LoopAnalysis } from '../../../../model/sd/loops';
import type { Overrides } from '../engine/protocol';
import { LoopsClient, createLoopsWorker, type LoopsPort } from './loops-client';

/** How long the model and overrides must stay unchanged before the loops are analysed again. */
export const LOOPS_DELAY_MS = 300;

export interface LoopAnalysisState {
  readonly analysis: LoopAnalysis | undefined;
  readonly updating: boolean;
  readonly errors: readonly Diagnostic[];
}

interface Answered {
  /** The inputs the last answer was for: while the current ones differ, a new analysis is on its way. */
  readonly document: ModelDocument;
  readonly overrides: Overrides;
  readonly analysis: LoopAnalysis | undefined;
  readonly errors: readonly Diagnostic[];
}

export function useLoopAnalysis(
  document: ModelDocument,
  overrides: Overrides,
  createPort: () => LoopsPort = createLoopsWorker,
): LoopAnalysisState {
  const client = useMemo(() => new LoopsClient(createPort()), [createPort]);
  useEffect(() => () => client.dispose(), [client]);
  const [answered, setAnswered] = useState<Answered | undefined>();

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void client.analyze(document, overrides).then((outcome) => {
        if (cancelled || outcome === 'superseded') return;
        setAnswered((previous) =>
          outcome.ok
            ? { document, overrides, analysis: outcome.analysis, errors: [] }
            : { document, overrides, analysis: previous?.analysis, errors: outcome.errors },
        );
      });
    }, LOOPS_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, document, overrides]);

  return {
    analysis: answered?.analysis,
    updating: answered?.document !== document || answered.overrides !== overrides,
    errors: answered?.errors ?? [],
  };
}
