/**
 * The sensitivity runs saved for this model, newest first: open one to see its charts again, or delete it
 * (after a confirmation naming it). A row the store could not read is listed with its problem and can only be
 * deleted.
 */
import type { SensitivityRunSummary } from '../../../../electron/api/contract';

export interface SavedRunsProps {
  readonly runs: readonly SensitivityRunSummary[] | undefined;
  readonly openId: string | undefined;
  readonly onOpen: (id: SensitivityRunSummary['id']) => void;
  readonly onDelete: (run: SensitivityRunSummary) => void;
}

export function SavedRuns({ runs, openId, onOpen, onDelete }: SavedRunsProps) {
  if (runs === undefined) return null;
  return (
    <section className="saved-analyses" aria-label="Saved sensitivity runs">
      <h3 className="small">Saved runs</h3>
      {runs.length === 0 ? (
        <p className="muted small">None yet: run one and save it to keep it with the model.</p>
      ) : (
        <ul>
          {runs.map((run) => (
            <li key={run.id} className={run.id === openId ? 'open' : undefined}>
              <button
                type="button"
                className="link-button"
                disabled={run.problem !== undefined}
                aria-current={run.id === openId ? 'true' : undefined}
                onClick={() => onOpen(run.id)}
              >
                {run.name}
              </button>
              <span className="muted small">
                {run.problem ??
                  `${run.runs.toLocaleString('en-US')} runs, seed ${run.seed}, ${new Date(run.createdAt).toLocaleString()}`}
              </span>
              <button
                type="button"
                className="small"
                aria-label={`Delete ${run.name}`}
                onClick={() => onDelete(run)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
