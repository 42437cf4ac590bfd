import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../format';

interface StudyNameDialogProps {
  readonly title: string;
  readonly open: boolean;
  readonly initialName: string;
  readonly submitLabel: string;
  readonly onSubmit: (name: string) => Promise<void>;
  readonly onClose: () => void;
}

/** Asks for a study name (new study, rename); the backend's refusal (a clashing name) shows under the field. */
export function StudyNameDialog({
  title,
  open,
  initialName,
  submitLabel,
  onSubmit,
  onClose,
}: StudyNameDialogProps) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <NameForm initialName={initialName} submitLabel={submitLabel} onSubmit={onSubmit} onClose={onClose} />
    </Dialog>
  );
}

function NameForm({
  initialName,
  submitLabel,
  onSubmit,
  onClose,
}: Omit<StudyNameDialogProps, 'title' | 'open'>) {
  const [name, setName] = useState(initialName);
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const problemId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setProblem('A study needs a name.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={fieldId}>Name</label>
      <input
        id={fieldId}
        value={name}
        autoFocus
        maxLength={200}
        aria-invalid={problem !== undefined}
        aria-describedby={problem === undefined ? undefined : problemId}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(undefined);
        }}
      />
      {problem !== undefined ? (
        <p id={problemId} className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
