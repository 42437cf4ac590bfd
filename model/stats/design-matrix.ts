/**
 * From a table and a list of predictors to the numbers OLS needs, named as R's `lm` names them:
 * `(Intercept)`, a numeric column by its name, and a categorical one by the term as written followed by the
 * level (`factor(cyl)6`, or `teamB` for a text column written bare). Categorical predictors are dummy coded
 * against a reference level, R's first level unless chosen (treatment contrasts, R's `contr.treatment`;
 * Chambers & Hastie 1992, "Statistical Models in S", section 2.3.2). Rows missing any used value are dropped,
 * as `na.omit` does by default in R.
 */
import {
  cellAt,
  columnIndex,
  isMissing,
  parseNumberCell,
  sortLevels,
  spreadsheetRow,
  type DataTable,
  type Result,
} from './data-table';

/** A predictor as written: `a` (numeric, or categorical if the column holds text) or `factor(c)`. */
export interface TermSpec {
  /** The term as written, which R uses as the prefix of a level's coefficient name. */
  readonly text: string;
  readonly column: string;
  readonly forcedFactor: boolean;
}

export interface DesignTerm {
  readonly text: string;
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
  /** For categorical terms: every level in R's order, and the one left out. */
  readonly levels: readonly string[];
  readonly reference: string | null;
  /** Indexes of this term's coefficients in `names`. */
  readonly coefficientIndexes: readonly number[];
}

export interface DesignMatrix {
  readonly names: readonly string[];
  /** Row-major n x k. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly k: number;
  readonly hasIntercept: boolean;
  readonly outcome: string;
  readonly terms: readonly DesignTerm[];
  /** Spreadsheet rows (header = 1) left out because a used value was missing. */
  readonly droppedRows: readonly number[];
}

export interface DesignOptions {
  readonly intercept?: boolean;
  /** Reference level per categorical column (default: R's first level). */
  readonly references?: Readonly<Record<string, string>>;
}

export const INTERCEPT_NAME = '(Intercept)';

export function parseTerm(text: string): Result<TermSpec> {
  const trimmed = text.trim();
  const factor = /^factor\(\s*(.+?)\s*\)$/.exec(trimmed);
  if (factor !== null)
    return { ok: true, value: { text: trimmed, column: factor[1] as string, forcedFactor: true } };
  if (trimmed === '' || /[()]/.test(trimmed))
    return { ok: false, error: `"${text}" is not a predictor: write a column name or factor(column)` };
  return { ok: true, value: { text: trimmed, column: trimmed, forcedFactor: false } };
}

export function buildDesignMatrix(
  table: DataTable,
  outcome: string,
  specs: readonly TermSpec[],
  options: DesignOptions = {},
): Result<DesignMatrix> {
  const hasIntercept = options.intercept ?? true;
  const references = options.references ?? {};
  const outcomeIndex = columnIndex(table, outcome);
  if (outcomeIndex < 0) return { ok: false, error: `no column "${outcome}" (the outcome) in the data` };
  const termIndexes: number[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const index = columnIndex(table, spec.column);
    if (index < 0)
      return { ok: false, error: `no column "${spec.column}" (predictor ${spec.text}) in the data` };
    if (spec.column === outcome)
      return { ok: false, error: `"${spec.column}" is the outcome and cannot be a predictor` };
    if (seen.has(spec.text)) return { ok: false, error: `predictor ${spec.text} is given twice` };
    seen.add(spec.text);
    termIndexes.push(index);
  }
  for (const column of Object.keys(references)) {
    if (!specs.some((spec) => spec.column === column))
      return { ok: false, error: `a reference level is given for "${column}", which is not a predictor` };
  }

  // Complete cases first: R drops a row missing any used value before it looks at the levels.
  const used: number[] = [];
  const droppedRows: number[] = [];
  table.rows.forEach((row, rowIndex) => {
    const indexes = [outcomeIndex, ...termIndexes];
    if (indexes.some((index) => isMissing(cellAt(row, index)))) droppedRows.push(spreadsheetRow(rowIndex));
    else used.push(rowIndex);
  });
  const n = used.length;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rowIndex = used[i] as number;
    const value = parseNumberCell(cellAt(table.rows[rowIndex] as readonly string[], outcomeIndex));
    if (value === undefined)
      return {
        ok: false,
        error: `row ${spreadsheetRow(rowIndex)}, column "${outcome}": "${cellAt(table.rows[rowIndex] as readonly string[], outcomeIndex)}" is not a number (the outcome must be numeric)`,
      };
    y[i] = value;
  }

  const names: string[] = hasIntercept ? [INTERCEPT_NAME] : [];
  const terms: DesignTerm[] = [];
  const columnsOf: ((rowIndex: number) => number[])[] = [];
  for (const [termNumber, spec] of specs.entries()) {
    const index = termIndexes[termNumber] as number;
    const cells = used.map((rowIndex) => cellAt(table.rows[rowIndex] as readonly string[], index).trim());
    const numeric = cells.map(parseNumberCell);
    const categorical = spec.forcedFactor || numeric.some((value) => value === undefined);
    if (!categorical) {
      terms.push({
        text: spec.text,
        column: spec.column,
        kind: 'numeric',
        levels: [],
        reference: null,
        coefficientIndexes: [names.length],
      });
      names.push(spec.text);
      columnsOf.push((i) => [numeric[i] as number]);
      if (references[spec.column] !== undefined)
        return {
          ok: false,
          error: `"${spec.column}" is numeric; write factor(${spec.column}) to give it a reference level`,
        };
      continue;
    }
    const levels = sortLevels(cells);
    if (levels.length < 2)
      return {
        ok: false,
        error: `${spec.text} has only one level ("${levels[0] ?? ''}") in the rows used; it cannot be a predictor`,
      };
    const reference = references[spec.column] ?? (levels[0] as string);
    if (!levels.includes(reference))
      return {
        ok: false,
        error: `reference level "${reference}" is not a level of ${spec.text} (levels: ${levels.join(', ')})`,
      };
    // An intercept-free model keeps every level of its first factor, as R does (the intercept is absorbed).
    const kept =
      !hasIntercept && !terms.some((term) => term.kind === 'categorical')
        ? levels
        : levels.filter((level) => level !== reference);
    const start = names.length;
    for (const level of kept) names.push(`${spec.text}${level}`);
    terms.push({
      text: spec.text,
      column: spec.column,
      kind: 'categorical',
      levels,
      reference: kept.length === levels.length ? null : reference,
      coefficientIndexes: kept.map((_, offset) => start + offset),
    });
    columnsOf.push((i) => kept.map((level) => (cells[i] === level ? 1 : 0)));
  }

  const k = names.length;
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let column = 0;
    if (hasIntercept) x[i * k + column++] = 1;
    for (const columns of columnsOf) for (const value of columns(i)) x[i * k + column++] = value;
  }
  return { ok: true, value: { names, x, y, n, k, hasIntercept, outcome, terms, droppedRows } };
}
