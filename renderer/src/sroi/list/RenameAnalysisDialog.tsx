import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';

interface RenameAnalysisDialogProps {
  readonly open: boolean;
  readonly name: string;
  readonly onClose: () => void;
  /** Throws with the backend's message (a clashing name) to show in place. */
  readonly onRename: (name: string) => Promise<unknown>;
}

/** Renames an analysis; a name another analysis of the project has is refused in place. */
export function RenameAnalysisDialog({ open, name, onClose, onRename }: RenameAnalysisDialogProps) {
  return (
    <Dialog title="Rename analysis" open={open} onClose={onClose}>
      <RenameForm initialName={name} onCancel={onClose} onSubmit={onRename} onDone={onClose} />
    </Dialog>
  );
}

function RenameForm({
  initialName,
  onSubmit,
  onCancel,
  onDone,
}: {
  readonly initialName: string;
  readonly onSubmit: (name: string) => Promise<unknown>;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const [value, setValue] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') {
      setError('An analysis needs a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(value.trim());
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={nameId}>Name</label>
      <input
        id={nameId}
        value={value}
        autoFocus
        maxLength={200}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : errorId}
        onChange={(event) => setValue(event.target.value)}
        onFocus={(event) => event.target.select()}
      />
      {error !== null ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Rename
        </button>
      </div>
    </form>
  );
}
