import type { z } from 'zod';
import { sroiAnalysisSchema, type SroiAnalysis } from './analysis';
import { describeLocation, issueAt, type SroiIssue, type SroiIssueLocation, type SroiResult } from './issues';

/**
 * Keys a file may carry for the people who read it, not part of the analysis: JSON Schema's `$comment` (the app's
 * export documents the format in it, renderer/src/sroi/export/analysis-file.ts) and `$schema`. They are set aside
 * here, so an exported file reads as the analysis it was, in the app's import and in `sroi evaluate` alike.
 */
export const DOCUMENTATION_KEYS = ['$schema', '$comment'] as const;

function withoutDocumentation(json: unknown): unknown {
  if (!isRecord(json)) return json;
  return Object.fromEntries(
    Object.entries(json).filter(([key]) => !(DOCUMENTATION_KEYS as readonly string[]).includes(key)),
  );
}

/**
 * Reads an SROI analysis from parsed JSON (a file, the clipboard, an API call). Shape problems come back as
 * issues that name the outcome by its id when it has one ("outcome "staff-retention" deadweight must be a
 * finite number"), not only by its position in the list, because the id is what the analyst sees.
 */
export function parseAnalysis(json: unknown): SroiResult<SroiAnalysis> {
  // reportInput: the issue keeps the offending value, so a non-finite number can be told from a wrong type.
  const parsed = sroiAnalysisSchema.safeParse(withoutDocumentation(json), { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data, warnings: [] };
  return { ok: false, errors: parsed.error.issues.map((issue) => toSroiIssue(issue, json)), warnings: [] };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id written in the file for outcomes[index], when it is usable text. */
function outcomeIdAt(json: unknown, index: number): string | undefined {
  if (!isRecord(json) || !Array.isArray(json['outcomes'])) return undefined;
  const outcome: unknown = json['outcomes'][index];
  if (!isRecord(outcome)) return undefined;
  const id = outcome['id'];
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** Splits a zod path into where (an outcome, an input) and the field inside it, joined with dots. */
function locate(path: readonly PropertyKey[], json: unknown): SroiIssueLocation {
  const [list, index, ...rest] = path;
  const field = (keys: readonly PropertyKey[]) =>
    keys.length === 0 ? {} : { field: keys.map((key) => String(key)).join('.') };
  if (list === 'outcomes' && typeof index === 'number') {
    const outcomeId = outcomeIdAt(json, index);
    return { ...(outcomeId === undefined ? { outcomeIndex: index } : { outcomeId }), ...field(rest) };
  }
  if (list === 'inputs' && typeof index === 'number') return { inputIndex: index, ...field(rest) };
  return field(path);
}

function toSroiIssue(issue: z.core.$ZodIssue, json: unknown): SroiIssue {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return issueAt(
      'shape',
      locate(issue.path, json),
      `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${keys}`,
    );
  }
  const location = locate(issue.path, json);
  const code =
    issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number'
      ? 'non-finite'
      : 'shape';
  // documentNameSchema's messages are whole sentences ("A SROI analysis needs a name."); ours are predicates.
  if (/^[A-Z]/.test(issue.message))
    return { code, ...location, message: `${describeLocation(location)}: ${issue.message}` };
  return issueAt(code, location, issue.message);
}
