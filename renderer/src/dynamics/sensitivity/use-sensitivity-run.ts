/**
 * A Monte Carlo of the open model in the panel's workers: start, the progress as runs come in, cancel. Only one
 * run at a time; starting again (or leaving the panel) cancels the one in flight.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModelDocument } from '../../../../model/sd';
import type { ResolvedSensitivitySpec, SensitivityResult } from '../../../../model/sd/sensitivity';
import {
  runSensitivityInWorkers,
  workerCount,
  type SensitivityJob,
  type SensitivityPort,
} from './sensitivity-pool';

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly done: number; readonly total: number; readonly workers: number }
  | { readonly status: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly status: 'failed'; readonly errors: readonly string[] };

/** Progress is drawn at most this often (a range of 100 runs finishes every few tens of milliseconds). */
const PROGRESS_MS = 100;

export function useSensitivityRun(createPort?: () => SensitivityPort) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const job = useRef<SensitivityJob | undefined>(undefined);
  useEffect(() => () => job.current?.cancel(), []);

  const start = useCallback(
    async (
      document: ModelDocument,
      spec: ResolvedSensitivitySpec,
    ): Promise<{ readonly result: SensitivityResult; readonly seconds: number } | undefined> => {
      job.current?.cancel();
      const workers = workerCount(navigator.hardwareConcurrency);
      let last = 0;
      let done = 0;
      setState({ status: 'running', done: 0, total: spec.runs, workers });
      const began = performance.now();
      const current = runSensitivityInWorkers(document, spec, {
        workers,
        ...(createPort === undefined ? {} : { createPort }),
        onProgress: (received, total) => {
          done = received;
          const now = performance.now();
          if (now - last < PROGRESS_MS && received < total) return;
          last = now;
          setState({ status: 'running', done: received, total, workers });
        },
      });
      job.current = current;
      const outcome = await current.outcome;
      if (job.current !== current) return undefined;
      job.current = undefined;
      if (outcome.ok) {
        setState({ status: 'idle' });
        return { result: outcome.result, seconds: (performance.now() - began) / 1000 };
      }
      setState(
        'cancelled' in outcome
          ? { status: 'cancelled', done, total: spec.runs }
          : { status: 'failed', errors: outcome.errors },
      );
      return undefined;
    },
    [createPort],
  );
  const cancel = useCallback(() => job.current?.cancel(), []);
  const fail = useCallback((errors: readonly string[]) => setState({ status: 'failed', errors }), []);
  return { state, start, cancel, fail };
}
