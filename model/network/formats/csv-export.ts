/**
 * The CSV files a network exports to: an edge list (`source,target[,weight][,type]`, with a `wave` column when
 * several waves go in one file) and a node table (`id`, then every attribute). They are the files the importer
 * reads back, quoted as RFC 4180 says (a cell with a comma, a quote or a line break in double quotes, a quote
 * doubled), lines ended by CRLF as the RFC asks and spreadsheets expect.
 */
import type { NetworkGraph } from '../graph';
import { attributeNames } from './graphml';

export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLines = (rows: readonly (readonly (string | number)[])[]): string =>
  `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** One wave's ties, or several waves' in one file with a `wave` column. */
export function edgeListCsv(
  waves: readonly { readonly wave: string; readonly graph: NetworkGraph }[],
): string {
  const withWave = waves.length > 1;
  const weighted = waves.some(({ graph }) => graph.weighted);
  const withType = waves.some(({ graph }) => graph.edges.some((edge) => edge.type !== undefined));
  const rows: (string | number)[][] = [
    [
      'source',
      'target',
      ...(weighted ? ['weight'] : []),
      ...(withWave ? ['wave'] : []),
      ...(withType ? ['type'] : []),
    ],
  ];
  for (const { wave, graph } of waves)
    for (const edge of graph.edges)
      rows.push([
        graph.nodes[edge.source]?.id ?? '',
        graph.nodes[edge.target]?.id ?? '',
        ...(weighted ? [edge.weight] : []),
        ...(withWave ? [wave] : []),
        ...(withType ? [edge.type ?? ''] : []),
      ]);
  return csvLines(rows);
}

/** The people: `id` and every attribute (blank where a person has none). */
export function nodeTableCsv(graph: NetworkGraph): string {
  const names = attributeNames(graph).filter((name) => name.toLowerCase() !== 'id');
  return csvLines([
    ['id', ...names],
    ...graph.nodes.map((node) => [node.id, ...names.map((name) => node.attributes[name] ?? '')]),
  ]);
}
