/**
 * What the engine says when a model cannot be read, compiled or run: data, never a crash. Every diagnostic
 * names the variable it is about and, for equation errors, the position in that equation, so the CLI can
 * print it on one line and the editor can underline it.
 */

export type DiagnosticCode =
  | 'xml' // the file is not XML the reader can recover
  | 'not-xmile' // XML, but not an XMILE document
  | 'schema' // an XMILE element or attribute has a value the model cannot hold
  | 'sim-specs' // start, stop, dt or save step are missing or impossible
  | 'duplicate-name' // two variables whose names are the same once canonicalised
  | 'missing-equation' // a variable with nothing to compute
  | 'parse' // an equation does not parse
  | 'unknown-variable'
  | 'unknown-function'
  | 'arity' // a function called with the wrong number of arguments
  | 'bad-argument' // an argument a function needs to know before the run (an order, a table) is not usable
  | 'bad-flow' // a stock lists an inflow or outflow that is not a flow of the model
  | 'algebraic-loop' // auxiliaries that depend on each other without a stock in between
  | 'initial-loop' // initial values that depend on each other
  | 'macro' // a macro definition or call that cannot be expanded
  | 'unsupported' // valid XMILE this engine does not simulate yet (arrays, modules, ...)
  | 'override' // a scenario override that names no constant of the model
  | 'recovered' // a warning: the reader repaired the file (an unclosed element, ...)
  | 'internal'; // a bug in the engine, reported as data rather than thrown

/** A position in an equation's text: offsets for the editor, 1-based line and column for people. */
export interface EquationPosition {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  /** One sentence, complete on its own (it already names the variable and the position). */
  readonly message: string;
  /** The variable's name as written in the model, when the diagnostic is about one. */
  readonly variable?: string;
  readonly position?: EquationPosition;
  /** Every variable involved, for loops. */
  readonly members?: readonly string[];
}

/** `{ ok, value }` or the diagnostics that stopped the work, never an exception across a boundary. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/** Turns an offset range of `text` into a position with 1-based line and column. */
export function positionIn(text: string, start: number, end: number = start + 1): EquationPosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < start && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { start, end, line, column: start - lineStart + 1 };
}

/** "line 2, column 5" for multi-line equations, "column 5" otherwise. */
export function describePosition(text: string, position: EquationPosition): string {
  return text.includes('\n')
    ? `line ${position.line}, column ${position.column}`
    : `column ${position.column}`;
}

/** A diagnostic about an equation: the message names the variable and where in the equation the problem is. */
export function equationDiagnostic(
  code: DiagnosticCode,
  variable: string,
  equation: string,
  span: { readonly start: number; readonly end: number },
  problem: string,
): Diagnostic {
  const position = positionIn(equation, span.start, span.end);
  return {
    code,
    variable,
    position,
    message: `in the equation of "${variable}" at ${describePosition(equation, position)}: ${problem}`,
  };
}

/** A diagnostic about a variable as a whole (no position inside an equation). */
export function variableDiagnostic(code: DiagnosticCode, variable: string, problem: string): Diagnostic {
  return { code, variable, message: `"${variable}": ${problem}` };
}

/** Thrown inside the engine to stop a compile early; always caught and turned into an Outcome. */
export class SdCompileError extends Error {
  override readonly name = 'SdCompileError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((diagnostic) => diagnostic.message).join('; '));
    this.diagnostics = diagnostics;
  }
}

/** Runs `work`, turning an unexpected exception (a bug) into an `internal` diagnostic instead of throwing. */
export function guarded<T>(what: string, work: () => Outcome<T>): Outcome<T> {
  try {
    return work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ code: 'internal', message: `internal error while ${what}: ${reason}` }],
      warnings: [],
    };
  }
}
