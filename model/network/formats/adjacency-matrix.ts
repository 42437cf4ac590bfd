/**
 * A survey adjacency matrix as a CSV table: the header row lists the people (its first cell is a label such as
 * "id", or blank), the first column lists them again, and the cell in row i, column j is how much support i
 * gives to j (networkx's from_pandas_adjacency reads a matrix the same way: rows are sources). A blank cell or 0
 * means no tie. The matrix becomes edge rows that pass the same checks as a CSV edge list (../import.ts), so a
 * node table, merge rules and every message behave alike; the problems found here name the matrix's own row
 * and the column by the person heading it.
 *
 * Undirected: a tie is one pair, so cell (i, j) and cell (j, i) must say the same (or one of them be blank);
 * a matrix that differs across the diagonal is refused with both cells named, rather than halved or summed.
 */
import {
  importNetwork,
  type CsvTable,
  type DuplicateRule,
  type ImportProblem,
  type ImportResult,
} from '../import';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface MatrixRow {
  readonly row: number;
  readonly id: string;
  readonly cells: readonly string[];
}

/** The cell as a weight: null for no tie, a number, or the reason it is neither. */
function readCell(text: string): number | null | string {
  if (text === '') return null;
  if (!DECIMAL.test(text)) return `"${text}" is not a number`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `"${text}" is too large`;
  if (value < 0) return `${text} is negative: a cell is the strength of a tie (> 0), blank or 0 for none`;
  return value === 0 ? null : value;
}

export interface MatrixOptions {
  readonly directed: boolean;
  readonly duplicates?: DuplicateRule;
}

/**
 * Reads the matrix (and the node table when given) into a network, or into every problem found, each naming
 * the file, the row and the column (by the person at its head).
 */
export function importAdjacencyMatrix(
  matrix: CsvTable,
  nodeTable: CsvTable | undefined,
  options: MatrixOptions,
): ImportResult {
  const { fileName } = matrix;
  const problems: ImportProblem[] = [];
  const problem = (row: number | null, column: string | null, message: string) =>
    problems.push({ fileName, row, column, message });
  const header = (matrix.records[0] ?? []).map((cell, index) =>
    (index === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim(),
  );
  const columnIds = header.slice(1);
  while (columnIds.length > 0 && columnIds.at(-1) === '') columnIds.pop();
  if (columnIds.length === 0) {
    problem(null, null, 'the file is empty (a matrix needs a header row of ids)');
    return { ok: false, problems };
  }

  const seenColumns = new Map<string, number>();
  columnIds.forEach((id, index) => {
    if (id === '') problem(1, `column ${index + 2}`, 'the header names no one here');
    else if (seenColumns.has(id)) problem(1, id, `"${id}" heads two columns`);
    else seenColumns.set(id, index);
  });
  const rows: MatrixRow[] = [];
  const seenRows = new Map<string, number>();
  matrix.records.forEach((record, index) => {
    if (index === 0 || record.every((cell) => cell.trim() === '')) return;
    const row = index + 1;
    const id = (record[0] ?? '').trim();
    const cells = record.slice(1).map((cell) => cell.trim());
    if (id === '') problem(row, 'id', 'the first cell names no one');
    else if (seenRows.has(id))
      problem(row, 'id', `"${id}" heads two rows (first at row ${seenRows.get(id)})`);
    else seenRows.set(id, row);
    if (cells.length > columnIds.length && cells.slice(columnIds.length).some((cell) => cell !== ''))
      problem(
        row,
        null,
        `the row has ${cells.length} cells after the id, the header ${columnIds.length} people`,
      );
    rows.push({ row, id, cells });
  });
  if (rows.length === 0) problem(null, null, 'the matrix has a header but no rows');
  for (const id of seenColumns.keys())
    if (!seenRows.has(id))
      problem(1, id, `"${id}" heads a column but no row: a matrix lists the same people down and across`);
  for (const [id, row] of seenRows)
    if (!seenColumns.has(id))
      problem(row, 'id', `"${id}" heads a row but no column: a matrix lists the same people down and across`);
  if (problems.length > 0) return { ok: false, problems };

  const value = new Map<string, { weight: number; row: number }>();
  for (const { row, id, cells } of rows)
    columnIds.forEach((target, column) => {
      const read = readCell(cells[column] ?? '');
      if (typeof read === 'string') problem(row, target, read);
      else if (read !== null && target === id)
        problem(
          row,
          target,
          `${cells[column] ?? ''} on the diagonal is a self-loop (a tie needs two people); leave it blank`,
        );
      else if (read !== null) value.set(`${id}\u0000${target}`, { weight: read, row });
    });

  // Edge rows for the CSV check; origin[r] is the matrix cell behind edge row r (the header is row 1).
  const records: string[][] = [['source', 'target', 'weight']];
  const origin: { row: number; column: string }[] = [];
  const add = (source: string, target: string, weight: number, row: number) => {
    records.push([source, target, String(weight)]);
    origin[records.length] = { row, column: target };
  };
  for (const [key, { weight, row }] of value) {
    const [source = '', target = ''] = key.split('\u0000');
    if (options.directed) add(source, target, weight, row);
    else {
      const mirror = value.get(`${target}\u0000${source}`);
      if (mirror === undefined || source < target) {
        if (mirror !== undefined && mirror.weight !== weight)
          problem(
            row,
            target,
            `the matrix is not symmetric: ${source} -> ${target} is ${weight} but ${target} -> ${source} (row ${mirror.row}) is ${mirror.weight}; import it as directed, or make the two cells equal`,
          );
        else add(source, target, weight, row);
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (records.length === 1) {
    problem(null, null, 'every cell is blank or 0: the matrix records no tie');
    return { ok: false, problems };
  }

  // With no node table, the matrix's people are the node table (so people without ties are kept).
  const people: CsvTable = nodeTable ?? { fileName, records: [['id'], ...rows.map(({ id }) => [id])] };
  const result = importNetwork({ fileName, records }, people, {
    directed: options.directed,
    duplicates: options.duplicates ?? 'error',
  });
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((found) => {
      if (found.fileName !== fileName || found.row === null) return found;
      const cell = origin[found.row];
      return cell === undefined
        ? found
        : { ...found, row: cell.row, column: found.column === 'source' ? 'id' : cell.column };
    }),
  };
}
