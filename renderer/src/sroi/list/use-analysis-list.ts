import { useCallback, useMemo } from 'react';
import type { ProjectId, SroiAnalysisRecord, SroiAnalysisSummary } from '../../../../electron/api/contract';
import { call } from '../../api';
import { useWorkspaceList } from '../../components/use-workspace-list';

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
  const list = useWorkspaceList(useCallback(() => call('sroi.list', { projectId }), [projectId]));
  const { reload, after } = list;
  const state = useMemo<AnalysisListState>(
    () => (list.state.status === 'ready' ? { status: 'ready', analyses: list.state.items } : list.state),
    [list.state],
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
