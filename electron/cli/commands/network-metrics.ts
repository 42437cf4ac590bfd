/**
 * `network metrics --edges EDGES.csv [--nodes NODES.csv]`: every network metric of model/network for each
 * person, and the whole-graph figures, as JSON `{ "nodes": [...], "graph": {...} }` or as CSV with one row
 * per person. Field names, order and conventions are those of issue 6 (networkx's, see model/network);
 * a figure that does not apply or is undefined is null in JSON and an empty cell in CSV.
 *
 * The CSV files are parsed here by model/stats's CSV reader and checked by the model's importNetwork, which names the
 * file, row and column of every problem; the CLI prints the first one on one line (exit 1).
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  DEFAULT_LOUVAIN_SEED,
  DUPLICATE_RULES,
  NODE_METRIC_NAMES,
  computeNetworkMetrics,
  describeProblem,
  importNetwork,
  type CsvTable,
  type DuplicateRule,
  type NetworkGraph,
  type NetworkMetrics,
} from '../../../model/network';
import {
  InputError,
  UsageError,
  parseCommandArgs,
  parseFormat,
  parseNumberFlag,
  parsePositiveIntFlag,
  type CliCommand,
  type CliIO,
} from '../command';
import { parseCsv } from '../../../model/stats';
import { csvRow, writeResult } from '../output';
import { defaultThreadCount, workerThreadRunner } from '../parallel-betweenness';

/** Below this many people, starting worker threads costs more than it saves. */
const PARALLEL_FROM_NODES = 1000;

/** Reads and parses a CSV file (comma, semicolon or tab separated); a malformed quote names its row. */
export function readCsvTable(path: string, io: CliIO): CsvTable {
  const fileName = basename(path);
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { records, problems } = parseCsv(text);
  const problem = problems[0];
  if (problem !== undefined) throw new InputError(`${fileName} row ${problem.row}: ${problem.message}`);
  return { fileName, records };
}

const nullable = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : value;

/** The JSON document: field names and order exactly as issue 6 lists them. */
export function metricsDocument(graph: NetworkGraph, metrics: NetworkMetrics) {
  const nodes = metrics.ids.map((id, node) => {
    const row: Record<string, string | number | null> = { id };
    for (const name of NODE_METRIC_NAMES) row[name] = nullable(metrics.node[name][node]);
    row['community'] = metrics.community[node] ?? null;
    return row;
  });
  const { graph: summary } = metrics;
  const directedOnly = <T>(value: T): T | null => (graph.directed ? value : null);
  return {
    nodes,
    graph: {
      density: nullable(summary.density),
      reciprocity: nullable(summary.reciprocity),
      transitivity: nullable(summary.transitivity),
      averageClustering: nullable(summary.averageClustering),
      modularity: nullable(summary.modularity),
      communities: summary.communities,
      isolates: summary.isolates,
      onlyGives: directedOnly(summary.onlyGives),
      onlyReceives: directedOnly(summary.onlyReceives),
      oneWayEdges: nullable(summary.oneWayEdges),
    },
  };
}

export function metricsCsv(metrics: NetworkMetrics): string {
  const lines = [csvRow(['id', ...NODE_METRIC_NAMES, 'community'])];
  metrics.ids.forEach((id, node) => {
    lines.push(
      csvRow([
        id,
        ...NODE_METRIC_NAMES.map((name) => nullable(metrics.node[name][node])),
        metrics.community[node],
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}

/**
 * A percentage on one terminal line while a large graph is computed (only when stderr is a terminal, so
 * scripts and logs get no progress noise), at most once a percent.
 */
function progressLine(io: CliIO): ((fraction: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let shown = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent === shown) return;
    shown = percent;
    io.stderr(`\rnetwork metrics: ${percent}%`);
  };
}

function parseDuplicateRule(value: string | undefined): DuplicateRule {
  if (value === undefined) return 'error';
  if ((DUPLICATE_RULES as readonly string[]).includes(value)) return value as DuplicateRule;
  throw new UsageError(`--merge must be one of ${DUPLICATE_RULES.join(', ')} (got "${value}")`);
}

const USAGE = `network metrics --edges EDGES.csv [--nodes NODES.csv] [--directed|--undirected] [--seed S] [--format json|csv] [--out FILE]

Computes every network metric for each person and for the whole graph.
  --edges       edge list: source,target and optionally weight (the strength of the tie, > 0),
                wave or date, type; comma, semicolon or tab separated
  --nodes       node table: id, then any attributes (name, team, role, tenure, ...); with it, an edge
                naming someone not in the table is an error, and people without ties are kept
  --directed    source gives to target (default); --undirected: every tie is mutual
  --merge       what to do with two rows for the same tie: sum, max, mean, first, or error (default)
  --wave        keep only the rows of this wave or date (required when the file holds several)
  --seed        seed of the Louvain communities (default ${DEFAULT_LOUVAIN_SEED})
  --resolution  Louvain resolution (default 1; above 1 gives smaller communities)
  --team        the node attribute naming teams, for cross-team paths (default team)
  --threads     worker threads for betweenness and closeness (default: every core for 1,000+ people)
  --format      json (default): { "nodes": [...], "graph": {...} }; csv: one row per person
  --out         write to FILE instead of standard output
Conventions (networkx's): betweenness normalized by (n-1)(n-2); weighted paths use distance = 1/weight;
closeness is Wasserman-Faust on incoming distances; eigenvector only for undirected graphs; PageRank
alpha 0.85; clustering unweighted (Fagiolo's when directed); Burt's constraint and effective size.
A figure that does not apply is null (JSON) or empty (CSV).`;

export const networkMetricsCommand: CliCommand = {
  name: 'network metrics',
  summary: 'compute network metrics (centralities, communities, constraint) from an edge list CSV',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        edges: { type: 'string' },
        nodes: { type: 'string' },
        directed: { type: 'boolean' },
        undirected: { type: 'boolean' },
        merge: { type: 'string' },
        wave: { type: 'string' },
        seed: { type: 'string' },
        resolution: { type: 'string' },
        team: { type: 'string' },
        threads: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (values.edges === undefined) throw new UsageError('give the edge list with --edges FILE.csv');
    if (values.directed === true && values.undirected === true)
      throw new UsageError('choose --directed or --undirected, not both');
    const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
    const duplicates = parseDuplicateRule(values.merge);
    const seed = values.seed === undefined ? DEFAULT_LOUVAIN_SEED : parseNumberFlag('--seed', values.seed);
    const resolution =
      values.resolution === undefined ? 1 : parseNumberFlag('--resolution', values.resolution);
    if (!(resolution > 0)) throw new UsageError(`--resolution must be above 0 (got "${values.resolution}")`);
    const threads =
      values.threads === undefined ? undefined : parsePositiveIntFlag('--threads', values.threads);

    const edges = readCsvTable(values.edges, io);
    const nodes = values.nodes === undefined ? undefined : readCsvTable(values.nodes, io);
    const imported = importNetwork(edges, nodes, {
      directed: values.undirected !== true,
      duplicates,
      ...(values.wave === undefined ? {} : { wave: values.wave }),
    });
    if (!imported.ok) {
      const [first, ...rest] = imported.problems;
      const more =
        rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
      throw new InputError(`${first === undefined ? 'cannot import' : describeProblem(first)}${more}`);
    }
    for (const note of imported.notes) io.stderr(`note: ${note}\n`);

    const { graph } = imported;
    const threadCount = threads ?? (graph.nodes.length >= PARALLEL_FROM_NODES ? defaultThreadCount() : 1);
    const pool = threadCount > 1 ? workerThreadRunner(threadCount) : undefined;
    let metrics: NetworkMetrics;
    try {
      metrics = await computeNetworkMetrics(
        graph,
        {
          seed,
          resolution,
          ...(values.team === undefined ? {} : { teamAttribute: values.team }),
          ...(pool === undefined ? {} : { runner: pool }),
        },
        progressLine(io),
      );
    } finally {
      await pool?.close();
      if (process.stderr.isTTY) io.stderr('\r\x1b[K');
    }
    if (!metrics.exactWeightedPaths)
      io.stderr(
        'note: weights have too many digits for exact 1/weight path lengths; ties use a 1e-10 relative tolerance\n',
      );
    const text = format === 'csv' ? metricsCsv(metrics) : JSON.stringify(metricsDocument(graph, metrics));
    writeResult(io, text, values.out);
  },
};
