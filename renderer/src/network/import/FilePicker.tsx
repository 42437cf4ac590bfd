import { useId, useRef } from 'react';

/**
 * A file choice that says which file is chosen: a button opens the browser's picker (the input itself is
 * visually hidden, since it would say "No file chosen" after every choice: its value is cleared so the same
 * file, once fixed, can be chosen again).
 */
export function FilePicker({
  label,
  accept,
  fileName,
  testId,
  help,
  onFile,
  onRemove,
}: {
  readonly label: string;
  readonly accept: string;
  readonly fileName: string | undefined;
  readonly testId: string;
  readonly help: string;
  readonly onFile: (file: File) => void;
  readonly onRemove?: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const helpId = useId();
  return (
    <div className="file-picker">
      <span className="file-picker-label">{label}</span>
      <div className="file-picker-row">
        <button type="button" aria-describedby={helpId} onClick={() => input.current?.click()}>
          {fileName === undefined ? 'Choose a file…' : 'Another file…'}
        </button>
        <span className={fileName === undefined ? 'muted small' : 'small file-name'}>
          {fileName ?? 'none chosen'}
        </span>
        {fileName !== undefined && onRemove !== undefined ? (
          <button type="button" className="link" onClick={onRemove} aria-label={`Remove ${fileName}`}>
            Remove
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={accept}
        tabIndex={-1}
        aria-label={label}
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) onFile(file);
          event.target.value = '';
        }}
      />
      <p id={helpId} className="muted small help">
        {help}
      </p>
    </div>
  );
}
