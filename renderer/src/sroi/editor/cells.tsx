/**
 * The editor's cells: a text or number field with its issues written next to it. Typing previews the change
 * (the results follow each keystroke) and leaving the cell commits it as one undo step. What does not read as the
 * field's type (a number cell holding "abc", a required name emptied) stays in the cell with a message and is not
 * saved until it does; a value the method's rules refuse (a deadweight of 120%) is saved and shown with its issue.
 */
import { useId, useState } from 'react';
import type { SroiIssue } from '../../../../model/sroi';
import type { ChangePhase } from '../session/use-sroi-session';
import { cellMessage, numberText, parseTypedNumber } from './cell-issues';

interface IssueNoteProps {
  readonly id: string;
  readonly local: string | undefined;
  readonly issues: readonly SroiIssue[] | undefined;
}

/** The messages under a cell; the field points at them with aria-describedby. */
function IssueNote({ id, local, issues }: IssueNoteProps) {
  const messages = local !== undefined ? [local] : (issues ?? []).map(cellMessage);
  if (messages.length === 0) return null;
  return (
    <span className="cell-issue" id={id} role="note">
      {messages.join(' ')}
    </span>
  );
}

interface NumberCellProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number, phase: ChangePhase) => void;
  readonly onSettle: () => void;
  /** A share in [0, 1] typed and shown as a percentage. */
  readonly percent?: boolean;
  readonly issues?: readonly SroiIssue[] | undefined;
  readonly readOnly?: boolean;
  readonly className?: string;
  /** Write "%" after a percentage (a table whose header says it leaves it out). */
  readonly showUnit?: boolean;
}

export function NumberCell({
  label,
  value,
  onChange,
  onSettle,
  percent = false,
  issues,
  readOnly = false,
  className,
  showUnit = true,
}: NumberCellProps) {
  const noteId = useId();
  // What is being typed, for the value it was typed over; a change from elsewhere (undo) discards it.
  const [draft, setDraft] = useState<{ readonly text: string; readonly for: number } | undefined>();
  const current = draft !== undefined && Object.is(draft.for, value) ? draft : undefined;
  const text = current?.text ?? numberText(value, percent);
  const parsed = current === undefined ? undefined : parseTypedNumber(current.text, percent);
  const local = parsed !== undefined && !parsed.ok ? parsed.message : undefined;
  const invalid = local !== undefined || (issues?.length ?? 0) > 0;
  return (
    <span className={`cell${percent ? ' percent' : ''}${className === undefined ? '' : ` ${className}`}`}>
      <span className="cell-field">
        <input
          type="text"
          inputMode="decimal"
          aria-label={label}
          value={text}
          readOnly={readOnly}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? noteId : undefined}
          onChange={(event) => {
            const typed = event.target.value;
            const next = parseTypedNumber(typed, percent);
            setDraft({ text: typed, for: next.ok ? next.value : value });
            if (next.ok && !Object.is(next.value, value)) onChange(next.value, 'preview');
          }}
          onBlur={() => {
            onSettle();
            if (parsed?.ok !== false) setDraft(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
        {percent && showUnit ? (
          <span className="cell-unit" aria-hidden="true">
            %
          </span>
        ) : null}
      </span>
      <IssueNote id={noteId} local={local} issues={issues} />
    </span>
  );
}

interface TextCellProps {
  readonly label: string;
  readonly value: string | undefined;
  /** `undefined` when an optional field is emptied. */
  readonly onChange: (value: string | undefined, phase: ChangePhase) => void;
  readonly onSettle: () => void;
  /** A required label (model/sroi/analysis.ts `label()`): an empty one is not saved. */
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly issues?: readonly SroiIssue[] | undefined;
  readonly placeholder?: string;
  /** Suggestions offered while typing (a datalist id). */
  readonly list?: string;
  readonly className?: string;
}

export function TextCell({
  label,
  value,
  onChange,
  onSettle,
  required = false,
  multiline = false,
  issues,
  placeholder,
  list,
  className,
}: TextCellProps) {
  const noteId = useId();
  const [draft, setDraft] = useState<
    { readonly text: string; readonly for: string | undefined } | undefined
  >();
  const current = draft !== undefined && draft.for === value ? draft : undefined;
  const text = current?.text ?? value ?? '';
  const empty = current !== undefined && current.text.trim() === '';
  const local = required && empty ? 'Needs text; not saved until it has some' : undefined;
  const invalid = local !== undefined || (issues?.length ?? 0) > 0;
  const common = {
    'aria-label': label,
    value: text,
    placeholder,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': invalid ? noteId : undefined,
    onChange: (event: { target: { value: string } }) => {
      const typed = event.target.value;
      const blank = typed.trim() === '';
      if (required && blank) {
        setDraft({ text: typed, for: value });
        return;
      }
      const next = blank ? undefined : typed;
      setDraft({ text: typed, for: next });
      if (next !== value) onChange(next, 'preview');
    },
    onBlur: () => {
      onSettle();
      if (local === undefined) setDraft(undefined);
    },
  };
  return (
    <span className={`cell text${className === undefined ? '' : ` ${className}`}`}>
      {multiline ? (
        <textarea rows={2} {...common} />
      ) : (
        <input
          type="text"
          list={list}
          {...common}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
      )}
      <IssueNote id={noteId} local={local} issues={issues} />
    </span>
  );
}
