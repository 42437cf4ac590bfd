import { useId, useState, type KeyboardEvent } from 'react';
import type { Project } from '../../../electron/api/contract';
import { SECTIONS } from '../app/sections';
import { RegressionPage } from '../regression/RegressionPage';
import { StudiesPane } from './studies/StudiesPane';
import './conjoint.css';

const section = SECTIONS.find((candidate) => candidate.id === 'conjoint') ?? SECTIONS[0];

const PAGES = [
  { id: 'studies', label: 'Studies' },
  { id: 'regression', label: 'Regression' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

const pageKey = 'empathy-workbench.conjoint.page';

/**
 * The Conjoint instrument for one project: its studies (design, responses, estimation, simulator), and the
 * regression page that tests a KPI against an empathy score, kept here because the app's navigation holds the
 * four instruments only. Tabs follow the WAI-ARIA tabs pattern (arrow keys move between them).
 */
export function ConjointView({
  project,
  onChooseProject,
}: {
  readonly project: Project;
  readonly onChooseProject: () => void;
}) {
  const [page, setPageState] = useState<PageId>(() =>
    localStorage.getItem(pageKey) === 'regression' ? 'regression' : 'studies',
  );
  const base = useId();
  const setPage = (next: PageId) => {
    localStorage.setItem(pageKey, next);
    setPageState(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = PAGES[(index + step + PAGES.length) % PAGES.length];
    if (next === undefined) return;
    setPage(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  };
  return (
    <section className="view wide conjoint" aria-labelledby="instrument-title">
      <header className="view-header">
        <div>
          <h1 id="instrument-title">{section.label}</h1>
          <p className="muted small">Project: {project.name}</p>
        </div>
        <div role="tablist" aria-label="Conjoint pages" className="tablist page-tabs">
          {PAGES.map((candidate, index) => (
            <button
              key={candidate.id}
              id={`${base}-tab-${candidate.id}`}
              type="button"
              role="tab"
              aria-selected={candidate.id === page}
              aria-controls={`${base}-panel`}
              tabIndex={candidate.id === page ? 0 : -1}
              className={candidate.id === page ? 'tab active' : 'tab'}
              onClick={() => setPage(candidate.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {candidate.label}
            </button>
          ))}
        </div>
      </header>
      <div id={`${base}-panel`} role="tabpanel" aria-labelledby={`${base}-tab-${page}`}>
        {page === 'studies' ? (
          <StudiesPane project={project} onChooseProject={onChooseProject} />
        ) : (
          <RegressionPage />
        )}
      </div>
    </section>
  );
}
