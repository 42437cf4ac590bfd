import { useCallback, useEffect, useRef, useState } from 'react';
import { desktop } from '../api';
import { Dialog } from '../components/Dialog';
import { ConjointView } from '../conjoint/ConjointView';
import { DynamicsView, selectedModelKey } from '../dynamics/DynamicsView';
import { MeasureView } from '../measure/MeasureView';
import { NetworkView } from '../network/NetworkView';
import { PresentView } from '../present/PresentView';
import { SroiView } from '../sroi/SroiView';
import { InstrumentView } from '../views/InstrumentView';
import { ProjectsView } from '../views/ProjectsView';
import { installBusyGuards, type CloseBridge } from './busy';
import { SECTIONS, type SectionId } from './sections';
import { useHashRoute } from './use-hash-route';
import { useOpenedModels, type OpenedModel, type OpenedModelsBridge } from './use-opened-models';
import { useProjects } from './use-projects';

/** The preload's lifecycle functions (electron/preload.ts): closing without losing work, files the OS opens. */
const lifecycle = desktop as (CloseBridge & OpenedModelsBridge) | undefined;

/**
 * Every key the workbench answers, grouped by where it works (each view handles its own: the diagram in
 * DiagramCanvas, undo in ModelWorkbench and SroiWorkbench, search in the network's GraphTab, charts through
 * chart-scales' hoverKeys, the presentation in Presentation). Ctrl is Cmd on macOS.
 */
const SHORTCUTS: readonly {
  readonly where: string;
  readonly keys: readonly (readonly [string, string])[];
}[] = [
  {
    where: 'Everywhere',
    keys: [
      ['Alt+1 … Alt+7', 'Go to Projects, Dynamics, Network, Conjoint, SROI, Measure, Present'],
      ['Alt+N', 'New project'],
      ['?', 'Show these shortcuts'],
      ['Esc', 'Close a dialog'],
    ],
  },
  {
    where: 'Editing a model or an SROI analysis',
    keys: [
      ['Ctrl+Z', 'Undo'],
      ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
    ],
  },
  {
    where: 'Model diagram',
    keys: [
      ['Tab, then Enter', 'Choose a variable'],
      ['Arrow keys', 'Move the chosen variable (with Shift: five times as far)'],
      ['Delete', 'Delete the chosen variable (asks first)'],
    ],
  },
  {
    where: 'Charts (once focused)',
    keys: [['← → Home End', 'Read the values time by time']],
  },
  {
    where: 'Network graph',
    keys: [['/', 'Find a person (when participants agreed to individual views)']],
  },
  {
    where: 'Presenting a story',
    keys: [
      ['→ ↓ Space PageDown', 'Next page'],
      ['← ↑ PageUp', 'Previous page'],
      ['Home, End', 'First, last page'],
      ['R', 'Reset the page to its starting scenario'],
      ['Esc', 'Leave the presentation'],
    ],
  },
];

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function App() {
  const [section, navigate] = useHashRoute();
  const projects = useProjects();
  const [creating, setCreating] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  /** Counts models opened from the OS: the Dynamics view is rebuilt to show the new one. */
  const [openedCount, setOpenedCount] = useState(0);

  useEffect(() => installBusyGuards(lifecycle, window), []);
  const showOpened = useCallback(
    ({ projectId, modelId }: OpenedModel) => {
      localStorage.setItem(selectedModelKey(projectId), modelId);
      setOpenedCount((count) => count + 1);
      navigate('dynamics');
    },
    [navigate],
  );
  useOpenedModels(lifecycle, projects, showOpened);

  const go = (next: SectionId) => {
    navigate(next);
    mainRef.current?.focus();
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        const index = Number(event.code.replace('Digit', '')) - 1;
        const target = SECTIONS[index];
        if (event.code.startsWith('Digit') && target !== undefined) {
          event.preventDefault();
          navigate(target.id);
        } else if (event.code === 'KeyN') {
          event.preventDefault();
          navigate('projects');
          setCreating(true);
        }
      } else if (event.key === '?' && !isTyping(event.target)) {
        setShowShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  useEffect(
    () =>
      desktop?.onMenuCommand?.((command) => {
        if (command === 'new-project') {
          navigate('projects');
          setCreating(true);
        }
      }),
    [navigate],
  );

  const current = SECTIONS.find((candidate) => candidate.id === section) ?? SECTIONS[0];

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Workbench">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>
          <span>Empathy Workbench</span>
        </div>
        <p className="current-project" aria-live="polite">
          {projects.current !== null ? (
            <>
              <span className="muted small">Open project</span>
              <br />
              <strong>{projects.current.name}</strong>
            </>
          ) : (
            <span className="muted small">No project open</span>
          )}
        </p>
        <ul>
          {SECTIONS.map((candidate, index) => (
            <li key={candidate.id}>
              <a
                href={`#/${candidate.id}`}
                aria-current={candidate.id === section ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                onClick={(event) => {
                  event.preventDefault();
                  go(candidate.id);
                }}
              >
                {candidate.label}
              </a>
            </li>
          ))}
        </ul>
        <button type="button" className="link shortcuts-button" onClick={() => setShowShortcuts(true)}>
          Keyboard shortcuts
        </button>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {current.id === 'projects' ? (
          <ProjectsView
            model={projects}
            creating={creating}
            onCreatingChange={setCreating}
            onOpened={() => go('dynamics')}
          />
        ) : current.id === 'dynamics' && projects.current !== null ? (
          <DynamicsView key={`${projects.current.id}:${openedCount}`} project={projects.current} />
        ) : current.id === 'network' && projects.current !== null ? (
          <NetworkView
            key={projects.current.id}
            project={projects.current}
            onChooseProject={() => go('projects')}
          />
        ) : current.id === 'conjoint' && projects.current !== null ? (
          <ConjointView
            key={projects.current.id}
            project={projects.current}
            onChooseProject={() => go('projects')}
          />
        ) : current.id === 'sroi' && projects.current !== null ? (
          <SroiView
            key={projects.current.id}
            project={projects.current}
            onChooseProject={() => go('projects')}
          />
        ) : current.id === 'measure' && projects.current !== null ? (
          <MeasureView key={projects.current.id} project={projects.current} />
        ) : current.id === 'present' && projects.current !== null ? (
          <PresentView key={projects.current.id} project={projects.current} />
        ) : (
          <InstrumentView
            section={current}
            project={projects.current}
            onChooseProject={() => go('projects')}
          />
        )}
      </main>
      <Dialog title="Keyboard shortcuts" open={showShortcuts} onClose={() => setShowShortcuts(false)}>
        {SHORTCUTS.map(({ where, keys: group }) => (
          <section key={where} aria-label={where}>
            <h3 className="shortcuts-where">{where}</h3>
            <dl className="shortcuts">
              {group.map(([keys, action]) => (
                <div key={keys}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => setShowShortcuts(false)}>
            Close
          </button>
        </div>
      </Dialog>
    </div>
  );
}
