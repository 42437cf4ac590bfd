import { useCallback, useMemo } from 'react';
import type { ModelId, Overrides, Scenario, ScenarioId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { useWorkspaceList } from '../../components/use-workspace-list';

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
  const list = useWorkspaceList(useCallback(() => call('scenarios.list', { modelId }), [modelId]));
  const { reload, after } = list;
  const state = useMemo<ScenarioListState>(
    () => (list.state.status === 'ready' ? { status: 'ready', scenarios: list.state.items } : list.state),
    [list.state],
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
