/**
 * The handlers of the SROI instrument (analyses, evaluation, sensitivity) (operations in api/parts/sroi.operations.ts).
 *
 * Evaluation, sensitivity and the Dynamics link run in the renderer (model/sroi is pure and fast, and linked
 * quantities need the simulation worker there), so the backend's part is keeping analyses: every document that
 * comes in is read with model/sroi's parseAnalysis, so an error names the outcome by its id and the field.
 */
import type { Handlers } from '../api/dispatch';
import type { SroiOperationName } from '../api/parts/sroi.operations';
import { OperationError } from '../api/result';
import { parseAnalysis, type SroiAnalysis, type SroiIssue } from '../../model/sroi';
import { createSroiAnalysisRepository } from '../store/sroi-analyses';
import type { ServiceContext } from './context';
import { blankAnalysis, BLANK_ANALYSIS_NAME, sampleAnalysis } from './sroi-samples';

/** How many problems one error message lists before it counts the rest. */
const LISTED_ISSUES = 5;

export function describeSroiIssues(issues: readonly SroiIssue[]): string {
  const shown = issues.slice(0, LISTED_ISSUES).map((issue) => issue.message);
  const more = issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`;
}

/** Reads a document that arrived over the API, or throws invalid-input naming each problem's outcome and field. */
export function readAnalysisDocument(value: unknown, source: string): SroiAnalysis {
  const parsed = parseAnalysis(value);
  if (!parsed.ok)
    throw new OperationError(
      'invalid-input',
      `${source} is not an SROI analysis: ${describeSroiIssues(parsed.errors)}.`,
    );
  return parsed.value;
}

/** Line and column (from 1) of a character offset, as editors show them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses the text of a file, or throws invalid-input saying where the JSON goes wrong. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason);
    const where =
      position?.[1] === undefined
        ? ''
        : (() => {
            const { line, column } = lineAndColumn(text, Number(position[1]));
            return ` at line ${line}, column ${column}`;
          })();
    const cleaned = reason
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    throw new OperationError('invalid-input', `${source} is not valid JSON${where}: ${cleaned}.`);
  }
}

/**
 * The analysis of an exported or hand-written file: JSON, then the schema (parseAnalysis sets the documentation
 * keys, `$comment` and `$schema`, aside).
 */
export function readAnalysisFile(text: string, source: string): SroiAnalysis {
  const json = parseJsonText(text, source);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new OperationError(
      'invalid-input',
      `${source} is not an SROI analysis: the analysis must be a JSON object.`,
    );
  return readAnalysisDocument(json, source);
}

export function sroiHandlers(context: ServiceContext): Pick<Handlers, SroiOperationName> {
  const analyses = createSroiAnalysisRepository(context.workspace.db, () => new Date());
  return {
    'sroi.list': ({ projectId }) => analyses.list(projectId),
    'sroi.get': ({ id }) => analyses.get(id),
    'sroi.create': ({ projectId, template, name }) => {
      const document = template === 'sample' ? sampleAnalysis() : blankAnalysis();
      return analyses.create(projectId, {
        ...document,
        name: name ?? (template === 'sample' ? document.name : BLANK_ANALYSIS_NAME),
      });
    },
    'sroi.save': ({ id, document }) => analyses.save(id, readAnalysisDocument(document, 'The analysis')),
    'sroi.rename': ({ id, name }) => analyses.rename(id, name),
    'sroi.duplicate': ({ id, name }) => analyses.duplicate(id, name),
    'sroi.delete': ({ id }) => {
      analyses.delete(id);
      return { id };
    },
    'sroi.import': ({ projectId, json, fileName }) => {
      const source = fileName === undefined ? 'The file' : `The file "${fileName}"`;
      return analyses.create(projectId, readAnalysisFile(json, source));
    },
  };
}
