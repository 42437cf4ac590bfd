import { useCallback, useEffect, useState } from 'react';
import type { LinkableFigure, ProjectId } from '../../../../electron/api/contract';
import { call } from '../../api';

/**
 * The figures the project's instruments offer now. Asked when the view opens (so coming back from the Network
 * view after an import picks up the new figures) and on request.
 */
export function useFigures(projectId: ProjectId) {
  const [figures, setFigures] = useState<readonly LinkableFigure[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    try {
      setFigures(await call('links.figures', { projectId }));
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, [projectId]);

  useEffect(() => {
    // The figures live in other instruments' documents; asking for them when the view opens is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  return { figures, problem, refresh };
}
