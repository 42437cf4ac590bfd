import { useId, useState, type FormEvent } from 'react';

interface ProjectFormProps {
  readonly initialName?: string;
  readonly withDescription: boolean;
  readonly submitLabel: string;
  readonly onSubmit: (name: string, description: string) => Promise<void>;
  readonly onCancel: () => void;
}

/** The name (and, for a new project, description) form shared by "New project" and "Rename". */
export function ProjectForm({
  initialName = '',
  withDescription,
  submitLabel,
  onSubmit,
  onCancel,
}: ProjectFormProps) {
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const descriptionId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('A project needs a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim(), description.trim());
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
        maxLength={120}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(event) => setName(event.target.value)}
        placeholder="e.g. Customer care 2027"
      />
      {withDescription ? (
        <>
          <label htmlFor={descriptionId}>
            Description <span className="muted">(optional)</span>
          </label>
          <textarea
            id={descriptionId}
            name="description"
            rows={3}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            placeholder="What question does this project answer, and for whom?"
          />
        </>
      ) : null}
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
