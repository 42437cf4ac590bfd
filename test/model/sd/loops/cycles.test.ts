/**
 * Johnson's enumeration on small graphs whose cycle counts are known in closed form, and Tarjan's components.
 * A complete directed graph on n nodes (no self-links) has Σ_{k=2..n} C(n, k)·(k − 1)! elementary cycles:
 * 5 for n = 3, 20 for n = 4, 84 for n = 5 (OEIS A002807).
 */
import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../../../../model/sd/loops/components';
import { cycleKey, elementaryCycles } from '../../../../model/sd/loops/cycles';

const complete = (n: number): number[][] =>
  Array.from({ length: n }, (_, from) =>
    Array.from({ length: n }, (_, to) => to).filter((to) => to !== from),
  );

const enumerate = (adjacency: readonly (readonly number[])[], limit?: number) =>
  elementaryCycles(adjacency.length, (node) => adjacency[node] ?? [], limit);

describe('elementary cycles (Johnson 1975)', () => {
  it.each([
    [3, 5],
    [4, 20],
    [5, 84],
  ])('finds all %i-node complete digraph cycles (%i)', (n, count) => {
    const { cycles, complete: done } = enumerate(complete(n));
    expect(done).toBe(true);
    expect(cycles).toHaveLength(count);
    // Each once: no two are rotations of each other.
    expect(new Set(cycles.map(cycleKey)).size).toBe(count);
    // And each is a cycle of the graph.
    for (const cycle of cycles) {
      cycle.forEach((node, position) => {
        const next = cycle[(position + 1) % cycle.length] as number;
        expect(complete(n)[node]).toContain(next);
      });
    }
  });

  it('finds none in a graph without cycles, and self-links as cycles of one', () => {
    expect(enumerate([[1, 2], [2], []]).cycles).toEqual([]);
    expect(enumerate([[0, 1], [1]]).cycles).toEqual([[0], [1]]);
  });

  it('finds cycles in separate components and through shared nodes', () => {
    // 0 ⇄ 1, and 2 → 3 → 4 → 2 with a chord 3 → 2.
    const { cycles } = enumerate([[1], [0], [3], [4, 2], [2]]);
    expect(cycles.map(cycleKey).sort()).toEqual(['0 1', '2 3', '2 3 4']);
  });

  it('stops at the limit and says so', () => {
    const stopped = enumerate(complete(5), 10);
    expect(stopped.complete).toBe(false);
    expect(stopped.cycles).toHaveLength(10);
    expect(enumerate(complete(5), 84).complete).toBe(true);
  });

  it('names a cycle the same from any node', () => {
    expect(cycleKey([3, 1, 2])).toBe(cycleKey([1, 2, 3]));
    expect(cycleKey([2, 1, 3])).not.toBe(cycleKey([1, 2, 3]));
  });
});

describe('strongly connected components (Tarjan 1972)', () => {
  it('groups nodes that reach each other', () => {
    const adjacency = [[1], [2], [0, 3], [4], [3], []];
    const component = stronglyConnectedComponents(adjacency.length, (node) => adjacency[node] ?? []);
    expect(component[0]).toBe(component[1]);
    expect(component[1]).toBe(component[2]);
    expect(component[3]).toBe(component[4]);
    expect(component[0]).not.toBe(component[3]);
    expect(new Set(component).size).toBe(3);
  });

  it('handles a chain far longer than the call stack would allow recursively', () => {
    const n = 200_000;
    const component = stronglyConnectedComponents(n, (node) => (node + 1 < n ? [node + 1] : [0]));
    expect(new Set(component).size).toBe(1);
  });
});
