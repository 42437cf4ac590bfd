import { useId, type ReactNode } from 'react';

/**
 * The import's people-data choice (issue 11, point 1): replace ids with pseudonyms, and, only then, keep the key
 * that maps them back. The owner says what is replaced (names of a network's people, ids of a survey's
 * respondents) and may add choices of its own under them (consent to individual views).
 */
export function PseudonymChoice({
  legend,
  label,
  help,
  keepKeyLabel,
  pseudonymize,
  keepKey,
  onPseudonymize,
  onKeepKey,
  children,
}: {
  readonly legend: string;
  readonly label: string;
  readonly help: string;
  readonly keepKeyLabel: string;
  readonly pseudonymize: boolean;
  readonly keepKey: boolean;
  readonly onPseudonymize: (pseudonymize: boolean) => void;
  readonly onKeepKey: (keepKey: boolean) => void;
  readonly children?: ReactNode;
}) {
  const helpId = useId();
  return (
    <fieldset className="pseudonym-choice" aria-describedby={helpId}>
      <legend>{legend}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={pseudonymize}
          onChange={(event) => onPseudonymize(event.target.checked)}
        />
        {label}
      </label>
      <p id={helpId} className="muted small">
        {help}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={pseudonymize && keepKey}
          disabled={!pseudonymize}
          onChange={(event) => onKeepKey(event.target.checked)}
        />
        {keepKeyLabel}
      </label>
      {children}
    </fieldset>
  );
}
