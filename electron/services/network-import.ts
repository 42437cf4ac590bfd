/**
 * Turns the files of a network import into waves ready to save, or refuses them with every problem found, each
 * naming the file, the row (the line, for GraphML and GEXF) and the column. CSV text is parsed here by
 * model/stats's reader (comma, semicolon or tab separated), as the CLI does; the checks are model/network's, shared with
 * the CLI, so a file refused here is refused there with the same words.
 */
import type { NetworkNode } from '../../model/network/graph';
import {
  importNetwork,
  type CsvTable,
  type DuplicateRule,
  type ImportProblem,
  type ImportResult,
} from '../../model/network/import';
import {
  describeFileProblem,
  importAdjacencyMatrix,
  isXmlFormat,
  readGexf,
  readGraphml,
  tiesOf,
  type NetworkImportFormat,
} from '../../model/network/formats';
import { parseCsv } from '../../model/stats';
import type { NetworkFile } from '../api/parts/network.contract';
import { OperationError } from '../api/result';
import type { WaveInput } from '../store/networks';

/** At most this many problems are spelled out in the refusal; the count of the rest follows. */
const PROBLEMS_SHOWN = 8;

export interface WaveFiles {
  readonly format: NetworkImportFormat;
  readonly edges: NetworkFile;
  readonly nodes?: NetworkFile | undefined;
  readonly wave?: string | undefined;
  readonly mergeRule: DuplicateRule;
}

export interface ImportedWaves {
  /** As the files say (GraphML, GEXF) or as asked (CSV, matrix). */
  readonly directed: boolean;
  readonly waves: readonly WaveInput[];
}

/** What an import into an existing network knows: its direction, and the people of its last wave. */
export interface ExistingNetwork {
  readonly directed: boolean;
  readonly lastWave: { readonly wave: string; readonly people: readonly NetworkNode[] };
}

function refuse(problems: readonly ImportProblem[], format: NetworkImportFormat, hint = ''): never {
  const unit = isXmlFormat(format) ? 'line' : 'row';
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((problem) => describeFileProblem(problem, unit));
  const more = problems.length - lines.length;
  if (more > 0) lines.push(`... and ${more} more problem${more === 1 ? '' : 's'}.`);
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  throw new OperationError(
    'invalid-input',
    `Nothing was imported: the files have ${count}.${hint}\n${lines.join('\n')}`,
  );
}

/** Parses CSV text; a malformed quote is a problem naming its row. */
export function parseNetworkCsv(file: NetworkFile): { table: CsvTable; problems: ImportProblem[] } {
  const { records, problems } = parseCsv(file.text);
  return {
    table: { fileName: file.fileName, records },
    problems: problems.map((problem) => ({
      fileName: file.fileName,
      row: problem.row,
      column: null,
      message: problem.message,
    })),
  };
}

/** The node table of the network's last wave, for a wave imported without one. */
function peopleTable(existing: ExistingNetwork): CsvTable {
  const { people, wave } = existing.lastWave;
  const names = [...new Set(people.flatMap((person) => Object.keys(person.attributes)))];
  return {
    fileName: `the people of wave "${wave}"`,
    records: [
      ['id', ...names],
      ...people.map((person) => [person.id, ...names.map((name) => person.attributes[name] ?? '')]),
    ],
  };
}

/** The waves of a CSV edge list with a wave or date column, in the order they first appear. */
function wavesInFile(table: CsvTable): { waves: string[]; problems: ImportProblem[] } {
  const header = (table.records[0] ?? []).map((cell, index) =>
    (index === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim().toLowerCase(),
  );
  const name = header.includes('wave') ? 'wave' : 'date';
  const column = header.indexOf(name);
  if (column < 0) return { waves: [], problems: [] };
  const waves: string[] = [];
  const problems: ImportProblem[] = [];
  table.records.forEach((record, index) => {
    if (index === 0 || record.every((cell) => cell.trim() === '')) return;
    const wave = (record[column] ?? '').trim();
    if (wave === '')
      problems.push({
        fileName: table.fileName,
        row: index + 1,
        column: name,
        message: `the ${name} is empty`,
      });
    else if (!waves.includes(wave)) waves.push(wave);
  });
  return { waves, problems };
}

const provenanceOf = (files: WaveFiles, notes: readonly string[]) => ({
  format: files.format,
  files: [files.edges.fileName, ...(files.nodes === undefined ? [] : [files.nodes.fileName])],
  mergeRule: files.mergeRule,
  notes: [...notes],
});

const waveOf = (label: string, result: ImportResult & { ok: true }, files: WaveFiles): WaveInput => ({
  wave: label,
  weighted: result.graph.weighted,
  people: result.graph.nodes,
  ties: tiesOf(result.graph),
  provenance: provenanceOf(files, result.notes),
});

/**
 * Reads the files into waves. `directed` is the user's choice (CSV, matrix); `existing` is the network a wave is
 * added to (its direction wins, and its last wave's people stand in for a missing node table). `defaultLabel`
 * names a wave the files and the user leave unnamed.
 */
export function readWaveFiles(
  files: WaveFiles,
  directed: boolean,
  existing: ExistingNetwork | undefined,
  defaultLabel: string,
): ImportedWaves {
  const { format } = files;
  const wantDirected = existing?.directed ?? directed;
  if (isXmlFormat(format)) {
    if (files.nodes !== undefined)
      throw new OperationError(
        'invalid-input',
        `A ${format === 'graphml' ? 'GraphML' : 'GEXF'} file carries its own people and their attributes: leave the node file out.`,
      );
    const read = format === 'graphml' ? readGraphml : readGexf;
    const result = read(files.edges.text, files.edges.fileName, { duplicates: files.mergeRule });
    if (!result.ok) refuse(result.problems, format);
    if (existing !== undefined && result.graph.directed !== existing.directed)
      throw new OperationError(
        'invalid-input',
        `Nothing was imported: ${files.edges.fileName} declares its ties ${result.graph.directed ? 'directed' : 'undirected'}, but this network's are ${existing.directed ? 'directed' : 'undirected'}; every wave of a network must be read the same way to compare them.`,
      );
    return { directed: result.graph.directed, waves: [waveOf(files.wave ?? defaultLabel, result, files)] };
  }

  const edges = parseNetworkCsv(files.edges);
  const nodes = files.nodes === undefined ? undefined : parseNetworkCsv(files.nodes);
  const parseProblems = [...edges.problems, ...(nodes?.problems ?? [])];
  if (parseProblems.length > 0) refuse(parseProblems, format);
  const nodeTable = nodes?.table ?? (existing === undefined ? undefined : peopleTable(existing));
  const hint =
    nodes === undefined && existing !== undefined
      ? ` Without a node file, a new wave has the people of wave "${existing.lastWave.wave}"; give a node file to add people.`
      : '';

  if (format === 'matrix') {
    const result = importAdjacencyMatrix(edges.table, nodeTable, {
      directed: wantDirected,
      duplicates: files.mergeRule,
    });
    if (!result.ok) refuse(result.problems, format, hint);
    return { directed: wantDirected, waves: [waveOf(files.wave ?? defaultLabel, result, files)] };
  }

  const inFile = wavesInFile(edges.table);
  if (inFile.problems.length > 0) refuse(inFile.problems, format);
  const labels =
    files.wave !== undefined ? [files.wave] : inFile.waves.length > 0 ? inFile.waves : [undefined];
  const waves: WaveInput[] = [];
  const problems: ImportProblem[] = [];
  for (const label of labels) {
    const wanted = inFile.waves.length > 0 ? label : undefined;
    const result = importNetwork(edges.table, nodeTable, {
      directed: wantDirected,
      duplicates: files.mergeRule,
      ...(wanted === undefined ? {} : { wave: wanted }),
    });
    if (result.ok) waves.push(waveOf(label ?? defaultLabel, result, files));
    else problems.push(...result.problems);
  }
  if (problems.length > 0) refuse(problems, format, hint);
  return { directed: wantDirected, waves };
}
