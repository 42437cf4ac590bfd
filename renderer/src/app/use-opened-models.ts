import { useEffect } from 'react';
import type { ProjectId } from '../../../electron/api/contract';
import type { ProjectsModel } from './use-projects';

/** What the main process reports once it has imported a file the OS opened (electron/main/open-files.ts). */
export interface OpenedModel {
  readonly projectId: string;
  readonly modelId: string;
}

/** The part of Electron's preload bridge this hook uses (electron/preload.ts). */
export interface OpenedModelsBridge {
  onOpenModel?(listener: (opened: OpenedModel) => void): () => void;
  reportProject?(projectId: string | null): void;
}

/**
 * Desktop only: tells the main process which project is open (where a model opened from the file manager goes;
 * opened files wait until this first report, so it is sent once the project list has loaded), and shows each
 * opened model: its project opened, the model chosen, the Dynamics view in front.
 */
export function useOpenedModels(
  bridge: OpenedModelsBridge | undefined,
  projects: ProjectsModel,
  show: (opened: OpenedModel) => void,
): void {
  const { reload, open } = projects;
  useEffect(
    () =>
      bridge?.onOpenModel?.((opened) => {
        void reload().then(() => {
          open(opened.projectId as ProjectId);
          show(opened);
        });
      }),
    [bridge, reload, open, show],
  );

  const loaded = projects.state.status === 'ready';
  const currentId = projects.current?.id ?? null;
  useEffect(() => {
    if (loaded) bridge?.reportProject?.(currentId);
  }, [bridge, loaded, currentId]);
}
