import { useCallback, useMemo } from 'react';
import type {
  ConjointStudyId,
  ConjointStudyRecord,
  ConjointStudySummary,
  ProjectId,
} from '../../../../electron/api/contract';
import { call } from '../../api';
import { useWorkspaceList } from '../../components/use-workspace-list';

export type StudyListState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly studies: readonly ConjointStudySummary[] };

/**
 * The project's conjoint studies in the workspace and the operations on the list. Every operation reloads the
 * list, so what is shown is what is saved; an operation's error is thrown with the backend's message for the
 * dialog that asked to show.
 */
export function useStudies(projectId: ProjectId) {
  const list = useWorkspaceList(useCallback(() => call('conjoint.list', { projectId }), [projectId]));
  const { reload, after } = list;
  const state = useMemo<StudyListState>(
    () => (list.state.status === 'ready' ? { status: 'ready', studies: list.state.items } : list.state),
    [list.state],
  );

  return {
    state,
    reload,
    create: useCallback(
      (name: string): Promise<ConjointStudyRecord> => after(call('conjoint.create', { projectId, name })),
      [after, projectId],
    ),
    rename: useCallback(
      (id: ConjointStudyId, name: string) => after(call('conjoint.rename', { id, name })),
      [after],
    ),
    remove: useCallback((id: ConjointStudyId) => after(call('conjoint.delete', { id })), [after]),
  };
}
