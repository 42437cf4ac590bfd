import { useCallback, useEffect, useState } from 'react';
import type { ModelSummary, ProjectId } from '../../../../electron/api/contract';
import { call } from '../../api';

export type ModelListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly models: readonly ModelSummary[] };

/** The project's models, and importing a file into it. */
export function useModelList(projectId: ProjectId) {
  const [state, setState] = useState<ModelListState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', models: await call('models.list', { projectId }) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [projectId]);

  useEffect(() => {
    // The list lives in the workspace; loading it when the project changes is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  /** Imports an XMILE file; throws with the backend's message (naming the problem) if it cannot be read. */
  const importFile = useCallback(
    async (file: File) => {
      const xmile = await file.text();
      const model = await call('models.import', { projectId, xmile, fileName: file.name });
      await reload();
      return model;
    },
    [projectId, reload],
  );

  return { state, reload, importFile };
}
