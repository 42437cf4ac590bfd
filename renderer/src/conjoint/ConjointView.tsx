import { useId, useState } from 'react';
import { TabList, tabId, tabPanelId } from '../components/TabList';
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
  return (
    <section className="view wide conjoint" aria-labelledby="instrument-title">
      <header className="view-header">
        <div>
          <h1 id="instrument-title">{section.label}</h1>
          <p className="muted small">Project: {project.name}</p>
        </div>
        <TabList
          base={base}
          label="Conjoint pages"
          className="tablist page-tabs"
          tabs={PAGES}
          active={page}
          onSelect={setPage}
        />
      </header>
      <div id={tabPanelId(base)} role="tabpanel" aria-labelledby={tabId(base, page)}>
        {page === 'studies' ? (
          <StudiesPane project={project} onChooseProject={onChooseProject} />
        ) : (
          <RegressionPage />
        )}
      </div>
    </section>
  );
}
