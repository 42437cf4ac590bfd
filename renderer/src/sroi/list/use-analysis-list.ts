import { useCallback, useEffect, useState } from 'react';
import type { ProjectId, SroiAnalysisRecord, SroiAnalysisSummary } from '../../../../electron/api/contract';
import { call } from '../../api';

export type AnalysisListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly analyses: readonly SroiAnalysisSummary[] };

/**
 * The project's SROI analyses in the workspace, and the operations on the list. Each operation reloads the list,
 * so what is shown is what is saved; an operation's error is thrown with the backend's message for the dialog or
 * banner that asked.
 */
export function useAnalysisList(projectId: ProjectId) {
  const [state, setState] = useState<AnalysisListState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', analyses: await call('sroi.list', { projectId }) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [projectId]);

  useEffect(() => {
    // The list lives in the workspace; loading it when the project changes is what this effect is for.
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
      (template: 'blank' | 'sample'): Promise<SroiAnalysisRecord> =>
        after(call('sroi.create', { projectId, template })),
      [after, projectId],
    ),
    /** Reads the file and imports it whole; throws the backend's message naming the problem. */
    importFile: useCallback(
      async (file: File): Promise<SroiAnalysisRecord> =>
        after(call('sroi.import', { projectId, json: await file.text(), fileName: file.name })),
      [after, projectId],
    ),
    rename: useCallback(
      (id: SroiAnalysisSummary['id'], name: string) => after(call('sroi.rename', { id, name })),
      [after],
    ),
    duplicate: useCallback((id: SroiAnalysisSummary['id']) => after(call('sroi.duplicate', { id })), [after]),
    remove: useCallback((id: SroiAnalysisSummary['id']) => after(call('sroi.delete', { id })), [after]),
  };
}

export type AnalysisList = ReturnType<typeof useAnalysisList>;
