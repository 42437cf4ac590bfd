import { useCallback, useEffect, useState } from 'react';
import type { Project, ProjectId } from '../../../electron/api/contract';
import { call } from '../api';

const CURRENT_PROJECT_KEY = 'empathy-workbench.current-project';

export type ProjectsState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly projects: readonly Project[] };

/** The project list and the open project, kept in step with the workspace through the API. */
export function useProjects() {
  const [state, setState] = useState<ProjectsState>({ status: 'loading' });
  const [currentId, setCurrentId] = useState<string | null>(() => localStorage.getItem(CURRENT_PROJECT_KEY));

  const reload = useCallback(async () => {
    try {
      const projects = await call('projects.list', {});
      setState({ status: 'ready', projects });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    // Loading on mount is the point of this effect: the list lives in the workspace, not in React.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  const open = useCallback((id: ProjectId | null) => {
    if (id === null) localStorage.removeItem(CURRENT_PROJECT_KEY);
    else localStorage.setItem(CURRENT_PROJECT_KEY, id);
    setCurrentId(id);
  }, []);

  const create = useCallback(
    async (name: string, description: string) => {
      const project = await call('projects.create', description === '' ? { name } : { name, description });
      await reload();
      return project;
    },
    [reload],
  );

  const rename = useCallback(
    async (id: ProjectId, name: string) => {
      const project = await call('projects.rename', { id, name });
      await reload();
      return project;
    },
    [reload],
  );

  const remove = useCallback(
    async (id: ProjectId) => {
      await call('projects.delete', { id });
      if (currentId === id) open(null);
      await reload();
    },
    [currentId, open, reload],
  );

  const projects = state.status === 'ready' ? state.projects : [];
  const current = projects.find((project) => project.id === currentId) ?? null;
  return { state, current, open, create, rename, remove, reload };
}

export type ProjectsModel = ReturnType<typeof useProjects>;
