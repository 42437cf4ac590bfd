/**
 * Issues where the analyst typed: the calculator's issues (model/sroi/issues.ts name the outcome by id, or the
 * input by index, and the field) sorted to the editor's cells, reworded for the cell they sit next to (rates are
 * edited as percentages there), and the parsing of what is typed into a number cell.
 */
import type { SroiAnalysis, SroiIssue } from '../../../../model/sroi';
import { describeLocation } from '../../../../model/sroi/issues';

/** Where a cell is: `analysis:discountRate`, `input:2:value`, `outcome:0:deadweight`. */
export type CellKey = string;

export const analysisCell = (field: string): CellKey => `analysis:${field}`;
export const inputCell = (index: number, field: string): CellKey => `input:${index}:${field}`;
export const outcomeCell = (index: number, field: string): CellKey => `outcome:${index}:${field}`;

/** Fields that are shares of a whole: stored in [0, 1], typed and shown as percentages. */
export const RATE_FIELDS: ReadonlySet<string> = new Set([
  'deadweight',
  'displacement',
  'attribution',
  'dropOff',
  'discountRate',
]);

/** The index of the row an issue is about: by position when it has one, else the first outcome with its id. */
function outcomeIndexOf(issue: SroiIssue, analysis: SroiAnalysis): number | undefined {
  if (issue.outcomeIndex !== undefined) return issue.outcomeIndex;
  if (issue.outcomeId === undefined) return undefined;
  const index = analysis.outcomes.findIndex((outcome) => outcome.id === issue.outcomeId);
  return index < 0 ? undefined : index;
}

/** Where the inputs' own issue is shown while there are none: next to the buttons that add one. */
export const NO_INPUTS_CELL: CellKey = analysisCell('inputs');

/** The cell that holds an input's amount: its value, or for time in kind the hours or rate that is zero. */
function amountCell(analysis: SroiAnalysis, index: number): CellKey {
  const input = analysis.inputs[index];
  if (input?.kind === 'in-kind' && input.hours === 0) return inputCell(index, 'hours');
  if (input?.kind === 'in-kind' && input.hourlyRate === 0) return inputCell(index, 'hourlyRate');
  return inputCell(index, 'value');
}

/**
 * The cells an issue belongs to; none for issues about the analysis as a whole. Inputs that add up to nothing
 * (issue 8, point 6: "zero or missing inputs") are shown at each input worth zero, or, with no input at all,
 * where inputs are added.
 */
export function cellsOf(issue: SroiIssue, analysis: SroiAnalysis): readonly CellKey[] {
  if (issue.code !== 'no-inputs') {
    const cell = cellOf(issue, analysis);
    return cell === undefined ? [] : [cell];
  }
  if (analysis.inputs.length === 0) return [NO_INPUTS_CELL];
  return analysis.inputs.flatMap((input, index) => (input.value === 0 ? [amountCell(analysis, index)] : []));
}

/** The cell an issue belongs to; undefined for issues about the analysis as a whole. */
export function cellOf(issue: SroiIssue, analysis: SroiAnalysis): CellKey | undefined {
  const field = issue.field;
  if (issue.inputIndex !== undefined) return inputCell(issue.inputIndex, field ?? 'value');
  const outcomeIndex = outcomeIndexOf(issue, analysis);
  if (outcomeIndex !== undefined) return outcomeCell(outcomeIndex, field ?? 'id');
  if (field !== undefined && field !== 'inputs') return analysisCell(field);
  return undefined;
}

export interface PlacedIssues {
  readonly byCell: ReadonlyMap<CellKey, readonly SroiIssue[]>;
  /** Issues that name no cell (no inputs at all, ...): shown above the tables. */
  readonly general: readonly SroiIssue[];
}

export function placeIssues(issues: readonly SroiIssue[], analysis: SroiAnalysis): PlacedIssues {
  const byCell = new Map<CellKey, SroiIssue[]>();
  const general: SroiIssue[] = [];
  for (const issue of issues) {
    const cells = cellsOf(issue, analysis);
    if (cells.length === 0) general.push(issue);
    for (const cell of cells) {
      const list = byCell.get(cell) ?? [];
      list.push(issue);
      byCell.set(cell, list);
    }
  }
  return { byCell, general };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What a cell says about its issue: the message without the place (the cell is the place), with a rate's bounds
 * as the percentages the cell shows ("Must be between 0% and 100% (got 120%)").
 */
export function cellMessage(issue: SroiIssue): string {
  if (issue.code === 'no-inputs')
    return /^the analysis inputs must list/.test(issue.message)
      ? 'Add at least one input: the SROI ratio divides the value created by their total'
      : 'The inputs add up to zero: the SROI ratio needs inputs worth more than zero';
  const prefix = describeLocation(issue);
  const problem = issue.message.startsWith(prefix)
    ? issue.message.slice(prefix.length).trim()
    : issue.message;
  if (issue.code === 'rate-range' && issue.field !== undefined && RATE_FIELDS.has(issue.field)) {
    const got = /\(got (-?[\d.e+-]+)\)/.exec(problem)?.[1];
    const shown = got === undefined ? '' : ` (got ${Number((Number(got) * 100).toPrecision(10))}%)`;
    return `Must be between 0% and 100%${shown}`;
  }
  return capitalise(problem.replace(/^:\s*/, ''));
}

export type ParsedNumber =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/**
 * A number as people type it: spaces and thousands commas allowed ("10,080"), a trailing "%" on a percentage
 * cell, a Unicode minus. Anything else stays in the cell with a message and is not saved until it reads.
 */
export function parseTypedNumber(text: string, percent: boolean): ParsedNumber {
  let cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/[\s,]/g, '');
  if (percent) cleaned = cleaned.replace(/%$/, '');
  if (cleaned === '') return { ok: false, message: 'Needs a number; not saved until it has one' };
  const value = Number(cleaned);
  if (!Number.isFinite(value) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned))
    return { ok: false, message: `“${text.trim()}” is not a number; not saved until it is` };
  return { ok: true, value: percent ? value / 100 : value };
}

/** A stored number as a cell shows it for typing: plain digits, no grouping; shares as percentages. */
export function numberText(value: number, percent: boolean): string {
  const shown = percent ? value * 100 : value;
  return Number.isFinite(shown) ? String(Number(shown.toPrecision(10))) : '';
}
