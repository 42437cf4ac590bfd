import { useEffect, useState } from 'react';
import type { ModelSummary } from '../../../../electron/api/contract';
import type { LinkableModel, LinkedRunSource } from './linked-runs';

export type Loading<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly message: string };

/** The project's models, for the link form's first choice. */
export function useModelChoices(source: LinkedRunSource): Loading<readonly ModelSummary[]> {
  const [state, setState] = useState<{
    readonly for: LinkedRunSource;
    readonly value: Loading<readonly ModelSummary[]>;
  }>();
  useEffect(() => {
    let cancelled = false;
    void source.listModels().then((found) => {
      if (!cancelled)
        setState({
          for: source,
          value: found.ok
            ? { status: 'ready', value: found.value }
            : { status: 'failed', message: found.message },
        });
    });
    return () => {
      cancelled = true;
    };
  }, [source]);
  return state?.for === source ? state.value : { status: 'loading' };
}

/** One model, compiled in its worker: its scenarios and variables for the form's other choices. */
export function useLinkableModel(source: LinkedRunSource, model: string | undefined): Loading<LinkableModel> {
  const [state, setState] = useState<{ readonly for: string; readonly value: Loading<LinkableModel> }>();
  const key = model ?? '';
  useEffect(() => {
    if (key === '') return;
    let cancelled = false;
    void source.model(key).then((found) => {
      if (!cancelled)
        setState({
          for: key,
          value: found.ok
            ? { status: 'ready', value: found.value }
            : { status: 'failed', message: found.message },
        });
    });
    return () => {
      cancelled = true;
    };
  }, [source, key]);
  if (key === '') return { status: 'failed', message: 'Choose a model.' };
  return state?.for === key ? state.value : { status: 'loading' };
}
