/**
 * The peer-tool reference graphs of test/fixtures/network (see SOURCE.md there): loaders for the graph,
 * the expected per-node columns and the expected whole-graph figures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { importNetwork, type CsvTable, type NetworkGraph } from '../../../model/network';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/network');

export const REFERENCE_GRAPHS = [
  { name: 'karate', directed: false },
  { name: 'florentine', directed: false },
  { name: 'empathy_toy_directed', directed: true },
] as const;
export type ReferenceName = (typeof REFERENCE_GRAPHS)[number]['name'] | 'random_directed_2000';

export function csvTable(folder: string, file: string): CsvTable {
  const text = readFileSync(resolve(FIXTURES, folder, file), 'utf8');
  return { fileName: file, records: Papa.parse<string[]>(text, { header: false }).data };
}

export function referenceGraph(name: ReferenceName, directed: boolean): NetworkGraph {
  const result = importNetwork(csvTable(name, 'edges.csv'), csvTable(name, 'nodes.csv'), { directed });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.graph;
}

/** The expected per-node columns by name, in node order; `nan` becomes NaN. */
export function expectedColumns(
  name: ReferenceName,
  file = 'expected_node_metrics.csv',
): Map<string, number[]> {
  const text = readFileSync(resolve(FIXTURES, name, file), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const columns = new Map<string, number[]>();
  for (const row of rows)
    for (const [column, value] of Object.entries(row)) {
      if (column === 'id') continue;
      const list = columns.get(column) ?? [];
      list.push(value === 'nan' ? Number.NaN : Number(value));
      columns.set(column, list);
    }
  return columns;
}

export function expectedIds(name: ReferenceName, file = 'expected_node_metrics.csv'): string[] {
  const text = readFileSync(resolve(FIXTURES, name, file), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map(
    (row) => row['id'] ?? '',
  );
}

export interface ExpectedGraph {
  readonly density: number;
  readonly reciprocity: number | null;
  readonly transitivity: number;
  readonly average_clustering: number;
  readonly louvain_unweighted: { readonly modularity: number; readonly n_communities: number };
  readonly louvain_weighted: { readonly modularity: number; readonly n_communities: number };
  readonly modularity_check: { readonly value: number; readonly value_weighted_same_partition: number };
  readonly isolates: readonly string[];
  readonly only_gives?: readonly string[];
  readonly only_receives?: readonly string[];
  readonly one_way_edges?: number;
}

export function expectedGraph(name: ReferenceName): ExpectedGraph {
  return JSON.parse(readFileSync(resolve(FIXTURES, name, 'expected_graph.json'), 'utf8')) as ExpectedGraph;
}

/** The largest |expected - actual|, with NaN matching NaN (and NaN against a number counting as Infinity). */
export function maxAbsoluteError(expected: readonly number[], actual: ArrayLike<number>): number {
  let max = 0;
  expected.forEach((value, index) => {
    const got = actual[index] as number;
    if (Number.isNaN(value) && Number.isNaN(got)) return;
    const error = Math.abs(value - got);
    max = Math.max(max, Number.isNaN(error) ? Number.POSITIVE_INFINITY : error);
  });
  return max;
}
