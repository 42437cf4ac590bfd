/**
 * What an import would bring in, worked out in the page before anything is sent: the same readers the backend
 * runs (model/network: the edge-list and node-table checks, the survey matrix, GraphML, GEXF), so the preview's
 * people, ties, waves and teams, and its problems by file, row and column, are the ones the import will meet.
 * The backend checks again and saves every wave or none; this only lets the user see and fix a file first.
 *
 * CSV text is parsed with papaparse as the backend does (electron/services/network-import.ts): comma, semicolon
 * or tab, guessed.
 */
import Papa from 'papaparse';
import { nodeAttribute, type NetworkGraph } from '../../../../model/network/graph';
import {
  importNetwork,
  type CsvTable,
  type DuplicateRule,
  type ImportProblem,
  type ImportResult,
} from '../../../../model/network/import';
import {
  importAdjacencyMatrix,
  readGexf,
  readGraphml,
  type NetworkImportFormat,
} from '../../../../model/network/formats';
import type { NetworkDocument, NetworkFile } from '../../../../electron/api/contract';
import { privacyOf } from '../privacy/network-privacy';

export interface ImportChoice {
  readonly format: NetworkImportFormat;
  readonly edges: NetworkFile;
  readonly nodes?: NetworkFile | undefined;
  /** The user's choice (CSV, matrix); an existing network's own direction wins. */
  readonly directed: boolean;
  readonly mergeRule: DuplicateRule;
  /** The wave label the user typed, if any (a CSV with a wave column then keeps that wave only). */
  readonly wave?: string | undefined;
}

export interface WavePreview {
  /** The label the wave will get; undefined when the backend names it ("Wave n"). */
  readonly label: string | undefined;
  readonly people: number;
  readonly ties: number;
  readonly teams: readonly { readonly team: string; readonly people: number }[];
  readonly notes: readonly string[];
}

export type ImportPreview =
  | { readonly ok: true; readonly directed: boolean; readonly waves: readonly WavePreview[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** The import format a file name suggests (a CSV is an edge list until the user says it is a matrix). */
export function formatOfFileName(fileName: string): NetworkImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.graphml') || lower.endsWith('.xml')) return 'graphml';
  if (lower.endsWith('.gexf')) return 'gexf';
  return 'csv';
}

function parseCsv(file: NetworkFile): { table: CsvTable; problems: ImportProblem[] } {
  const parsed = Papa.parse<string[]>(file.text, { header: false, delimitersToGuess: [',', ';', '\t'] });
  const problems = parsed.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    .map((error) => ({
      fileName: file.fileName,
      row: error.row === undefined ? null : error.row + 1,
      column: null,
      message: error.message,
    }));
  return { table: { fileName: file.fileName, records: parsed.data }, problems };
}

/** Teams and their sizes, largest first (people without a team are not a team). */
export function teamsOf(graph: Pick<NetworkGraph, 'nodes'>): WavePreview['teams'] {
  const sizes = new Map<string, number>();
  for (const node of graph.nodes) {
    const team = nodeAttribute(node, 'team')?.trim() ?? '';
    if (team !== '') sizes.set(team, (sizes.get(team) ?? 0) + 1);
  }
  return [...sizes]
    .map(([team, people]) => ({ team, people }))
    .sort((a, b) => b.people - a.people || a.team.localeCompare(b.team));
}

const waveOf = (label: string | undefined, result: ImportResult & { ok: true }): WavePreview => ({
  label,
  people: result.graph.nodes.length,
  ties: result.graph.edges.length,
  teams: teamsOf(result.graph),
  notes: result.notes,
});

/**
 * The wave labels of an edge list with a wave or date column, in the order they first appear (the backend
 * imports each as a wave when the user names none).
 */
function wavesOfEdgeList(table: CsvTable): string[] {
  const header = (table.records[0] ?? []).map((cell) =>
    cell
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const column = header.includes('wave') ? header.indexOf('wave') : header.indexOf('date');
  if (column < 0) return [];
  const labels = table.records.slice(1).map((record) => (record[column] ?? '').trim());
  return [...new Set(labels.filter((label) => label !== ''))];
}

/** The people of a network's last wave as a node table: a wave added without a node file has them. */
function lastWavePeople(network: NetworkDocument): CsvTable | undefined {
  const last = network.waves.at(-1);
  if (last === undefined) return undefined;
  const names = [...new Set(last.people.flatMap((person) => Object.keys(person.attributes)))];
  return {
    fileName: `the people of wave "${last.wave}"`,
    records: [
      ['id', ...names],
      ...last.people.map((person) => [person.id, ...names.map((name) => person.attributes[name] ?? '')]),
    ],
  };
}

/** Reads the chosen files as the import will (see the top of this file). */
export function previewImport(choice: ImportChoice, existing?: NetworkDocument): ImportPreview {
  const { format, mergeRule } = choice;
  const directed = existing?.directed ?? choice.directed;
  const label = choice.wave?.trim() === '' ? undefined : choice.wave?.trim();
  if (format === 'graphml' || format === 'gexf') {
    const read = format === 'graphml' ? readGraphml : readGexf;
    const result = read(choice.edges.text, choice.edges.fileName, { duplicates: mergeRule });
    if (!result.ok) return result;
    if (existing !== undefined && result.graph.directed !== existing.directed)
      return {
        ok: false,
        problems: [
          {
            fileName: choice.edges.fileName,
            row: null,
            column: null,
            message: `the file declares its ties ${result.graph.directed ? 'directed' : 'undirected'}, but this network's are ${existing.directed ? 'directed' : 'undirected'}`,
          },
        ],
      };
    return { ok: true, directed: result.graph.directed, waves: [waveOf(label, result)] };
  }

  const edges = parseCsv(choice.edges);
  const nodes = choice.nodes === undefined ? undefined : parseCsv(choice.nodes);
  const parseProblems = [...edges.problems, ...(nodes?.problems ?? [])];
  if (parseProblems.length > 0) return { ok: false, problems: parseProblems };
  // A pseudonymized network's last wave holds pseudonyms while the new file holds real ids: the backend reads
  // such a file alone, pseudonymizes it and then gives it the last wave's people, so the preview reads it alone.
  const matchedLater = existing !== undefined && nodes === undefined && privacyOf(existing).pseudonymized;
  const nodeTable =
    nodes?.table ?? (existing === undefined || matchedLater ? undefined : lastWavePeople(existing));
  const standIn = (wave: WavePreview): WavePreview =>
    matchedLater
      ? {
          ...wave,
          notes: [
            ...wave.notes,
            `the people of wave “${existing.waves.at(-1)?.wave ?? ''}” stand in, matched by pseudonym on import`,
          ],
        }
      : wave;

  if (format === 'matrix') {
    const result = importAdjacencyMatrix(edges.table, nodeTable, { directed, duplicates: mergeRule });
    return result.ok ? { ok: true, directed, waves: [standIn(waveOf(label, result))] } : result;
  }

  const inFile = wavesOfEdgeList(edges.table);
  const labels: (string | undefined)[] =
    label !== undefined ? [label] : inFile.length > 0 ? inFile : [undefined];
  const waves: WavePreview[] = [];
  const problems: ImportProblem[] = [];
  for (const wave of labels) {
    const result = importNetwork(edges.table, nodeTable, {
      directed,
      duplicates: mergeRule,
      ...(wave === undefined || inFile.length === 0 ? {} : { wave }),
    });
    if (result.ok) waves.push(standIn(waveOf(wave, result)));
    else problems.push(...result.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, directed, waves };
}

/** A line of the backend's refusal, read back into file, row (or line) and column where it names them. */
export interface RefusalLine {
  readonly fileName: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

/**
 * The backend refuses an import with one message: a sentence, then one line per problem written as
 * `file row 7, column weight: message` (model/network/formats describeFileProblem). Each line becomes a row of
 * the problem list; a line that does not read so is kept whole.
 */
export function refusalLines(message: string): { summary: string; lines: RefusalLine[] } {
  const [summary = '', ...rest] = message.split('\n');
  const placed = /^(.+?) (?:row|line) (\d+)(?:, (?:column|attribute) ([^:]+))?: (.*)$/s;
  const lines = rest
    .filter((line) => line.trim() !== '')
    .map((line): RefusalLine => {
      const match = placed.exec(line);
      if (match === null) return { fileName: null, row: null, column: null, message: line };
      return {
        fileName: match[1] ?? null,
        row: Number(match[2]),
        column: match[3] ?? null,
        message: match[4] ?? '',
      };
    });
  return { summary, lines };
}
