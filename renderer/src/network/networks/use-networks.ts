import { useCallback, useEffect, useState } from 'react';
import type { NetworkSummary, ProjectId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { errorText } from '../../conjoint/format';

export type NetworkListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly networks: readonly NetworkSummary[] };

/** The project's networks as saved; `reload` after anything that changes them. */
export function useNetworks(projectId: ProjectId) {
  const [state, setState] = useState<NetworkListState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', networks: await call('network.list', { projectId }) });
    } catch (error) {
      setState({ status: 'failed', message: errorText(error) });
    }
  }, [projectId]);
  useEffect(() => {
    // The list lives in the workspace; loading it when the project changes is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);
  return { state, reload };
}
