import { useId } from 'react';

/**
 * A plain text field of a variable (units, documentation): each keystroke changes the model without an
 * undo step, leaving the field records the whole edit as one step, like the equation.
 */
export function TextField({
  label,
  value,
  multiline = false,
  placeholder,
  onPreview,
  onCommit,
}: {
  readonly label: string;
  readonly value: string;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly onPreview: (text: string) => void;
  readonly onCommit: () => void;
}) {
  const id = useId();
  const common = {
    id,
    value,
    placeholder,
    onBlur: onCommit,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onPreview(event.target.value)} />
      ) : (
        <input
          {...common}
          onChange={(event) => onPreview(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onCommit();
          }}
        />
      )}
    </div>
  );
}
