/**
 * Seeded random graphs for property tests and the benchmark, made the way the reference's
 * random_directed_2000 was (bench/gen.py): uniform random ordered pairs without self-loops or duplicates,
 * integer weights 1..10.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { NetworkEdge, NetworkGraph } from '../../../model/network';

export function randomGraph(order: number, size: number, seed: number, directed = true): NetworkGraph {
  const generator = xoroshiro128plus(seed);
  const seen = new Set<number>();
  const edges: NetworkEdge[] = [];
  const limit = directed ? order * (order - 1) : (order * (order - 1)) / 2;
  while (edges.length < Math.min(size, limit)) {
    const source = uniformInt(generator, 0, order - 1);
    const target = uniformInt(generator, 0, order - 1);
    const key = directed
      ? source * order + target
      : Math.min(source, target) * order + Math.max(source, target);
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    edges.push({ source, target, weight: uniformInt(generator, 1, 10) });
  }
  return {
    directed,
    weighted: true,
    nodes: Array.from({ length: order }, (_, index) => ({ id: `n${index}`, attributes: {} })),
    edges,
  };
}
