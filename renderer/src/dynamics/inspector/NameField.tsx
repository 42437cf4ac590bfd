import { useId, useState } from 'react';
import type { Diagnostic } from '../../../../model/sd';

/**
 * A variable's name: renamed on Enter or when the field is left (every equation that uses it follows);
 * Escape puts the name back. A name that clashes with another variable is refused with the reason shown.
 */
export function NameField({
  name,
  onRename,
}: {
  readonly name: string;
  /** Renames; returns the problem when the name cannot be used. */
  readonly onRename: (newName: string) => Diagnostic | undefined;
}) {
  const id = useId();
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<string | undefined>();
  const submit = () => {
    if (draft.trim() === name) {
      setDraft(name);
      setProblem(undefined);
      return;
    }
    const refused = onRename(draft);
    setProblem(refused?.message);
  };
  return (
    <div className="field">
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        value={draft}
        aria-invalid={problem !== undefined}
        aria-describedby={problem === undefined ? undefined : `${id}-problem`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={submit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            setDraft(name);
            setProblem(undefined);
          }
        }}
      />
      {problem === undefined ? null : (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
