import { useCallback, useMemo } from 'react';
import type { NetworkSummary, ProjectId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { useWorkspaceList } from '../../components/use-workspace-list';

export type NetworkListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly networks: readonly NetworkSummary[] };

/** The project's networks as saved; `reload` after anything that changes them. */
export function useNetworks(projectId: ProjectId) {
  const list = useWorkspaceList(useCallback(() => call('network.list', { projectId }), [projectId]));
  const state = useMemo<NetworkListState>(
    () => (list.state.status === 'ready' ? { status: 'ready', networks: list.state.items } : list.state),
    [list.state],
  );
  return { state, reload: list.reload };
}
