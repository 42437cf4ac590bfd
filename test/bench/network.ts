/**
 * Network metric speed: the time of each metric on random_directed_2000 (the reference's benchmark graph,
 * 2,000 nodes, 20,000 edges) and on a 10,000-node, 100,000-edge graph made the same way (uniform random
 * ordered pairs, no self-loops or duplicates, integer weights 1..10; test/model/network/random-graph.ts).
 * The shortest-path passes (betweenness, closeness and harmonic together) run on 1 thread and on a pool of
 * 2 worker threads. The figure to beat is weighted betweenness (weights as distances, as igraph takes them)
 * on the 10,000-node graph: igraph's C code takes about 28 s of CPU on these machines, graphology about 75 s.
 * DESIGN.md's budget: 10,000 nodes / 100,000 edges in a few seconds, in a worker, with progress.
 */
import { performance } from 'node:perf_hooks';
import { workerThreadRunner, type WorkerThreadRunner } from '../../electron/cli/parallel-betweenness';
import {
  buildAdjacency,
  computeNetworkMetrics,
  inProcessRunner,
  pathLengths,
  shortestPathTask,
  sumShortestPaths,
  type NetworkGraph,
  type PathDistance,
  type ShortestPathRunner,
} from '../../model/network';
import { mutualTies } from '../../model/network/adjacency';
import { clusteringCoefficients, transitivity } from '../../model/network/clustering';
import { burtConstraint, effectiveSize } from '../../model/network/constraint';
import { degrees } from '../../model/network/degree';
import { toGraphology, undirectedView } from '../../model/network/graphology-view';
import { louvainCommunities } from '../../model/network/louvain';
import { pageRank } from '../../model/network/pagerank';
import { nodeReciprocity } from '../../model/network/reciprocity';
import { randomGraph } from '../model/network/random-graph';
import { referenceGraph } from '../model/network/reference-fixtures';
import type { Benchmark } from './main';

const seconds = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const PASSES: readonly { label: string; distance: PathDistance }[] = [
  { label: 'paths, hops (betweenness, closeness, harmonic)', distance: 'hops' },
  { label: 'paths, weights as distances (igraph weighted betweenness)', distance: 'weight' },
  {
    label: 'paths, distance = 1/weight (betweennessWeighted, closenessWeighted)',
    distance: 'inverse-weight',
  },
];

async function benchGraph(
  label: string,
  graph: NetworkGraph,
  pool: WorkerThreadRunner,
  print: (line: string) => void,
  singleThread: (distance: PathDistance) => boolean,
): Promise<void> {
  print(`${label}: ${graph.nodes.length} nodes, ${graph.edges.length} edges`);
  const line = (name: string, ms: number, extra = '') =>
    print(`  ${name.padEnd(72)} ${seconds(ms).padStart(10)}${extra}`);
  const adjacency = buildAdjacency(graph);
  line('adjacency (CSR)', await timed(() => buildAdjacency(graph)));
  for (const { label: pass, distance } of PASSES) {
    const task = shortestPathTask(adjacency, pathLengths(adjacency, distance));
    const run = (runner: ShortestPathRunner) => timed(() => sumShortestPaths(task, runner));
    const two = await run(pool);
    if (!singleThread(distance)) {
      line(pass, two, '  (2 threads)');
      continue;
    }
    const one = await run(inProcessRunner);
    line(pass, one, `  (1 thread); ${seconds(two)} on 2 threads, speed-up ${(one / two).toFixed(2)}`);
  }
  line('degree and strength', await timed(() => degrees(adjacency)));
  line(
    'clustering (Fagiolo) and transitivity',
    await timed(() => [clusteringCoefficients(adjacency), transitivity(adjacency)]),
  );
  line('reciprocity', await timed(() => nodeReciprocity(adjacency)));
  line('constraint (unweighted)', await timed(() => burtConstraint(adjacency, mutualTies(adjacency, true))));
  line('constraint (weighted)', await timed(() => burtConstraint(adjacency, mutualTies(adjacency, false))));
  line('effective size', await timed(() => effectiveSize(adjacency, mutualTies(adjacency, true), false)));
  line('graphology graph (built once for PageRank and eigenvector)', await timed(() => toGraphology(graph)));
  const view = toGraphology(graph);
  line('PageRank (unweighted)', await timed(() => pageRank(graph, false, view)));
  line('PageRank (weighted)', await timed(() => pageRank(graph, true, view)));
  line('eigenvector', 0, '  (n/a: directed graph)');
  line('undirected view for Louvain (reciprocal weights summed)', await timed(() => undirectedView(graph)));
  const undirected = undirectedView(graph);
  line(
    'Louvain (seeded, weighted)',
    await timed(() => louvainCommunities(graph, { seed: 1, view: undirected })),
  );
  line(
    'all metrics (computeNetworkMetrics, 2 threads)',
    await timed(() => computeNetworkMetrics(graph, { runner: pool })),
  );
}

export const networkBenchmark: Benchmark = {
  name: 'network metrics (model/network): wall time per metric',
  async run(print) {
    const pool = workerThreadRunner(2);
    try {
      // Warm the kernel's JIT in this thread before timing the in-process runs.
      const warm = referenceGraph('empathy_toy_directed', true);
      await computeNetworkMetrics(warm);
      await benchGraph(
        'random_directed_2000',
        referenceGraph('random_directed_2000', true),
        pool,
        print,
        () => true,
      );
      // On 10,000 nodes the single-thread runs take tens of seconds: only the one compared with igraph.
      await benchGraph(
        'random 10,000',
        randomGraph(10_000, 100_000, 10_000),
        pool,
        print,
        (distance) => distance === 'weight',
      );
      print(
        '  igraph 0.10.2 (C, 1 thread) weighted betweenness on 10,000 / 100,000: about 28 s CPU; graphology about 75 s',
      );
    } finally {
      await pool.close();
    }
  },
};
