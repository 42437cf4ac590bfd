import { useCallback, useEffect, useState } from 'react';
import type {
  ConjointStudyId,
  ConjointStudyRecord,
  ConjointStudySummary,
  ProjectId,
} from '../../../../electron/api/contract';
import { call } from '../../api';
import { errorText } from '../format';

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
  const [state, setState] = useState<StudyListState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', studies: await call('conjoint.list', { projectId }) });
    } catch (error) {
      setState({ status: 'failed', message: errorText(error) });
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
