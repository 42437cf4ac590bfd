import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface NameFormProps {
  readonly initialName?: string;
  readonly submitLabel: string;
  /** How the empty-name message names the document: "A scenario needs a name." */
  readonly needsName: string;
  readonly maxLength?: number;
  /** Said under the field (what the document will hold). */
  readonly hint?: string | undefined;
  readonly placeholder?: string;
  /** Fields after the name (a project's description). */
  readonly children?: ReactNode;
  /** Throws with the backend's message (a clashing name), shown under the field. */
  readonly onSubmit: (name: string) => Promise<unknown>;
  readonly onCancel: () => void;
  /** After a successful submit (a dialog closes itself here). */
  readonly onDone?: () => void;
}

/**
 * The name form of every "New ...", "Save as ..." and "Rename" in the app: the name trimmed, an empty one
 * refused in place, the backend's refusal shown under the field, the submit button off while it is saving.
 */
export function NameForm({
  initialName = '',
  submitLabel,
  needsName,
  maxLength = 200,
  hint,
  placeholder,
  children,
  onSubmit,
  onCancel,
  onDone,
}: NameFormProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const errorId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(needsName);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim());
      setBusy(false);
      onDone?.();
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
        name="name"
        value={name}
        autoFocus
        maxLength={maxLength}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={
          [error === null ? '' : errorId, hint === undefined ? '' : hintId].join(' ').trim() || undefined
        }
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
        onFocus={(event) => event.target.select()}
      />
      {hint === undefined ? null : (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      )}
      {children}
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
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A dialog around the name form that closes itself once the name is saved. */
export function NameDialog({
  title,
  open,
  onClose,
  ...form
}: Omit<NameFormProps, 'onCancel' | 'onDone'> & {
  readonly title: string;
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <NameForm {...form} onCancel={onClose} onDone={onClose} />
    </Dialog>
  );
}
