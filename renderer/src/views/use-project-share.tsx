/**
 * "Export project…" and "Import project…" on the project list (issue 9, point 3). Export asks the workspace for
 * the project file and saves it as the app saves every export (a download in the browser, Electron's save dialog
 * on the desktop). Import reads the chosen file, lets the workspace check it whole (projects.previewImport), and
 * when its name is taken asks what to do: import under the first free name, replace the project of that name (the
 * workspace is backed up first), or cancel. Nothing is written until the user has chosen.
 */
import { useRef, useState, type ReactNode } from 'react';
import type { Project, ProjectFilePreview } from '../../../electron/api/contract';
import { call } from '../api';
import type { ProjectsModel } from '../app/use-projects';
import { Dialog } from '../components/Dialog';
import { downloadText } from '../dynamics/download';
import './project-share.css';

type Notice =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'done'; readonly message: string };

interface Pending {
  readonly text: string;
  readonly fileName: string;
  readonly preview: ProjectFilePreview;
}

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** "1 model, 7 scenarios, 1 network, ..." of what the file holds (the kinds it has none of are left out). */
function summary({ counts }: ProjectFilePreview): string {
  const parts = [
    plural(counts.models, 'model'),
    plural(counts.scenarios, 'scenario'),
    plural(counts.networks, 'network'),
    plural(counts.conjointStudies, 'conjoint study', 'conjoint studies'),
    plural(counts.sroiAnalyses, 'SROI analysis', 'SROI analyses'),
    plural(counts.sensitivityRuns, 'sensitivity run'),
    plural(counts.calibrations, 'calibration'),
    plural(counts.stories, 'story', 'stories'),
    plural(counts.measureDatasets, 'measurement data set'),
  ].filter((part) => !part.startsWith('0 '));
  return parts.length === 0 ? 'no documents' : parts.join(', ');
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface ProjectShare {
  readonly importButton: ReactNode;
  readonly exportProject: (project: Project) => void;
  /** The result of the last export or import, and the conflict dialog. */
  readonly feedback: ReactNode;
}

export function useProjectShare(model: ProjectsModel): ProjectShare {
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const exportProject = (project: Project) => {
    setNotice({ kind: 'none' });
    call('projects.export', { id: project.id }).then(
      (file) => downloadText(file.fileName, 'application/json', file.text),
      (error: unknown) =>
        setNotice({ kind: 'error', message: `"${project.name}" could not be exported: ${messageOf(error)}` }),
    );
  };

  const finishImport = async (
    text: string,
    preview: ProjectFilePreview,
    onConflict?: 'rename' | 'replace',
  ) => {
    setBusy(true);
    // Replacing the open project: the imported one takes its place as the open project.
    const replacesCurrent =
      onConflict === 'replace' && model.current !== null && preview.conflicts.includes(model.current.name);
    try {
      const project = await call(
        'projects.import',
        onConflict === undefined ? { text } : { text, onConflict },
      );
      await model.reload();
      if (replacesCurrent) model.open(project.id);
      const replaced = onConflict === 'replace' ? ' (the project it replaced is in the latest backup)' : '';
      setNotice({
        kind: 'done',
        message: `Imported "${project.name}": ${summary(preview)}${replaced}.`,
      });
      setPending(null);
    } catch (error) {
      setPending(null);
      setNotice({ kind: 'error', message: `The project could not be imported: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return;
    setNotice({ kind: 'none' });
    try {
      const text = await file.text();
      const preview = await call('projects.previewImport', { text });
      if (preview.conflicts.length > 0) setPending({ text, fileName: file.name, preview });
      else await finishImport(text, preview);
    } catch (error) {
      setNotice({ kind: 'error', message: `${file.name} cannot be imported: ${messageOf(error)}` });
    }
  };

  const importButton = (
    <>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import project…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="project-file"
        onChange={(event) => {
          void onFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
    </>
  );

  const feedback = (
    <>
      {notice.kind !== 'none' ? (
        <div
          className={notice.kind === 'error' ? 'banner error' : 'banner project-share-done'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{notice.message}</p>
          <button type="button" onClick={() => setNotice({ kind: 'none' })}>
            Dismiss
          </button>
        </div>
      ) : null}
      <Dialog
        title="A project of that name exists"
        open={pending !== null}
        onClose={() => setPending(null)}
        describedBy="project-conflict-text"
      >
        {pending !== null ? (
          <>
            <p id="project-conflict-text">
              {pending.fileName} holds &ldquo;{pending.preview.name}&rdquo; ({summary(pending.preview)}), and
              the workspace already has a project named{' '}
              {pending.preview.conflicts.map((name) => `\u201c${name}\u201d`).join(', ')}. Replacing deletes
              that project and everything in it; a backup of the workspace is made first.
            </p>
            <div className="dialog-actions">
              <button type="button" autoFocus disabled={busy} onClick={() => setPending(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void finishImport(pending.text, pending.preview, 'replace')}
              >
                Replace
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void finishImport(pending.text, pending.preview, 'rename')}
              >
                Import as &lsquo;{pending.preview.renameTo}&rsquo;
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );

  return { importButton, exportProject, feedback };
}
