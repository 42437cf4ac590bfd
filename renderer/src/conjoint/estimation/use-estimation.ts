import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConjointStudyRecord, EstimationKind } from '../../../../electron/api/contract';
import { call } from '../../api';
import { appVersion } from '../app-version';
import { errorText } from '../format';
import { createEstimationWorker, EstimationClient } from './estimation-client';
import { savedEstimation } from '../../../../model/conjoint/estimation-run';

export interface HbSettings {
  readonly seed: number;
  readonly iterations: number;
  readonly burnIn: number;
}

export type EstimationState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running';
      readonly kind: EstimationKind;
      /** Iterations done and to do (HB); null while a one-step estimate runs. */
      readonly done: number | null;
      readonly total: number | null;
    }
  | { readonly status: 'saving'; readonly kind: EstimationKind }
  | { readonly status: 'failed'; readonly kind: EstimationKind; readonly message: string }
  | { readonly status: 'cancelled'; readonly kind: EstimationKind }
  | { readonly status: 'done'; readonly kind: EstimationKind };

/**
 * Runs estimations of one study in the worker (one at a time), shows HB's progress, cancels, and saves each
 * finished estimate in the workspace so it survives a reload. The worker outlives the tab that started it, so
 * an HB run keeps going while the user looks at the simulator.
 */
export function useEstimation(record: ConjointStudyRecord, onSaved: (record: ConjointStudyRecord) => void) {
  const client = useRef<EstimationClient | null>(null);
  const [state, setState] = useState<EstimationState>({ status: 'idle' });
  const latest = useRef(record);
  useEffect(() => {
    latest.current = record;
  }, [record]);

  useEffect(() => {
    const created = new EstimationClient(createEstimationWorker);
    client.current = created;
    return () => created.dispose();
  }, []);

  const run = useCallback(
    async (kind: EstimationKind, hb: HbSettings) => {
      const estimation = client.current;
      const { document, id } = latest.current;
      if (estimation === null || document.responses === null) return;
      setState({
        status: 'running',
        kind,
        done: kind === 'hb' ? 0 : null,
        total: kind === 'hb' ? hb.iterations : null,
      });
      let shown = 0;
      const answer = await estimation.estimate(
        {
          kind,
          study: document.study,
          responses: document.responses,
          seed: hb.seed,
          iterations: hb.iterations,
          burnIn: hb.burnIn,
          appVersion: await appVersion(),
          estimatedAt: new Date().toISOString(),
        },
        (done, total) => {
          // One state change per percent at most: a 10,000-iteration run does not re-render 200 times a second.
          if (done - shown < total / 100 && done !== total) return;
          shown = done;
          setState({ status: 'running', kind, done, total });
        },
      );
      if (answer.status === 'cancelled') {
        setState({ status: 'cancelled', kind });
        return;
      }
      if (answer.status === 'failed') {
        setState({ status: 'failed', kind, message: answer.error });
        return;
      }
      setState({ status: 'saving', kind });
      try {
        onSaved(await call('conjoint.saveEstimation', { id, estimation: savedEstimation(answer.result) }));
        setState({ status: 'done', kind });
      } catch (error) {
        setState({
          status: 'failed',
          kind,
          message: `The estimate ran but could not be saved: ${errorText(error)}`,
        });
      }
    },
    [onSaved],
  );

  const cancel = useCallback(() => client.current?.cancel(), []);
  return { state, run, cancel };
}
