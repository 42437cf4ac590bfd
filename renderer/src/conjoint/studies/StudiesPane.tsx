import { useState } from 'react';
import type { ConjointStudyId, ConjointStudyRecord, Project } from '../../../../electron/api/contract';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useChosenRecord } from '../../components/use-chosen-record';
import { StudyWorkbench } from '../StudyWorkbench';
import { errorText } from '../format';
import { StudyNameDialog } from './StudyNameDialog';
import { useStudies } from './use-studies';

const selectedKey = (projectId: string): string => `empathy-workbench.conjoint-study.${projectId}`;
const loadStudy = (id: ConjointStudyId) => call('conjoint.get', { id });

type Editing = 'none' | 'create' | 'rename' | 'delete';

/** The project's studies: pick one, create, rename or delete; the chosen one opens in the study workbench. */
export function StudiesPane({
  project,
  onChooseProject,
}: {
  readonly project: Project;
  readonly onChooseProject: () => void;
}) {
  const studies = useStudies(project.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>('none');

  const list = studies.state.status === 'ready' ? studies.state.studies : [];
  const { chosen, choose, record, setRecord } = useChosenRecord(
    selectedKey(project.id),
    list,
    loadStudy,
    setProblem,
  );

  /** A change saved by the workbench: show it, and refresh the list's summary line. */
  const changed = (next: ConjointStudyRecord) => {
    setRecord(next);
    void studies.reload();
  };

  return (
    <div className="studies">
      <div className="toolbar" role="toolbar" aria-label="Studies">
        {list.length > 0 ? (
          <label className="inline-field">
            <span>Study</span>
            <select
              value={chosen?.id ?? ''}
              onChange={(event) => choose(event.target.value as ConjointStudyId)}
            >
              {list.map((study) => (
                <option key={study.id} value={study.id}>
                  {study.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          type="button"
          className={list.length === 0 ? undefined : 'primary'}
          onClick={() => setEditing('create')}
        >
          New study…
        </button>
        {chosen !== undefined ? (
          <>
            <button type="button" onClick={() => setEditing('rename')}>
              Rename…
            </button>
            <button type="button" className="danger" onClick={() => setEditing('delete')}>
              Delete…
            </button>
          </>
        ) : null}
      </div>

      <ProblemBanner problem={problem} onDismiss={() => setProblem(null)} />
      {studies.state.status === 'loading' ? <p className="muted">Loading studies…</p> : null}
      {studies.state.status === 'failed' ? (
        <div className="banner error" role="alert">
          <p>The studies could not be loaded: {studies.state.message}</p>
        </div>
      ) : null}

      {studies.state.status === 'ready' && list.length === 0 ? (
        <div className="empty-state">
          <h2>No conjoint study in this project yet</h2>
          <p>
            A study asks customers to rate or choose between service offers that differ in a few attributes
            (reply time, a human or a bot, feeling understood, the price) and tells what each is worth to
            them, in money too. Start one here: you define the attributes, generate a design, import the
            answers and estimate.
          </p>
          <button type="button" className="primary" onClick={() => setEditing('create')}>
            Create a study
          </button>
          <p className="small">
            To see a finished example first, open the sample study: it is in the sample project (“Sample:
            empathy in a small service business”), with its design and 200 respondents’ choices.
          </p>
          <button type="button" className="link" onClick={onChooseProject}>
            Go to projects
          </button>
        </div>
      ) : null}

      {record !== undefined && record.id === chosen?.id ? (
        <StudyWorkbench key={record.id} record={record} onChange={changed} />
      ) : null}

      <StudyNameDialog
        title="New study"
        open={editing === 'create'}
        initialName="Empathetic service"
        submitLabel="Create study"
        onClose={() => setEditing('none')}
        onSubmit={async (name) => {
          const created = await studies.create(name);
          choose(created.id);
        }}
      />
      <StudyNameDialog
        title="Rename study"
        open={editing === 'rename'}
        initialName={chosen?.name ?? ''}
        submitLabel="Rename"
        onClose={() => setEditing('none')}
        onSubmit={async (name) => {
          if (chosen === undefined) return;
          setRecord(await studies.rename(chosen.id, name));
        }}
      />
      <Dialog title="Delete study" open={editing === 'delete'} onClose={() => setEditing('none')}>
        <p>
          Delete “{chosen?.name}” with its design, responses and estimates? Scenarios linked to its
          willingness to pay keep their link but get no value. The workspace backups keep a copy.
        </p>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => setEditing('none')}>
            Keep it
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (chosen === undefined) return;
              setEditing('none');
              studies.remove(chosen.id).then(
                () => setRecord(undefined),
                (error: unknown) => setProblem(errorText(error)),
              );
            }}
          >
            Delete study
          </button>
        </div>
      </Dialog>
    </div>
  );
}
