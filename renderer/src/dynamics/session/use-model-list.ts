import { useCallback, useMemo } from 'react';
import type { ModelSummary, ProjectId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { useWorkspaceList } from '../../components/use-workspace-list';

export type ModelListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly models: readonly ModelSummary[] };

/** The project's models, and importing a file into it. */
export function useModelList(projectId: ProjectId) {
  const list = useWorkspaceList(useCallback(() => call('models.list', { projectId }), [projectId]));
  const { reload, after } = list;
  const state = useMemo<ModelListState>(
    () => (list.state.status === 'ready' ? { status: 'ready', models: list.state.items } : list.state),
    [list.state],
  );

  /** Imports an XMILE file; throws with the backend's message (naming the problem) if it cannot be read. */
  const importFile = useCallback(
    async (file: File) => {
      const xmile = await file.text();
      return after(call('models.import', { projectId, xmile, fileName: file.name }));
    },
    [projectId, after],
  );

  return { state, reload, importFile };
}
