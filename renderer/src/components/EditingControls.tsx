/** What an editor's saving is doing: saved, a change on its way, or the last change refused. */
export type SaveState =
  | { readonly status: 'saved' }
  | { readonly status: 'pending' }
  | { readonly status: 'failed'; readonly message: string };

/** The part of an editing session (a model, an SROI analysis) its toolbar shows and drives. */
interface EditingSession {
  readonly save: SaveState;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undo: () => void;
  readonly redo: () => void;
}

const SAVE_LABEL: Readonly<Record<SaveState['status'], string>> = {
  saved: 'Saved',
  pending: 'Saving…',
  failed: 'Not saved',
};

/**
 * An editor's toolbar from its save state on: the state (the refusal as its tooltip), then, pushed to the right,
 * Undo and Redo with their keyboard shortcuts.
 */
export function SaveAndUndo({ session }: { readonly session: EditingSession }) {
  const { save } = session;
  return (
    <>
      <span
        className={`save-state ${save.status}`}
        role="status"
        title={save.status === 'failed' ? save.message : undefined}
      >
        {SAVE_LABEL[save.status]}
      </span>
      <span className="toolbar-spacer" />
      <button
        type="button"
        onClick={session.undo}
        disabled={!session.canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={session.redo}
        disabled={!session.canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
      >
        Redo
      </button>
    </>
  );
}

/** The alert under an editor's toolbar once its last change could not be saved. */
export function SaveFailedBanner({ save }: { readonly save: SaveState }) {
  return save.status === 'failed' ? (
    <div className="banner error" role="alert">
      <p>Your last change could not be saved: {save.message}</p>
    </div>
  ) : null;
}
