/**
 * What is wrong with an equation, for the editor: a parse error straight from the engine's parser while the
 * text is typed (no need to wait for the worker), and the compile diagnostics about this variable once the
 * worker has compiled the model (unknown names, wrong arity, loops it takes part in).
 */
import { canonicalName, parseEquation, ParseError, type Diagnostic } from '../../../../model/sd';
import { describePosition, positionIn } from '../../../../model/sd/diagnostics';
import type { CompileState } from '../session/use-dynamics-session';

export interface EquationProblem {
  readonly message: string;
  /** Where in the equation, when the problem has a place. */
  readonly span: { readonly start: number; readonly end: number } | undefined;
  readonly where: string | undefined;
}

/** "line 2, column 5" in a multi-line equation, "column 5" otherwise. */
const describeSpan = (text: string, start: number): string => describePosition(text, positionIn(text, start));

/** The parse error of `text`, if it does not parse. */
export function parseProblem(text: string): EquationProblem | undefined {
  try {
    parseEquation(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { message: error.message, span: error.span, where: describeSpan(text, error.span.start) };
  }
}

/** The compile diagnostics that are about `name` (its own equation, or a loop it is part of). */
export function compileProblems(compile: CompileState, name: string): Diagnostic[] {
  if (compile.status !== 'failed') return [];
  const id = canonicalName(name);
  return compile.errors.filter(
    (error) =>
      (error.variable !== undefined && canonicalName(error.variable) === id) ||
      (error.members ?? []).some((member) => canonicalName(member) === id),
  );
}

/** A compile diagnostic as an equation problem: its own message already names the variable and position. */
export function fromDiagnostic(text: string, diagnostic: Diagnostic): EquationProblem {
  const position = diagnostic.position;
  return {
    message: diagnostic.message,
    span: position === undefined ? undefined : { start: position.start, end: position.end },
    where: position === undefined ? undefined : describeSpan(text, position.start),
  };
}
