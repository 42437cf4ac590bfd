/**
 * The GraphML and GEXF readers hand their <node> and <edge> elements here as rows, and the rows go through the
 * same check as a CSV edge list (../import.ts): unknown ids, non-numeric, zero or negative weights, self-loops
 * and duplicate edges under the chosen merge rule are refused or merged exactly as they are for CSV. The problems
 * come back naming the line of the element in the XML file instead of a row of a table.
 */
import {
  importNetwork,
  type CsvTable,
  type DuplicateRule,
  type ImportProblem,
  type ImportResult,
} from '../import';

export interface NodeElement {
  readonly line: number | null;
  readonly id: string;
  /** name, team, role, tenure, ... as text. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface EdgeElement {
  readonly line: number | null;
  readonly source: string;
  readonly target: string;
  /** The weight as written; undefined when the edge has none (it then weighs 1). */
  readonly weight: string | undefined;
  readonly type: string | undefined;
}

export interface ElementGraph {
  readonly fileName: string;
  readonly directed: boolean;
  readonly nodes: readonly NodeElement[];
  readonly edges: readonly EdgeElement[];
  /** Whether the file gives tie strengths (a weight key or attribute). */
  readonly weighted: boolean;
  readonly notes: readonly string[];
}

/** Rows renumbered to lines: `rows 3, 5` of the inner table become `lines 40, 52` of the file. */
function renumberNote(note: string, lineOfRow: (row: number) => number | null): string {
  return note.replace(/\(rows? ([\d, .]+)\)/, (_whole, rows: string) => {
    const lines = rows
      .split(',')
      .map((part) => part.trim())
      .map((part) => (/^\d+$/.test(part) ? String(lineOfRow(Number(part)) ?? '?') : part));
    return `(line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`;
  });
}

/** Turns the elements into a graph, or into problems naming the file and the line of each bad element. */
export function graphFromElements(elements: ElementGraph, duplicates: DuplicateRule): ImportResult {
  const { fileName, nodes, edges } = elements;
  if (nodes.length === 0 && edges.length === 0)
    return {
      ok: false,
      problems: [{ fileName, row: null, column: null, message: 'the graph has no nodes' }],
    };
  if (edges.length === 0)
    return {
      ok: false,
      problems: [
        { fileName, row: null, column: null, message: 'the graph has no edges (no tie between people)' },
      ],
    };

  const attributeNames = [...new Set(nodes.flatMap((node) => Object.keys(node.attributes)))].filter(
    (name) => name.toLowerCase() !== 'id',
  );
  // The inner tables' names only travel inside messages, which are renamed back to the file below.
  const nodeTableName = `${fileName}'s nodes`;
  const nodeTable: CsvTable = {
    fileName: nodeTableName,
    records: [
      ['id', ...attributeNames],
      ...nodes.map((node) => [node.id, ...attributeNames.map((name) => node.attributes[name] ?? '')]),
    ],
  };
  const withType = edges.some((edge) => edge.type !== undefined && edge.type !== '');
  const edgeTable: CsvTable = {
    fileName,
    records: [
      ['source', 'target', ...(elements.weighted ? ['weight'] : []), ...(withType ? ['type'] : [])],
      ...edges.map((edge) => [
        edge.source,
        edge.target,
        ...(elements.weighted ? [edge.weight ?? '1'] : []),
        ...(withType ? [edge.type ?? ''] : []),
      ]),
    ],
  };
  // Row r of a table is element r - 2 (the header is row 1).
  const lineOf = (list: readonly { readonly line: number | null }[]) => (row: number | null) =>
    row === null ? null : (list[row - 2]?.line ?? null);
  const result = importNetwork(edgeTable, nodes.length === 0 ? undefined : nodeTable, {
    directed: elements.directed,
    duplicates,
  });
  if (!result.ok) {
    const problems: ImportProblem[] = result.problems.map((problem) =>
      problem.fileName === nodeTableName
        ? { ...problem, fileName, row: lineOf(nodes)(problem.row) }
        : { ...problem, row: lineOf(edges)(problem.row) },
    );
    return { ok: false, problems };
  }
  return {
    ok: true,
    graph: result.graph,
    notes: [
      ...elements.notes,
      ...result.notes.map((note) => renumberNote(note, (row) => lineOf(edges)(row))),
    ],
  };
}
