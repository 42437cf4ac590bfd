/**
 * Communities by the Louvain method (V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast
 * unfolding of communities in large networks", J. Stat. Mech. P10008, 2008) with
 * graphology-communities-louvain, seeded through pure-rand so the same seed gives the same communities on
 * every machine, and the modularity of a partition computed as networkx 2.8.8 does
 * (`community/quality.py`, `modularity`, undirected form: Newman 2006; with a resolution gamma,
 * Reichardt & Bornholdt 2006):
 *   Q = sum over communities c of  L_c / m - gamma * (D_c / 2m)^2,
 * L_c the weight of ties inside c, D_c the summed degree of c, m the total weight.
 * Communities of a directed graph are found on its undirected view with reciprocal weights summed (as the
 * reference did), so "who supports whom" groups people whatever the direction of their ties.
 */
import louvain from 'graphology-communities-louvain';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { NetworkGraph } from './graph';
import { undirectedView, type GraphologyView } from './graphology-view';

export interface LouvainOptions {
  readonly seed: number;
  /** gamma: above 1 favours smaller communities, below 1 larger ones. */
  readonly resolution?: number;
  /** Use tie strengths (default) or count every tie as 1. */
  readonly weighted?: boolean;
  /** The undirected view when the caller already built it (graphology-view.ts `undirectedView`). */
  readonly view?: GraphologyView;
}

export interface Communities {
  /** Community of each node, numbered 0, 1, ... in the order their first member appears. */
  readonly community: Int32Array;
  readonly count: number;
  /** Modularity of this partition (networkx's formula, on the undirected view, same weighting). */
  readonly modularity: number;
}

/** A random source for graphology from a seed (folded to 32 bits like the SD engine's streams). */
export function seededUnitRandom(seed: number): () => number {
  const generator = xoroshiro128plus(
    Number.isSafeInteger(seed) ? seed | 0 : Math.trunc(seed * 4294967296) | 0,
  );
  return () => uniformFloat64(generator);
}

/** Renumbers labels 0, 1, ... by first appearance in node order. */
function renumber(labels: ArrayLike<number>): { community: Int32Array; count: number } {
  const names = new Map<number, number>();
  const community = new Int32Array(labels.length);
  for (let node = 0; node < labels.length; node++) {
    const label = labels[node] as number;
    let name = names.get(label);
    if (name === undefined) {
      name = names.size;
      names.set(label, name);
    }
    community[node] = name;
  }
  return { community, count: names.size };
}

/**
 * networkx's modularity of `community` (a label per node) on the undirected view of the graph; `weighted`
 * false counts each connected pair once with weight 1, like networkx with `weight=None`.
 */
export function modularity(
  graph: NetworkGraph,
  community: ArrayLike<number>,
  options: { readonly weighted: boolean; readonly resolution?: number },
): number {
  const gamma = options.resolution ?? 1;
  const pairs = new Map<string, { u: number; v: number; weight: number }>();
  for (const edge of graph.edges) {
    const u = Math.min(edge.source, edge.target);
    const v = Math.max(edge.source, edge.target);
    const key = `${u} ${v}`;
    const pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, { u, v, weight: options.weighted ? edge.weight : 1 });
    else if (options.weighted) pair.weight += edge.weight;
  }
  const degree = new Float64Array(graph.nodes.length);
  const inside = new Map<number, number>();
  for (const { u, v, weight } of pairs.values()) {
    degree[u] = (degree[u] as number) + weight;
    degree[v] = (degree[v] as number) + weight;
    const cu = community[u] as number;
    if (cu === community[v]) inside.set(cu, (inside.get(cu) ?? 0) + weight);
  }
  const degreeSum = degree.reduce((total, value) => total + value, 0);
  if (degreeSum === 0) return Number.NaN;
  const m = degreeSum / 2;
  const norm = 1 / (degreeSum * degreeSum);
  const communityDegree = new Map<number, number>();
  for (let node = 0; node < degree.length; node++) {
    const label = community[node] as number;
    communityDegree.set(label, (communityDegree.get(label) ?? 0) + (degree[node] as number));
  }
  let q = 0;
  for (const [label, total] of communityDegree)
    q += (inside.get(label) ?? 0) / m - gamma * total * total * norm;
  return q;
}

/** Seeded Louvain communities and their modularity. */
export function louvainCommunities(graph: NetworkGraph, options: LouvainOptions): Communities {
  const weighted = options.weighted ?? true;
  const resolution = options.resolution ?? 1;
  const n = graph.nodes.length;
  if (graph.edges.length === 0) {
    const community = Int32Array.from({ length: n }, (_, node) => node);
    return { community, count: n, modularity: Number.NaN };
  }
  const mapping = louvain(options.view ?? undirectedView(graph), {
    getEdgeWeight: weighted ? 'weight' : null,
    resolution,
    rng: seededUnitRandom(options.seed),
  });
  const labels = graph.nodes.map((node) => mapping[node.id] ?? -1);
  const { community, count } = renumber(labels);
  return { community, count, modularity: modularity(graph, community, { weighted, resolution }) };
}
