/**
 * The analyses saved for this model (sensitivity runs or calibrations), newest first: open one to see it again,
 * or delete it after a confirmation naming it. A row the store could not read is listed with its problem and can
 * only be deleted.
 */
export interface SavedEntry<Id extends string> {
  readonly id: Id;
  readonly name: string;
  /** One line under the name (runs and seed, or the estimates). */
  readonly detail: string;
  readonly problem?: string | undefined;
}

export interface SavedAnalysesProps<Id extends string> {
  /** For the region's name: "Saved sensitivity runs". */
  readonly label: string;
  readonly entries: readonly SavedEntry<Id>[] | undefined;
  readonly openId: string | undefined;
  /** What to say when there are none. */
  readonly empty: string;
  readonly onOpen: (id: Id) => void;
  readonly onDelete: (entry: SavedEntry<Id>) => void;
}

export function SavedAnalyses<Id extends string>({
  label,
  entries,
  openId,
  empty,
  onOpen,
  onDelete,
}: SavedAnalysesProps<Id>) {
  if (entries === undefined) return null;
  return (
    <section className="saved-analyses" aria-label={label}>
      <h3 className="small">{label}</h3>
      {entries.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id} className={entry.id === openId ? 'open' : undefined}>
              <button
                type="button"
                className="link-button"
                disabled={entry.problem !== undefined}
                aria-current={entry.id === openId ? 'true' : undefined}
                onClick={() => onOpen(entry.id)}
              >
                {entry.name}
              </button>
              <span className="muted small">{entry.problem ?? entry.detail}</span>
              <button
                type="button"
                className="small"
                aria-label={`Delete ${entry.name}`}
                onClick={() => onDelete(entry)}
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
