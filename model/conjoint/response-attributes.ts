/**
 * Reading attribute columns of a response file: which columns are numeric, the order of categorical levels
 * (the study's when there is one, else R's factor order so results name the same reference level as R),
 * and problems that name the row and column.
 */
import {
  cellAt,
  columnIndex,
  isMissing,
  parseNumberCell,
  sortLevels,
  spreadsheetRow,
  type CellProblem,
  type DataTable,
} from '../stats/data-table';
import type { EstimationAttribute } from './coding';
import type { Study } from './study';

/** Problems are collected up to this many, so a file with a systematic error gives a readable list. */
export const MAX_PROBLEMS = 20;

export class ProblemList {
  readonly problems: CellProblem[] = [];
  total = 0;

  add(row: number | null, column: string | null, message: string): void {
    this.total++;
    if (this.problems.length >= MAX_PROBLEMS) return;
    const where = [row === null ? null : `row ${row}`, column === null ? null : `column "${column}"`]
      .filter((part) => part !== null)
      .join(', ');
    this.problems.push({ row, column, message: where === '' ? message : `${where}: ${message}` });
  }

  get empty(): boolean {
    return this.total === 0;
  }
}

/** A validator's answer: the data, or every problem found (up to MAX_PROBLEMS, with the total count). */
export type ImportResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly CellProblem[]; readonly totalProblems: number };

export function failed<T>(list: ProblemList): ImportResult<T> {
  return { ok: false, problems: list.problems, totalProblems: list.total };
}

/** Finds each named column, reporting the missing ones with the columns that do exist. */
export function requireColumns(
  table: DataTable,
  columns: readonly (readonly [role: string, name: string])[],
  list: ProblemList,
): number[] {
  return columns.map(([role, name]) => {
    const index = columnIndex(table, name);
    if (index < 0)
      list.add(
        null,
        name,
        `there is no ${role} column "${name}" (the columns are: ${table.columns.join(', ')})`,
      );
    return index;
  });
}

export interface AttributeColumnOptions {
  readonly attributes: readonly string[];
  /** Attributes whose values are numbers estimated with one linear coefficient (e.g. price). */
  readonly numeric?: readonly string[];
  /** The study: its level order and which attributes are numeric. */
  readonly study?: Study;
}

/**
 * Works out each attribute's kind and levels from the rows in `rowIndexes` and converts every cell: a level
 * index for a categorical attribute, the number for a numeric one. Returns the attributes and a function
 * giving the coded values of a row.
 */
export function readAttributeColumns(
  table: DataTable,
  options: AttributeColumnOptions,
  rowIndexes: readonly number[],
  list: ProblemList,
): { attributes: EstimationAttribute[]; values: Map<number, Float64Array> } | null {
  const numeric = new Set(options.numeric ?? []);
  for (const name of numeric)
    if (!options.attributes.includes(name))
      list.add(null, name, `"${name}" is listed as numeric but is not one of the attributes`);
  if (new Set(options.attributes).size !== options.attributes.length)
    list.add(null, null, 'an attribute is listed twice');
  if (options.attributes.length === 0) list.add(null, null, 'name at least one attribute column');
  const indexes = requireColumns(
    table,
    options.attributes.map((name) => ['attribute', name] as const),
    list,
  );
  if (!list.empty) return null;

  const attributes: EstimationAttribute[] = options.attributes.map((name, a) => {
    const index = indexes[a] as number;
    const studied = options.study?.attributes.find((attribute) => attribute.name === name);
    const isNumeric = numeric.has(name) || studied?.kind === 'numeric';
    if (isNumeric) {
      const values = new Set<number>(studied?.kind === 'numeric' ? studied.levels : []);
      for (const rowIndex of rowIndexes) {
        const value = parseNumberCell(cellAt(table.rows[rowIndex] as readonly string[], index));
        if (value !== undefined) values.add(value);
      }
      return { kind: 'numeric', name, values: [...values].sort((x, y) => x - y) };
    }
    const levels =
      studied !== undefined
        ? studied.levels.map(String)
        : sortLevels(
            rowIndexes
              .map((rowIndex) => cellAt(table.rows[rowIndex] as readonly string[], index).trim())
              .filter((cell) => !isMissing(cell)),
          );
    return { kind: 'categorical', name, levels };
  });

  attributes.forEach((attribute, a) => {
    if (attribute.kind === 'categorical' && attribute.levels.length < 2)
      list.add(
        null,
        attribute.name,
        `attribute "${attribute.name}" has only one level (${attribute.levels[0] ?? 'none'}); it cannot be estimated`,
      );
    if (attribute.kind === 'numeric' && attribute.values.length < 2 && list.empty && rowIndexes.length > 0) {
      // Reported per row below when the cells are not numbers; one distinct value is a design problem.
      const index = indexes[a] as number;
      const anyNumber = rowIndexes.some(
        (rowIndex) => parseNumberCell(cellAt(table.rows[rowIndex] as readonly string[], index)) !== undefined,
      );
      if (anyNumber)
        list.add(
          null,
          attribute.name,
          `numeric attribute "${attribute.name}" takes only one value; it cannot be estimated`,
        );
    }
  });

  const values = new Map<number, Float64Array>();
  for (const rowIndex of rowIndexes) {
    const row = table.rows[rowIndex] as readonly string[];
    const coded = new Float64Array(attributes.length);
    attributes.forEach((attribute, a) => {
      const cell = cellAt(row, indexes[a] as number).trim();
      if (isMissing(cell)) {
        list.add(spreadsheetRow(rowIndex), attribute.name, 'the value is missing');
        return;
      }
      if (attribute.kind === 'numeric') {
        const value = parseNumberCell(cell);
        if (value === undefined)
          list.add(
            spreadsheetRow(rowIndex),
            attribute.name,
            `"${cell}" is not a number (the attribute is numeric)`,
          );
        else coded[a] = value;
        return;
      }
      const level = attribute.levels.indexOf(cell);
      if (level < 0)
        list.add(
          spreadsheetRow(rowIndex),
          attribute.name,
          `"${cell}" is not a level of "${attribute.name}" (levels: ${attribute.levels.join(', ')})`,
        );
      else coded[a] = level;
    });
    values.set(rowIndex, coded);
  }
  return list.empty ? { attributes, values } : null;
}
