import type { Project } from '../../../electron/api/contract';
import type { SECTIONS } from '../app/sections';

interface InstrumentViewProps {
  readonly section: (typeof SECTIONS)[number];
  readonly project: Project | null;
  readonly onChooseProject: () => void;
}

/** The frame of an instrument. Each instrument's own issue fills it; until then it says so plainly. */
export function InstrumentView({ section, project, onChooseProject }: InstrumentViewProps) {
  return (
    <section className="view" aria-labelledby="instrument-title">
      <header className="view-header">
        <h1 id="instrument-title">{section.label}</h1>
        {project !== null ? <p className="muted">Project: {project.name}</p> : null}
      </header>
      <p className="lead">{section.summary}</p>
      {project === null ? (
        <div className="empty-state">
          <h2>Open a project first</h2>
          <p>Everything you build here is saved in a project. Create one or open an existing one.</p>
          <button type="button" className="primary" onClick={onChooseProject}>
            Go to projects
          </button>
        </div>
      ) : (
        <div className="empty-state">
          <h2>Not built yet</h2>
          <p>
            This instrument is still being built. Your project is open and saved; its{' '}
            {section.label.toLowerCase()} work will appear here.
          </p>
        </div>
      )}
    </section>
  );
}
