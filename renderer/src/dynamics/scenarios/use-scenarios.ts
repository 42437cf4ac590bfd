import { useCallback, useEffect, useState } from 'react';
import type { ModelId, Overrides, Scenario, ScenarioId } from '../../../../electron/api/contract';
import { call } from '../../api';

export type ScenarioListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly scenarios: readonly Scenario[] };

/**
 * The model's saved scenarios in the workspace, and the operations on them. Every operation reloads the list
 * from the store, so what is shown is what is saved; an operation's error is thrown with the backend's message
 * (a clashing name, a name too long) for the dialog that asked to show.
 */
export function useScenarios(modelId: ModelId) {
  const [state, setState] = useState<ScenarioListState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', scenarios: await call('scenarios.list', { modelId }) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [modelId]);

  useEffect(() => {
    // The list lives in the workspace; loading it when the model changes is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  const after = useCallback(
    async <T>(operation: Promise<T>): Promise<T> => {
      const value = await operation;
      await reload();
      return value;
    },
    [reload],
  );

  return {
    state,
    reload,
    create: useCallback(
      (name: string, overrides: Overrides) => after(call('scenarios.create', { modelId, name, overrides })),
      [after, modelId],
    ),
    updateOverrides: useCallback(
      (id: ScenarioId, overrides: Overrides) => after(call('scenarios.update', { id, overrides })),
      [after],
    ),
    rename: useCallback(
      (id: ScenarioId, name: string) => after(call('scenarios.update', { id, name })),
      [after],
    ),
    /** A copy; the store names it "<name> (copy)" (made free if taken) unless a name is given. */
    duplicate: useCallback(
      (id: ScenarioId, name?: string) =>
        after(call('scenarios.duplicate', name === undefined ? { id } : { id, name })),
      [after],
    ),
    remove: useCallback((id: ScenarioId) => after(call('scenarios.delete', { id })), [after]),
  };
}

export type ScenarioStore = ReturnType<typeof useScenarios>;
