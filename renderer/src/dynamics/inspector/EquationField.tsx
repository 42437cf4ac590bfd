/**
 * The equation editor. Every keystroke is a preview change (no undo step yet), so the worker recompiles and
 * the runs follow as you type; leaving the field or Ctrl/Cmd+Enter commits the edit as one undo step. A parse
 * error shows at once, with the place underlined in an echo of the text; compile errors about this variable
 * follow when the worker has compiled.
 */
import { useId } from 'react';
import type { Diagnostic } from '../../../../model/sd';
import { fromDiagnostic, parseProblem, type EquationProblem } from './equation-problems';

function Echo({ text, problem }: { readonly text: string; readonly problem: EquationProblem }) {
  if (problem.span === undefined) return null;
  const start = Math.min(problem.span.start, text.length);
  const end = Math.max(start, Math.min(problem.span.end, text.length));
  return (
    <pre className="equation-echo" aria-hidden="true">
      {text.slice(0, start)}
      <mark className={end === start ? 'at-end' : undefined}>
        {end === start ? ' ' : text.slice(start, end)}
      </mark>
      {text.slice(end)}
    </pre>
  );
}

export function EquationField({
  label,
  text,
  compileErrors,
  onPreview,
  onCommit,
}: {
  readonly label: string;
  readonly text: string;
  readonly compileErrors: readonly Diagnostic[];
  readonly onPreview: (text: string) => void;
  readonly onCommit: () => void;
}) {
  const id = useId();
  const parsed = parseProblem(text);
  // The worker reports the same parse error; show it once, from the parser, which is up to date.
  const problems: EquationProblem[] =
    parsed !== undefined ? [parsed] : compileErrors.map((diagnostic) => fromDiagnostic(text, diagnostic));
  const first = problems[0];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="equation-input"
        spellCheck={false}
        rows={Math.min(8, Math.max(2, text.split('\n').length + 1))}
        value={text}
        aria-invalid={first !== undefined}
        aria-describedby={first === undefined ? undefined : `${id}-problems`}
        onChange={(event) => onPreview(event.target.value)}
        onBlur={onCommit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onCommit();
          }
        }}
      />
      {first === undefined ? null : (
        <div id={`${id}-problems`} className="equation-problems" role="alert">
          <Echo text={text} problem={first} />
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.where === undefined || parsed === undefined ? '' : `At ${problem.where}: `}
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="field-hint">Ctrl+Enter or leaving the field records the change; Ctrl+Z then undoes it.</p>
    </div>
  );
}
