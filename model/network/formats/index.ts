/**
 * The files a network comes from and goes to: CSV edge lists (../import.ts), survey adjacency matrices,
 * GraphML and GEXF, and CSV, GraphML and GEXF out. Every reader gives the same ImportResult: a whole graph, or
 * every problem found, each naming the file, the row (a line for XML files) and the column.
 */
import type { ImportProblem } from '../import';

export { importAdjacencyMatrix, type MatrixOptions } from './adjacency-matrix';
export { csvCell, edgeListCsv, nodeTableCsv } from './csv-export';
export { readGexf, writeGexf } from './gexf';
export { attributeNames, readGraphml, writeGraphml, type GraphFileOptions } from './graphml';
export { graphOfTies, tiesOf, type Tie, type WaveTies } from './ties';

/** The file kinds a network can be imported from. */
export const NETWORK_IMPORT_FORMATS = ['csv', 'matrix', 'graphml', 'gexf'] as const;
export type NetworkImportFormat = (typeof NETWORK_IMPORT_FORMATS)[number];

/** The file kinds a network can be exported to. */
export const NETWORK_EXPORT_FORMATS = ['csv', 'graphml', 'gexf'] as const;
export type NetworkExportFormat = (typeof NETWORK_EXPORT_FORMATS)[number];

/** Whether a format's problems are placed by line (XML) rather than by row (CSV). */
export const isXmlFormat = (format: NetworkImportFormat): boolean =>
  format === 'graphml' || format === 'gexf';

/**
 * One line naming where the problem is: `edges.csv row 7, column weight: ...` for a table,
 * `org.graphml line 40, attribute target: ...` for an XML file.
 */
export function describeFileProblem(problem: ImportProblem, unit: 'row' | 'line' = 'row'): string {
  const where = problem.row === null ? problem.fileName : `${problem.fileName} ${unit} ${problem.row}`;
  const column = unit === 'row' ? 'column' : 'attribute';
  return `${where}${problem.column === null ? '' : `, ${column} ${problem.column}`}: ${problem.message}`;
}
