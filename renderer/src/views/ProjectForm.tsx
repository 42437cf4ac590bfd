import { useId, useState } from 'react';
import { NameForm } from '../components/NameForm';

/** The name (and, for a new project, description) form shared by "New project" and "Rename". */
export function ProjectForm({
  initialName = '',
  withDescription,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  readonly initialName?: string;
  readonly withDescription: boolean;
  readonly submitLabel: string;
  readonly onSubmit: (name: string, description: string) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const [description, setDescription] = useState('');
  const descriptionId = useId();
  return (
    <NameForm
      initialName={initialName}
      submitLabel={submitLabel}
      needsName="A project needs a name."
      maxLength={120}
      placeholder="e.g. Customer care 2027"
      onSubmit={(name) => onSubmit(name, description.trim())}
      onCancel={onCancel}
    >
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
    </NameForm>
  );
}
