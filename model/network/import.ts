/**
 * Turns the parsed rows of an edge list (`source,target[,weight][,wave|date][,type]`) and an optional node
 * table (`id`, then any attributes: name, team, role, tenure, ...) into a NetworkGraph, or into the list of
 * every problem found, each naming the file, the row and the column. Nothing is returned half-built: the
 * caller saves the whole graph or nothing.
 *
 * The CSV text itself is parsed by the caller (papaparse in the CLI and in the renderer): @types/papaparse
 * pulls Node's stream types in, which model/ must not see, and the rows are all this check needs.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
 */
import type { NetworkEdge, NetworkGraph, NetworkNode } from './graph';

/** A parsed CSV file: its records in order, the header first. */
export interface CsvTable {
  /** The name used in messages, e.g. `edges.csv`. */
  readonly fileName: string;
  readonly records: readonly (readonly string[])[];
}

/** How two rows for the same tie are combined; `error` (the default) refuses the file. */
export const DUPLICATE_RULES = ['sum', 'max', 'mean', 'first', 'error'] as const;
export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

export interface ImportOptions {
  readonly directed: boolean;
  /** What to do with a second row for the same tie (the same pair in either order when undirected). */
  readonly duplicates?: DuplicateRule;
  /** Keep only the rows of this wave (or date) when the edge list has a `wave` or `date` column. */
  readonly wave?: string;
}

export interface ImportProblem {
  readonly fileName: string;
  /** Spreadsheet row number (header = 1), or null for a problem with the whole file. */
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export type ImportResult =
  | { readonly ok: true; readonly graph: NetworkGraph; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** One line: `edges.csv row 7, column weight: "abc" is not a number`. */
export function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.row === null ? problem.fileName : `${problem.fileName} row ${problem.row}`,
    problem.column === null ? '' : `, column ${problem.column}`,
  ].join('');
  return `${where}: ${problem.message}`;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Header names compared trimmed and case-insensitively; a UTF-8 byte-order mark is dropped. */
function headerIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, column) => {
    const key = (column === 0 ? name.replace(/^\uFEFF/, '') : name).trim().toLowerCase();
    if (key !== '' && !index.has(key)) index.set(key, column);
  });
  return index;
}

const isBlank = (record: readonly string[]): boolean => record.every((cell) => cell.trim() === '');

interface TableRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The header and the non-blank data rows, or the problem that the file is empty. */
function splitTable(
  table: CsvTable,
  what: string,
  problems: ImportProblem[],
): { header: Map<string, number>; rows: TableRow[] } | undefined {
  const headerRecord = table.records[0];
  if (headerRecord === undefined || isBlank(headerRecord)) {
    problems.push({ fileName: table.fileName, row: null, column: null, message: `the file is empty` });
    return undefined;
  }
  const rows: TableRow[] = [];
  table.records.forEach((cells, index) => {
    if (index > 0 && !isBlank(cells)) rows.push({ row: index + 1, cells });
  });
  if (rows.length === 0) {
    problems.push({
      fileName: table.fileName,
      row: null,
      column: null,
      message: `the file has a header but no ${what}`,
    });
    return undefined;
  }
  return { header: headerIndex(headerRecord), rows };
}

const cell = (row: TableRow, column: number | undefined): string =>
  column === undefined ? '' : (row.cells[column] ?? '').trim();

/** Reads the node table: unique, non-empty ids in file order, every other column as an attribute. */
function readNodes(table: CsvTable, problems: ImportProblem[]): NetworkNode[] | undefined {
  const split = splitTable(table, 'people', problems);
  if (split === undefined) return undefined;
  const idColumn = split.header.get('id');
  if (idColumn === undefined) {
    problems.push({
      fileName: table.fileName,
      row: 1,
      column: null,
      message: 'no "id" column (the node table needs id, then any attributes such as name, team, role)',
    });
    return undefined;
  }
  const header = table.records[0] ?? [];
  const attributeColumns = header
    .map((name, column) => ({ name: name.replace(/^\uFEFF/, '').trim(), column }))
    .filter(({ name, column }) => column !== idColumn && name !== '');
  const firstRow = new Map<string, number>();
  const nodes: NetworkNode[] = [];
  for (const row of split.rows) {
    const id = cell(row, idColumn);
    if (id === '') {
      problems.push({ fileName: table.fileName, row: row.row, column: 'id', message: 'the id is empty' });
      continue;
    }
    const seen = firstRow.get(id);
    if (seen !== undefined) {
      problems.push({
        fileName: table.fileName,
        row: row.row,
        column: 'id',
        message: `"${id}" is listed twice (first at row ${seen})`,
      });
      continue;
    }
    firstRow.set(id, row.row);
    const attributes: Record<string, string> = {};
    for (const { name, column } of attributeColumns) attributes[name] = cell(row, column);
    nodes.push({ id, attributes });
  }
  return nodes;
}

/** A positive, finite decimal weight, or the reason it is not one. */
function parseWeight(text: string): number | string {
  if (text === '') return 'the weight is empty';
  if (!DECIMAL.test(text)) return `"${text}" is not a number`;
  const weight = Number(text);
  if (!Number.isFinite(weight)) return `"${text}" is too large`;
  if (weight < 0) return `${text} is negative: a weight is the strength of a tie (> 0)`;
  if (weight === 0) return 'the weight is 0: leave the row out when there is no tie';
  return weight;
}

/** The wave (or date) to keep, or the problem that the choice is missing or wrong. */
function chooseWave(
  edges: CsvTable,
  waveColumn: number | undefined,
  rows: readonly TableRow[],
  wanted: string | undefined,
  problems: ImportProblem[],
): string | undefined {
  if (waveColumn === undefined) {
    if (wanted !== undefined)
      problems.push({
        fileName: edges.fileName,
        row: 1,
        column: null,
        message: `a wave ("${wanted}") was asked for but the file has no wave or date column`,
      });
    return undefined;
  }
  const waves = [...new Set(rows.map((row) => cell(row, waveColumn)))];
  if (wanted !== undefined) {
    if (!waves.includes(wanted))
      problems.push({
        fileName: edges.fileName,
        row: null,
        column: null,
        message: `no row has wave "${wanted}"; the waves are ${waves.map((wave) => `"${wave}"`).join(', ')}`,
      });
    return wanted;
  }
  if (waves.length > 1)
    problems.push({
      fileName: edges.fileName,
      row: null,
      column: null,
      message: `the file holds ${waves.length} waves (${waves.map((wave) => `"${wave}"`).join(', ')}): choose one`,
    });
  return undefined;
}

interface Accumulating {
  source: number;
  target: number;
  weight: number;
  count: number;
  readonly row: number;
  readonly type: string | undefined;
}

/**
 * Validates the edge list (and the node table when given) and builds the graph. Every problem is reported,
 * not only the first, so a user can fix a file in one pass.
 */
export function importNetwork(
  edges: CsvTable,
  nodeTable: CsvTable | undefined,
  options: ImportOptions,
): ImportResult {
  const problems: ImportProblem[] = [];
  const rule = options.duplicates ?? 'error';
  const nodes = nodeTable === undefined ? [] : readNodes(nodeTable, problems);
  const split = splitTable(edges, 'edges', problems);
  if (split === undefined || nodes === undefined) return { ok: false, problems };

  const column = (name: string) => split.header.get(name);
  const sourceColumn = column('source');
  const targetColumn = column('target');
  const missing = [sourceColumn === undefined ? 'source' : '', targetColumn === undefined ? 'target' : ''];
  if (sourceColumn === undefined || targetColumn === undefined) {
    problems.push({
      fileName: edges.fileName,
      row: 1,
      column: null,
      message: `no ${missing.filter((name) => name !== '').join(' or ')} column (an edge list needs source,target and may have weight, wave or date, type)`,
    });
    return { ok: false, problems };
  }
  const weightColumn = column('weight');
  const waveName = column('wave') !== undefined ? 'wave' : 'date';
  const waveColumn = column(waveName);
  const typeColumn = column('type');
  const problemsBefore = problems.length;
  const wave = chooseWave(edges, waveColumn, split.rows, options.wave, problems);
  // Without a valid wave, rows of different waves would look like duplicates of each other.
  if (problems.length > problemsBefore) return { ok: false, problems };

  const index = new Map<string, number>(nodes.map((node, position) => [node.id, position]));
  const known = nodeTable !== undefined;
  const nodeOf = (id: string): number | undefined => {
    const found = index.get(id);
    if (found !== undefined || known) return found;
    nodes.push({ id, attributes: {} });
    index.set(id, nodes.length - 1);
    return nodes.length - 1;
  };

  const ties = new Map<string, Accumulating>();
  const merged: number[] = [];
  for (const row of split.rows) {
    if (wave !== undefined && cell(row, waveColumn) !== wave) continue;
    const problem = (columnName: string | null, message: string) =>
      problems.push({ fileName: edges.fileName, row: row.row, column: columnName, message });
    const sourceId = cell(row, sourceColumn);
    const targetId = cell(row, targetColumn);
    if (sourceId === '') problem('source', 'the source is empty');
    if (targetId === '') problem('target', 'the target is empty');
    if (sourceId === '' || targetId === '') continue;
    let weight = 1;
    if (weightColumn !== undefined) {
      const parsed = parseWeight(cell(row, weightColumn));
      if (typeof parsed === 'string') problem('weight', parsed);
      else weight = parsed;
    }
    if (sourceId === targetId) {
      problem('target', `"${sourceId}" -> "${targetId}" is a self-loop (a tie needs two people)`);
      continue;
    }
    const source = nodeOf(sourceId);
    const target = nodeOf(targetId);
    if (source === undefined) problem('source', `"${sourceId}" is not in ${nodeTable?.fileName ?? ''}`);
    if (target === undefined) problem('target', `"${targetId}" is not in ${nodeTable?.fileName ?? ''}`);
    if (source === undefined || target === undefined) continue;
    const key = options.directed || source < target ? `${source} ${target}` : `${target} ${source}`;
    const first = ties.get(key);
    if (first === undefined) {
      const type = typeColumn === undefined ? undefined : cell(row, typeColumn);
      ties.set(key, { source, target, weight, count: 1, row: row.row, type });
      continue;
    }
    if (rule === 'error') {
      const arrow = options.directed ? '->' : '--';
      problem(
        null,
        `duplicate edge "${sourceId}" ${arrow} "${targetId}" (first at row ${first.row}); choose a merge rule for duplicates: sum, max, mean or first`,
      );
      continue;
    }
    merged.push(row.row);
    first.count += 1;
    if (rule === 'sum' || rule === 'mean') first.weight += weight;
    else if (rule === 'max') first.weight = Math.max(first.weight, weight);
  }
  if (problems.length > 0) return { ok: false, problems };

  const graphEdges: NetworkEdge[] = [];
  for (const tie of ties.values()) {
    const weight = rule === 'mean' ? tie.weight / tie.count : tie.weight;
    graphEdges.push(
      tie.type === undefined || tie.type === ''
        ? { source: tie.source, target: tie.target, weight }
        : { source: tie.source, target: tie.target, weight, type: tie.type },
    );
  }
  const notes: string[] = [];
  if (merged.length > 0)
    notes.push(
      `${merged.length} duplicate edge row${merged.length === 1 ? '' : 's'} merged by ${rule} (row${merged.length === 1 ? '' : 's'} ${merged.slice(0, 10).join(', ')}${merged.length > 10 ? ', ...' : ''})`,
    );
  if (wave !== undefined) notes.push(`wave "${wave}" only`);
  return {
    ok: true,
    graph: { directed: options.directed, weighted: weightColumn !== undefined, nodes, edges: graphEdges },
    notes,
  };
}
