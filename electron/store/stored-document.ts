import type { z } from 'zod';
import { OperationError } from '../api/result';

/**
 * A row on disk that does not pass its document's zod schema (edited by hand, written by a buggy build, damaged).
 * Reading it fails with a message naming the table, the row and the field; the row itself is left as it is, so
 * nothing already saved is changed by trying to read it (DESIGN.md, Data).
 */
export class StoredDocumentError extends OperationError {
  readonly table: string;
  readonly rowId: string;
  /** The dotted path of the first field that failed, e.g. "name" or "nodes.3.label". */
  readonly field: string;

  constructor(table: string, rowId: string, field: string, message: string) {
    super('storage', message);
    this.name = 'StoredDocumentError';
    this.table = table;
    this.rowId = rowId;
    this.field = field;
  }
}

const fieldPath = (issue: z.core.$ZodIssue): string =>
  issue.path.length === 0 ? '(the whole document)' : issue.path.map(String).join('.');

/** Passes a row read from the workspace through its schema, or throws a StoredDocumentError naming the field. */
export function parseStoredDocument<Schema extends z.ZodType>(
  schema: Schema,
  table: string,
  rowId: string,
  row: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0];
  const field = first === undefined ? '(unknown)' : fieldPath(first);
  const details = issues
    .slice(0, 3)
    .map((issue) => `field "${fieldPath(issue)}": ${issue.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  throw new StoredDocumentError(
    table,
    rowId,
    field,
    `The saved ${table} row "${rowId}" is not valid: ${details}${more}. It was left unchanged on disk.`,
  );
}
