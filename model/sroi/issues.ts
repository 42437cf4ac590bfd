/**
 * What the SROI calculator says when an analysis cannot be evaluated: data, never an exception (STYLE.md,
 * "errors come back as data"). Each issue names where it is (the outcome by its id, or the input by its
 * index) and the field, so the CLI can print it on one line and the editor can mark the cell.
 */

export type SroiIssueCode =
  | 'shape' // the document is not an SROI analysis (a missing field, a number that is text, ...)
  | 'non-finite' // a number that is NaN or infinite
  | 'rate-range' // deadweight, displacement, attribution, drop-off or the discount rate outside [0, 1]
  | 'negative-quantity'
  | 'duration' // an outcome lasting less than a year
  | 'start-year' // an outcome starting before year 1, or in a fraction of a year
  | 'duplicate-id'
  | 'unknown-stakeholder' // a stakeholder not in the analysis's stakeholders list
  | 'no-inputs' // no inputs, or inputs that add up to zero: the ratio would divide by zero
  | 'negative-input'
  | 'in-kind' // hours × hourly rate that does not give the input's value
  | 'linked-quantities' // quantities from a simulated run that do not fit the outcome
  | 'link-not-evaluated'; // a warning: a linked outcome evaluated with the quantity stored in the document

/** Where an issue is: an outcome (by id, and by position when the id itself is the problem) or an input. */
export interface SroiIssueLocation {
  readonly outcomeId?: string;
  readonly outcomeIndex?: number;
  readonly inputIndex?: number;
  /** The field's name as written in the file, e.g. "deadweight" or "quantityLink.scale". */
  readonly field?: string;
}

export interface SroiIssue extends SroiIssueLocation {
  readonly code: SroiIssueCode;
  /** One sentence, complete on its own: it already names the outcome or input and the field. */
  readonly message: string;
}

/** `{ ok, value }` or the issues that stopped the work; warnings either way. */
export type SroiResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly SroiIssue[] }
  | { readonly ok: false; readonly errors: readonly SroiIssue[]; readonly warnings: readonly SroiIssue[] };

/** How messages name an outcome: `outcome "staff-retention"`, or by position when it has no usable id. */
export function describeOutcome(location: { readonly outcomeId?: string; readonly outcomeIndex?: number }) {
  if (location.outcomeId !== undefined) return `outcome "${location.outcomeId}"`;
  return `outcomes[${location.outcomeIndex ?? '?'}]`;
}

export const describeInput = (inputIndex: number) => `inputs[${inputIndex}]`;

/** Where an issue is, as the start of its message: `outcome "x" deadweight`, `inputs[2] value`. */
export function describeLocation(location: SroiIssueLocation): string {
  const where =
    location.inputIndex !== undefined
      ? describeInput(location.inputIndex)
      : location.outcomeId !== undefined || location.outcomeIndex !== undefined
        ? describeOutcome(location)
        : 'the analysis';
  return location.field === undefined ? where : `${where} ${location.field}`;
}

/** Builds an issue whose message starts with where it is: `outcome "x" deadweight must be ...`. */
export function issueAt(code: SroiIssueCode, location: SroiIssueLocation, problem: string): SroiIssue {
  return { code, ...location, message: `${describeLocation(location)} ${problem}` };
}

/** The issues as one line each: the CLI prints the first, the editor lists them all. */
export function describeIssues(issues: readonly SroiIssue[]): string {
  const [first, ...rest] = issues;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return `${first?.message ?? 'unknown problem'}${more}`;
}
