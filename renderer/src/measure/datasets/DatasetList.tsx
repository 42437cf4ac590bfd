import { useState } from 'react';
import type { MeasureDatasetId, MeasureDatasetSummary } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { ProblemBanner } from '../../components/ProblemBanner';
import { errorText } from '../../conjoint/format';
import { NameDialog } from '../../components/NameForm';
import { DATASET_KINDS, KIND_WORDS } from '../import/dataset-kind';

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'rename'; readonly dataset: MeasureDatasetSummary }
  | { readonly kind: 'delete'; readonly dataset: MeasureDatasetSummary };

const rowsText = (count: number) => `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`;

/**
 * The project's data sets grouped by kind (surveys, KPI series, ...), each with its row count, the file it came
 * from and whether its ids are pseudonyms; rename, delete (confirmed: the deletion reaches the older backups at
 * the next backup), and, with none yet, what each kind of file looks like and the way to import one.
 */
export function DatasetList({
  datasets,
  selectedId,
  onSelect,
  onImport,
  onRename,
  onDelete,
}: {
  readonly datasets: readonly MeasureDatasetSummary[];
  readonly selectedId: MeasureDatasetId | null;
  readonly onSelect: (id: MeasureDatasetId) => void;
  readonly onImport: () => void;
  /** Throws the backend's message (a clashing name) for the dialog to show. */
  readonly onRename: (id: MeasureDatasetId, name: string) => Promise<unknown>;
  readonly onDelete: (id: MeasureDatasetId) => Promise<void>;
}) {
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [problem, setProblem] = useState<string | undefined>();
  const close = () => setEditing({ kind: 'none' });

  if (datasets.length === 0)
    return (
      <div className="empty-state measure-empty">
        <h2>No data set in this project yet</h2>
        <p>Import a CSV file (one header row, then one row per record) of one of these kinds:</p>
        <dl className="measure-kinds">
          {DATASET_KINDS.map((kind) => (
            <div key={kind}>
              <dt>{KIND_WORDS[kind].label}</dt>
              <dd>{KIND_WORDS[kind].columns}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="primary" onClick={onImport}>
          Import a file…
        </button>
      </div>
    );

  return (
    <div className="measure-datasets">
      <ProblemBanner problem={problem} onDismiss={() => setProblem(undefined)} />
      {DATASET_KINDS.map((kind) => {
        const ofKind = datasets.filter((dataset) => dataset.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} className="measure-kind" aria-label={KIND_WORDS[kind].plural}>
            <h2>{KIND_WORDS[kind].plural}</h2>
            <ul className="project-list">
              {ofKind.map((dataset) => (
                <li
                  key={dataset.id}
                  className={dataset.id === selectedId ? 'project selected' : 'project'}
                  data-dataset={dataset.name}
                >
                  <div className="project-text">
                    <strong className="project-name">
                      {dataset.name}
                      {dataset.privacy.pseudonymized ? (
                        <span className="measure-badge" title="Ids replaced by pseudonyms at import">
                          pseudonyms
                        </span>
                      ) : null}
                    </strong>
                    <p className="muted small">
                      {rowsText(dataset.rowCount)} · {dataset.columns.length} columns · from{' '}
                      {dataset.fileName}
                    </p>
                  </div>
                  <div className="project-actions">
                    {/* Plain, not primary: five blue buttons down the list would all shout at once. */}
                    <button
                      type="button"
                      aria-pressed={dataset.id === selectedId}
                      aria-label={`Show ${dataset.name}`}
                      onClick={() => onSelect(dataset.id)}
                    >
                      Show
                    </button>
                    <button
                      type="button"
                      aria-label={`Rename ${dataset.name}`}
                      onClick={() => setEditing({ kind: 'rename', dataset })}
                    >
                      Rename…
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Delete ${dataset.name}`}
                      onClick={() => setEditing({ kind: 'delete', dataset })}
                    >
                      Delete…
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      <NameDialog
        title="Rename data set"
        open={editing.kind === 'rename'}
        initialName={editing.kind === 'rename' ? editing.dataset.name : ''}
        submitLabel="Rename"
        needsName="A data set needs a name."
        onClose={close}
        onSubmit={async (name) => {
          if (editing.kind === 'rename') await onRename(editing.dataset.id, name);
        }}
      />
      <Dialog title="Delete data set?" open={editing.kind === 'delete'} onClose={close}>
        <p>
          “{editing.kind === 'delete' ? editing.dataset.name : ''}” will be deleted with its rows, its
          settings and its pseudonym key, if one was kept. The deletion also reaches the workspace’s older
          backups at the next backup.
        </p>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (editing.kind !== 'delete') return;
              const { id } = editing.dataset;
              close();
              setProblem(undefined);
              onDelete(id).catch((error: unknown) =>
                setProblem(`The data set could not be deleted: ${errorText(error)}`),
              );
            }}
          >
            Delete data set
          </button>
        </div>
      </Dialog>
    </div>
  );
}
