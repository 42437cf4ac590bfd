import { useEffect, useRef, useState } from 'react';
import type { Project, SroiAnalysisRecord, SroiAnalysisSummary } from '../../../electron/api/contract';
import { call } from '../api';
import { Dialog } from '../components/Dialog';
import { ProblemBanner } from '../components/ProblemBanner';
import { RenameAnalysisDialog } from './list/RenameAnalysisDialog';
import { useAnalysisList } from './list/use-analysis-list';
import { SroiWorkbench } from './SroiWorkbench';
import './sroi.css';

const openAnalysisKey = (projectId: string): string => `empathy-workbench.sroi.${projectId}`;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'rename'; readonly analysis: SroiAnalysisSummary }
  | { readonly kind: 'delete'; readonly analysis: SroiAnalysisSummary };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function describeSummary(summary: SroiAnalysisSummary): string {
  const parts = [`${summary.outcomeCount} outcome${summary.outcomeCount === 1 ? '' : 's'}`];
  if (summary.linkedOutcomeCount > 0) parts.push(`${summary.linkedOutcomeCount} linked to Dynamics`);
  if (summary.issueCount > 0)
    parts.push(`${summary.issueCount} problem${summary.issueCount === 1 ? '' : 's'} to fix`);
  return parts.join(' · ');
}

/**
 * The SROI instrument for one project (issue 8): the project's analyses, started blank, from the sample or from a
 * file, and the open analysis's workbench.
 */
export function SroiView({
  project,
  onChooseProject: _onChooseProject,
}: {
  readonly project: Project;
  readonly onChooseProject: () => void;
}) {
  const list = useAnalysisList(project.id);
  const [openId, setOpenId] = useState<string | null>(() =>
    localStorage.getItem(openAnalysisKey(project.id)),
  );
  const [record, setRecord] = useState<SroiAnalysisRecord | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const fileInput = useRef<HTMLInputElement>(null);

  const open = (id: string | null) => {
    if (id === null) localStorage.removeItem(openAnalysisKey(project.id));
    else localStorage.setItem(openAnalysisKey(project.id), id);
    setOpenId(id);
    if (id === null) {
      setRecord(undefined);
      void list.reload();
    }
  };

  useEffect(() => {
    if (openId === null) return;
    let cancelled = false;
    call('sroi.get', { id: openId as SroiAnalysisRecord['id'] }).then(
      (loaded) => {
        if (!cancelled) setRecord(loaded);
      },
      (error: unknown) => {
        if (cancelled) return;
        localStorage.removeItem(openAnalysisKey(project.id));
        setOpenId(null);
        setProblem(`The analysis could not be opened: ${message(error)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [openId, project.id]);

  const run = async (operation: () => Promise<SroiAnalysisRecord | undefined>) => {
    setProblem(null);
    try {
      const created = await operation();
      if (created !== undefined) open(created.id);
    } catch (error) {
      setProblem(message(error));
    }
  };

  const analyses = list.state.status === 'ready' ? list.state.analyses : [];
  const showing = openId !== null && record !== undefined && record.id === openId;

  const startButtons = (primary: 'sample' | 'blank') => (
    <>
      <button
        type="button"
        className={primary === 'sample' ? 'primary' : undefined}
        onClick={() => void run(() => list.create('sample'))}
      >
        Start from the sample
      </button>
      <button
        type="button"
        className={primary === 'blank' ? 'primary' : undefined}
        onClick={() => void run(() => list.create('blank'))}
      >
        New analysis
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import JSON…
      </button>
    </>
  );

  return (
    <section className="view wide sroi-view" aria-labelledby="instrument-title">
      <header className="view-header">
        <h1 id="instrument-title">SROI</h1>
        {!showing && analyses.length > 0 ? <div className="view-actions">{startButtons('blank')}</div> : null}
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="sroi-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file !== undefined) void run(() => list.importFile(file));
          }}
        />
      </header>

      <ProblemBanner problem={problem} onDismiss={() => setProblem(null)} />

      {showing ? (
        <SroiWorkbench
          key={record.id}
          record={record}
          onClose={() => open(null)}
          onRenamed={() => void list.reload()}
        />
      ) : openId !== null ? (
        <p className="muted">Opening the analysis…</p>
      ) : (
        <>
          <p className="lead">
            The social return of an initiative by the Social Value UK method (A Guide to Social Return on
            Investment, 2012): who changes and how, what it is worth, how much would have happened anyway, and
            what it comes to for every unit of money put in.
          </p>
          {list.state.status === 'loading' ? <p className="muted">Loading analyses…</p> : null}
          {list.state.status === 'failed' ? (
            <div className="banner error" role="alert">
              <p>The analyses could not be loaded: {list.state.message}</p>
              <button type="button" onClick={() => void list.reload()}>
                Try again
              </button>
            </div>
          ) : null}
          {list.state.status === 'ready' && analyses.length === 0 ? (
            <div className="empty-state">
              <h2>No SROI analysis in this project yet</h2>
              <p>
                Start from the sample (a year of empathy training for customer-service staff, its staff and
                customer retention linked to the empathy reference model), begin with an empty impact map, or
                open an analysis file exported from the workbench.
              </p>
              <div className="view-actions">{startButtons('sample')}</div>
            </div>
          ) : null}
          {analyses.length > 0 ? (
            <ul className="project-list sroi-list" aria-label="SROI analyses">
              {analyses.map((analysis) => (
                <li key={analysis.id} className="project" data-analysis={analysis.name}>
                  <div className="project-text">
                    <strong className="project-name">{analysis.name}</strong>
                    {analysis.description !== '' ? (
                      <p className="project-description sroi-list-description">{analysis.description}</p>
                    ) : null}
                    <p className="muted small">
                      {analysis.problem ?? describeSummary(analysis)} · changed{' '}
                      {dateFormat.format(new Date(analysis.updatedAt))}
                    </p>
                  </div>
                  <div className="project-actions">
                    <button
                      type="button"
                      className="primary"
                      disabled={analysis.problem !== undefined}
                      onClick={() => open(analysis.id)}
                      aria-label={`Open ${analysis.name}`}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing({ kind: 'rename', analysis })}
                      aria-label={`Rename ${analysis.name}`}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      disabled={analysis.problem !== undefined}
                      onClick={() => void run(async () => void (await list.duplicate(analysis.id)))}
                      aria-label={`Duplicate ${analysis.name}`}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setEditing({ kind: 'delete', analysis })}
                      aria-label={`Delete ${analysis.name}`}
                    >
                      Delete
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}

      <RenameAnalysisDialog
        open={editing.kind === 'rename'}
        name={editing.kind === 'rename' ? editing.analysis.name : ''}
        onClose={() => setEditing({ kind: 'none' })}
        onRename={(name) =>
          editing.kind === 'rename' ? list.rename(editing.analysis.id, name) : Promise.resolve()
        }
      />
      <Dialog
        title="Delete analysis?"
        open={editing.kind === 'delete'}
        onClose={() => setEditing({ kind: 'none' })}
      >
        <p>
          “{editing.kind === 'delete' ? editing.analysis.name : ''}” and its impact map will be deleted. It
          stays in the workspace backups until ten newer backups have been made.
        </p>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => setEditing({ kind: 'none' })}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (editing.kind !== 'delete') return;
              const { id } = editing.analysis;
              setEditing({ kind: 'none' });
              void run(async () => void (await list.remove(id)));
            }}
          >
            Delete analysis
          </button>
        </div>
      </Dialog>
    </section>
  );
}
