import { useId, useState, type FormEvent } from 'react';

interface ScenarioNameFormProps {
  readonly initialName: string;
  readonly submitLabel: string;
  /** What the scenario will hold, said under the name field. */
  readonly hint?: string | undefined;
  readonly onSubmit: (name: string) => Promise<void>;
  readonly onCancel: () => void;
}

/** The name form of "Save as scenario" and "Rename"; the backend's refusal (a clashing name) shows in place. */
export function ScenarioNameForm({
  initialName,
  submitLabel,
  hint,
  onSubmit,
  onCancel,
}: ScenarioNameFormProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const errorId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('A scenario needs a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim());
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
        maxLength={200}
        aria-invalid={error !== null}
        aria-describedby={
          [error === null ? '' : errorId, hint === undefined ? '' : hintId].join(' ').trim() || undefined
        }
        onChange={(event) => setName(event.target.value)}
        onFocus={(event) => event.target.select()}
      />
      {hint === undefined ? null : (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      )}
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
