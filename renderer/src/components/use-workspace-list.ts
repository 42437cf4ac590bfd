import { useCallback, useEffect, useState } from 'react';

export type WorkspaceListState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly items: readonly T[] };

/**
 * A list kept in the workspace (a project's models, a model's scenarios, studies, analyses, networks), loaded
 * when `load` changes (memoize it on its ids with useCallback), and `after`, which runs an operation on the list
 * and reloads it: what is shown is what is saved. An operation's error is thrown with the backend's message, for
 * the dialog or banner that asked to show; a failed load is the state's message.
 */
export function useWorkspaceList<T>(load: () => Promise<readonly T[]>) {
  const [state, setState] = useState<WorkspaceListState<T>>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', items: await load() });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [load]);

  useEffect(() => {
    // The list lives in the workspace; loading it when its owner changes is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  const after = useCallback(
    async <R>(operation: Promise<R>): Promise<R> => {
      const value = await operation;
      await reload();
      return value;
    },
    [reload],
  );

  return { state, reload, after };
}
