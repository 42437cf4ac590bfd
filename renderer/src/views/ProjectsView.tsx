import { useState } from 'react';
import type { Project } from '../../../electron/api/contract';
import type { ProjectsModel } from '../app/use-projects';
import { Dialog } from '../components/Dialog';
import { ProjectForm } from './ProjectForm';
import { useProjectShare } from './use-project-share';

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'create' }
  | { readonly kind: 'rename'; readonly project: Project }
  | { readonly kind: 'delete'; readonly project: Project };

interface ProjectsViewProps {
  readonly model: ProjectsModel;
  readonly creating: boolean;
  readonly onCreatingChange: (creating: boolean) => void;
  readonly onOpened: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ProjectsView({ model, creating, onCreatingChange, onOpened }: ProjectsViewProps) {
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const active: Editing = creating ? { kind: 'create' } : editing;
  const close = () => {
    onCreatingChange(false);
    setEditing({ kind: 'none' });
    setDeleteError(null);
  };
  const { state } = model;
  const share = useProjectShare(model);

  return (
    <section className="view" aria-labelledby="projects-title">
      <header className="view-header">
        <h1 id="projects-title">Projects</h1>
        <div className="view-actions">
          {state.status === 'ready' ? share.importButton : null}
          {state.status === 'ready' && state.projects.length > 0 ? (
            <button
              type="button"
              className="primary"
              onClick={() => onCreatingChange(true)}
              aria-keyshortcuts="Alt+N"
            >
              New project
            </button>
          ) : null}
        </div>
      </header>

      {share.feedback}

      {state.status === 'loading' ? <p className="muted">Loading projects…</p> : null}

      {state.status === 'failed' ? (
        <div className="banner error" role="alert">
          <p>The projects could not be loaded: {state.message}</p>
          <button type="button" onClick={() => void model.reload()}>
            Try again
          </button>
        </div>
      ) : null}

      {state.status === 'ready' && state.projects.length === 0 ? (
        <div className="empty-state">
          <h2>Start with a project</h2>
          <p>
            A project holds one engagement's models, scenarios, networks, conjoint studies and SROI analyses,
            saved in your local workspace. Create one to begin, for example &ldquo;Customer care 2027&rdquo;,
            or import a project file a colleague exported with Import project&hellip;
          </p>
          <button type="button" className="primary" onClick={() => onCreatingChange(true)}>
            Create your first project
          </button>
        </div>
      ) : null}

      {state.status === 'ready' && state.projects.length > 0 ? (
        <ul className="project-list" aria-label="Projects">
          {state.projects.map((project) => {
            const isCurrent = model.current?.id === project.id;
            return (
              <li
                key={project.id}
                className={isCurrent ? 'project current' : 'project'}
                aria-current={isCurrent ? 'true' : undefined}
              >
                <div className="project-text">
                  <h2 className="project-name">{project.name}</h2>
                  {project.description !== '' ? (
                    <p className="project-description">{project.description}</p>
                  ) : null}
                  <p className="muted small">Changed {dateFormat.format(new Date(project.updatedAt))}</p>
                </div>
                <div className="project-actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() => {
                      model.open(project.id);
                      onOpened();
                    }}
                    aria-label={`Open ${project.name}`}
                  >
                    {isCurrent ? 'Open (current)' : 'Open'}
                  </button>
                  <button
                    type="button"
                    onClick={() => setEditing({ kind: 'rename', project })}
                    aria-label={`Rename ${project.name}`}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    onClick={() => share.exportProject(project)}
                    aria-label={`Export ${project.name}`}
                  >
                    Export…
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setEditing({ kind: 'delete', project })}
                    aria-label={`Delete ${project.name}`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}

      <Dialog title="New project" open={active.kind === 'create'} onClose={close}>
        <ProjectForm
          withDescription
          submitLabel="Create project"
          onCancel={close}
          onSubmit={async (name, description) => {
            const project = await model.create(name, description);
            model.open(project.id);
            close();
          }}
        />
      </Dialog>

      <Dialog title="Rename project" open={active.kind === 'rename'} onClose={close}>
        {active.kind === 'rename' ? (
          <ProjectForm
            initialName={active.project.name}
            withDescription={false}
            submitLabel="Rename"
            onCancel={close}
            onSubmit={async (name) => {
              await model.rename(active.project.id, name);
              close();
            }}
          />
        ) : null}
      </Dialog>

      <Dialog
        title="Delete project?"
        open={active.kind === 'delete'}
        onClose={close}
        describedBy="delete-warning"
      >
        {active.kind === 'delete' ? (
          <>
            <p id="delete-warning">
              &ldquo;{active.project.name}&rdquo; and everything in it (models, scenarios, runs, networks,
              studies, analyses) will be deleted from the workspace. Earlier backups keep a copy until they
              rotate out.
            </p>
            {deleteError !== null ? (
              <p className="form-error" role="alert">
                {deleteError}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="button" autoFocus onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  model.remove(active.project.id).then(close, (error: unknown) => {
                    setDeleteError(error instanceof Error ? error.message : String(error));
                  });
                }}
              >
                Delete project
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </section>
  );
}
