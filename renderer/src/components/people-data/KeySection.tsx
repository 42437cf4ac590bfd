import { useId, useMemo, useState, type ReactNode } from 'react';
import type { PseudonymEntry } from '../../../../model/privacy';
import { errorText } from '../../conjoint/format';
import { Dialog } from '../Dialog';

/** Rows drawn at most, as in the per-person table: search finds the rest. */
const ROWS_SHOWN = 200;

type KeyState =
  | { readonly status: 'hidden' }
  | { readonly status: 'loading' }
  | { readonly status: 'shown'; readonly entries: readonly PseudonymEntry[] }
  | { readonly status: 'failed'; readonly message: string };

/**
 * The pseudonym key of pseudonymized people data (a network, a survey): when kept, a searchable table of real id
 * and name against pseudonym (loaded only when asked, so real names stay off the screen until someone wants
 * them), and its deletion, confirmed, since later data can no longer be matched to the same pseudonyms without it.
 * The owner reads and deletes the key through its own operations (network.key, measure.key, ...).
 */
export function KeySection({
  keyKept,
  secretKept,
  readKey,
  deleteKey,
  secretWords,
  deletionWarning,
}: {
  readonly keyKept: boolean;
  /** The secret the pseudonyms come from is still kept (even without the key): it can be forgotten too. */
  readonly secretKept: boolean;
  readonly readKey: () => Promise<readonly PseudonymEntry[]>;
  /** Deletes the key and the secret and hands the saved settings up; throws the backend's message. */
  readonly deleteKey: () => Promise<void>;
  /** Why the secret is kept without the key, and when to forget it. */
  readonly secretWords: ReactNode;
  /** What deleting the key means for this data, in the confirmation. */
  readonly deletionWarning: ReactNode;
}) {
  const ids = { title: useId(), search: useId(), warning: useId() };
  const [state, setState] = useState<KeyState>({ status: 'hidden' });
  const [search, setSearch] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | undefined>();

  const show = async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'shown', entries: await readKey() });
    } catch (error) {
      setState({ status: 'failed', message: `The key could not be read: ${errorText(error)}` });
    }
  };

  const remove = async () => {
    setDeleteError(undefined);
    try {
      await deleteKey();
      setConfirming(false);
      setState({ status: 'hidden' });
    } catch (error) {
      setDeleteError(`The key could not be deleted: ${errorText(error)}`);
    }
  };

  const rows = useMemo(() => {
    if (state.status !== 'shown') return [];
    const wanted = search.trim().toLowerCase();
    return wanted === ''
      ? state.entries
      : state.entries.filter((entry) =>
          [entry.realId, entry.realName ?? '', entry.pseudonym].some((text) =>
            text.toLowerCase().includes(wanted),
          ),
        );
  }, [state, search]);

  return (
    <section className="comparison-panel" aria-labelledby={ids.title}>
      <h3 id={ids.title}>Pseudonym key</h3>
      {!keyKept ? (
        <>
          <p className="muted small" data-testid="key-status">
            No key is kept in this workspace: no one can look up who a pseudonym is from here.
          </p>
          {secretKept ? (
            <>
              <p className="small">{secretWords}</p>
              <div className="toolbar">
                <button type="button" className="danger" onClick={() => setConfirming(true)}>
                  Forget the secret
                </button>
              </div>
            </>
          ) : null}
        </>
      ) : (
        <>
          <p className="small" data-testid="key-status">
            The key that maps each pseudonym back to a real id and name is kept in this workspace. Delete it
            when it is no longer needed.
          </p>
          <div className="toolbar">
            {state.status === 'shown' ? (
              <button type="button" onClick={() => setState({ status: 'hidden' })}>
                Hide the key
              </button>
            ) : (
              <button type="button" disabled={state.status === 'loading'} onClick={() => void show()}>
                {state.status === 'loading' ? 'Reading the key…' : 'Show the key'}
              </button>
            )}
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Delete key
            </button>
          </div>
          {state.status === 'failed' ? (
            <p className="form-error" role="alert">
              {state.message}
            </p>
          ) : null}
          {state.status === 'shown' ? (
            <>
              <div className="field">
                <label htmlFor={ids.search}>Find a person</label>
                <input
                  id={ids.search}
                  type="search"
                  value={search}
                  placeholder="id, name or pseudonym"
                  onChange={(event) => setSearch(event.target.value)}
                />
              </div>
              <div className="table-frame">
                <table className="data-table" aria-label="Pseudonym key">
                  <thead>
                    <tr>
                      <th scope="col">Pseudonym</th>
                      <th scope="col">Real id</th>
                      <th scope="col">Name</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.slice(0, ROWS_SHOWN).map((entry) => (
                      <tr key={entry.pseudonym}>
                        <th scope="row">{entry.pseudonym}</th>
                        <td>{entry.realId}</td>
                        <td>{entry.realName ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="muted small">
                {rows.length > ROWS_SHOWN
                  ? `The first ${ROWS_SHOWN} of ${rows.length} people; search to find the others.`
                  : `${rows.length} of ${state.entries.length} people.`}
              </p>
            </>
          ) : null}
        </>
      )}

      <Dialog
        title={keyKept ? 'Delete the pseudonym key?' : 'Forget the pseudonym secret?'}
        open={confirming}
        onClose={() => setConfirming(false)}
        describedBy={ids.warning}
      >
        <p id={ids.warning}>{deletionWarning}</p>
        {deleteError !== undefined ? (
          <p className="form-error" role="alert">
            {deleteError}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            {keyKept ? 'Delete key' : 'Forget the secret'}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
