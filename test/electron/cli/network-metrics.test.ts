/**
 * `network metrics`: end to end through `npx tsx electron/cli/main.ts` in a child process (exit codes 0, 1
 * and 2, JSON fields exactly as issue 6 lists them, CSV with one row per person, the worker-thread pool), and
 * in-process through runCli for the error messages. Expected numbers come from the networkx reference
 * (test/fixtures/network, see SOURCE.md).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedColumns, expectedGraph, maxAbsoluteError } from '../../model/network/reference-fixtures';
import { runCliCaptured, spawnCli } from './cli-support';

const TOY = 'test/fixtures/network/empathy_toy_directed';
const KARATE = 'test/fixtures/network/karate';
const RANDOM = 'test/fixtures/network/random_directed_2000';

const NODE_FIELDS = [
  'id',
  'inDegree',
  'outDegree',
  'inStrength',
  'outStrength',
  'degree',
  'strength',
  'betweenness',
  'betweennessWeighted',
  'closeness',
  'closenessWeighted',
  'harmonic',
  'eigenvector',
  'eigenvectorWeighted',
  'pagerank',
  'pagerankWeighted',
  'clustering',
  'reciprocity',
  'constraint',
  'constraintWeighted',
  'effectiveSize',
  'community',
];
const GRAPH_FIELDS = [
  'density',
  'reciprocity',
  'transitivity',
  'averageClustering',
  'modularity',
  'communities',
  'isolates',
  'onlyGives',
  'onlyReceives',
  'oneWayEdges',
];

interface Document {
  nodes: Record<string, string | number | null>[];
  graph: Record<string, unknown>;
}

// 2,000 people make about 1 MB of JSON, spawnSync's default limit.
const spawn = (args: string[]) => spawnCli(['network', 'metrics', ...args], { maxBuffer: 64 * 1024 * 1024 });

const cli = (argv: string[]) => runCliCaptured(['network', 'metrics', ...argv]);

function scratchFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'network-metrics-')), name);
  writeFileSync(path, text);
  return path;
}

const column = (document: Document, field: string) =>
  document.nodes.map((node) => node[field] as number | null);

describe('network metrics (end to end)', () => {
  it('exits 0 with the issue 6 JSON fields, in order, matching the reference', () => {
    const child = spawn(['--edges', `${TOY}/edges.csv`, '--nodes', `${TOY}/nodes.csv`]);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const document = JSON.parse(child.stdout) as Document;
    expect(Object.keys(document)).toEqual(['nodes', 'graph']);
    expect(document.nodes).toHaveLength(27);
    for (const node of document.nodes) expect(Object.keys(node)).toEqual(NODE_FIELDS);
    expect(Object.keys(document.graph)).toEqual(GRAPH_FIELDS);
    const expected = expectedColumns('empathy_toy_directed');
    const numbers = (field: string) => column(document, field).map((value) => value ?? Number.NaN);
    expect(
      maxAbsoluteError(expected.get('betweenness_w_inv') ?? [], numbers('betweennessWeighted')),
    ).toBeLessThanOrEqual(1e-9);
    expect(
      maxAbsoluteError(expected.get('closeness_w_inv') ?? [], numbers('closenessWeighted')),
    ).toBeLessThanOrEqual(1e-9);
    expect(
      maxAbsoluteError(expected.get('pagerank_w') ?? [], numbers('pagerankWeighted')),
    ).toBeLessThanOrEqual(1e-8);
    expect(maxAbsoluteError(expected.get('constraint') ?? [], numbers('constraint'))).toBeLessThanOrEqual(
      1e-9,
    );
    // Not applicable or undefined: null, never NaN or a made-up number.
    expect(new Set(column(document, 'eigenvector'))).toEqual(new Set([null]));
    expect(document.nodes.find((node) => node['id'] === 'p24')).toMatchObject({
      reciprocity: null,
      constraint: null,
    });
    const reference = expectedGraph('empathy_toy_directed');
    expect(document.graph).toMatchObject({
      isolates: ['p24'],
      onlyGives: ['p25'],
      onlyReceives: ['p26'],
      oneWayEdges: 70,
      communities: expect.any(Number) as number,
    });
    expect(document.graph['reciprocity']).toBeCloseTo(reference.reciprocity ?? 0, 12);
    expect(document.graph['modularity']).toBeGreaterThanOrEqual(reference.louvain_weighted.modularity * 0.99);
  });

  it('--undirected: in/out figures, reciprocity and the flow lists are null; eigenvector is filled', () => {
    const child = spawn(['--edges', `${KARATE}/edges.csv`, '--nodes', `${KARATE}/nodes.csv`, '--undirected']);
    expect(child.status).toBe(0);
    const document = JSON.parse(child.stdout) as Document;
    for (const field of ['inDegree', 'outDegree', 'inStrength', 'outStrength', 'reciprocity'])
      expect(new Set(column(document, field))).toEqual(new Set([null]));
    expect(document.graph).toMatchObject({
      reciprocity: null,
      onlyGives: null,
      onlyReceives: null,
      oneWayEdges: null,
    });
    const expected = expectedColumns('karate');
    const eigenvector = column(document, 'eigenvector').map((value) => value ?? Number.NaN);
    expect(maxAbsoluteError(expected.get('eigenvector') ?? [], eigenvector)).toBeLessThanOrEqual(1e-6);
  });

  it('--format csv writes one row per person under a header of the same names, null as an empty cell', () => {
    const child = spawn(['--edges', `${TOY}/edges.csv`, '--nodes', `${TOY}/nodes.csv`, '--format', 'csv']);
    expect(child.status).toBe(0);
    const lines = child.stdout.trim().split('\n');
    expect(lines[0]).toBe(NODE_FIELDS.join(','));
    expect(lines).toHaveLength(28);
    const p24 = lines.find((line) => line.startsWith('p24,'))?.split(',') ?? [];
    expect(p24).toHaveLength(NODE_FIELDS.length);
    expect(p24[NODE_FIELDS.indexOf('constraint')]).toBe('');
    expect(p24[NODE_FIELDS.indexOf('degree')]).toBe('0');
  });

  it('exits 1 with one line naming the file, row and column of bad input', () => {
    const edges = scratchFile('edges.csv', 'source,target,weight\na,b,1\nb,c,abc\n');
    const child = spawn(['--edges', edges]);
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.trim().split('\n')).toEqual([
      'empathy-workbench network metrics: edges.csv row 3, column weight: "abc" is not a number',
    ]);
  });

  it('exits 2 for bad usage', () => {
    const child = spawn(['--nodes', `${TOY}/nodes.csv`]);
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(
      /^empathy-workbench network metrics: give the edge list with --edges FILE\.csv\n/,
    );
  });

  it('gives the same bytes on 1 and 2 worker threads', () => {
    const one = spawn(['--edges', `${RANDOM}/edges.csv`, '--threads', '1']);
    const two = spawn(['--edges', `${RANDOM}/edges.csv`, '--threads', '2']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as Document).nodes).toHaveLength(2000);
  });
});

describe('network metrics (messages)', () => {
  it.each([
    [['--edges', 'nope.csv'], 1, /^empathy-workbench network metrics: cannot read nope\.csv: ENOENT/],
    [
      ['--edges', `${TOY}/edges.csv`, '--nodes', `${KARATE}/nodes.csv`],
      1,
      /edges\.csv row 2, column source: "p00" is not in nodes\.csv \(and \d+ more problems\)/,
    ],
    [
      ['--edges', `${TOY}/edges.csv`, '--directed', '--undirected'],
      2,
      /choose --directed or --undirected, not both/,
    ],
    [
      ['--edges', `${TOY}/edges.csv`, '--merge', 'median'],
      2,
      /--merge must be one of sum, max, mean, first, error \(got "median"\)/,
    ],
    [['--edges', `${TOY}/edges.csv`, '--format', 'xml'], 2, /--format must be one of json, csv/],
    [['--edges', `${TOY}/edges.csv`, '--threads', '0'], 2, /--threads must be a positive integer/],
    [['--edges', `${TOY}/edges.csv`, '--bogus'], 2, /Unknown option '--bogus'/],
    [['--edges', `${TOY}/edges.csv`, 'extra'], 2, /Unexpected argument 'extra'/],
  ] as const)('%j exits %i', async (argv, code, message) => {
    const result = await cli([...argv]);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('refuses duplicates by default and merges them with --merge, saying so on stderr', async () => {
    const edges = scratchFile('edges.csv', 'source,target,weight\na,b,1\nb,a,2\na,b,3\n');
    const refused = await cli(['--edges', edges]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      'empathy-workbench network metrics: edges.csv row 4: duplicate edge "a" -> "b" (first at row 2); choose a merge rule for duplicates: sum, max, mean or first\n',
    );
    const merged = await cli(['--edges', edges, '--merge', 'max']);
    expect(merged.code).toBe(0);
    expect(merged.err).toBe('note: 1 duplicate edge row merged by max (row 4)\n');
    const document = JSON.parse(merged.out) as Document;
    expect(document.nodes.map((node) => [node['id'], node['outStrength']])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('reads semicolon-separated files and names a malformed quote by row', async () => {
    const semicolons = scratchFile('edges.csv', 'source;target;weight\na;b;1\n');
    expect((await cli(['--edges', semicolons])).code).toBe(0);
    const quote = scratchFile('edges.csv', 'source,target\na,b\n"c,d\n');
    const result = await cli(['--edges', quote]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^empathy-workbench network metrics: edges\.csv row 3: /);
  });

  it('writes --out atomically and prints nothing on stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'network-out-')), 'metrics.json');
    const result = await cli(['--edges', `${TOY}/edges.csv`, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
  });
});
