/**
 * Every elementary cycle of a directed graph, by Johnson's algorithm (D. B. Johnson 1975, "Finding all the
 * elementary circuits of a directed graph", SIAM J. Comput. 4(1):77-84): O((n + e)(c + 1)) time for c
 * cycles, so a cap on the count bounds the work. Models with many interlocking loops have far more cycles
 * than anyone can read (the paper on strongest-path discovery counts millions in mid-sized models), so the
 * enumeration stops at `limit` and says it did; the caller then discovers the loops that matter instead
 * (strongest-path.ts).
 */
import { stronglyConnectedComponents } from './components';

export interface CycleEnumeration {
  /** Each cycle as node indices, starting at its smallest index, in the order of the links. */
  readonly cycles: readonly (readonly number[])[];
  /** False when the graph has more cycles than the limit (the first `limit` are given). */
  readonly complete: boolean;
}

class LimitReached extends Error {}

export function elementaryCycles(
  count: number,
  successors: (node: number) => readonly number[],
  limit = Infinity,
): CycleEnumeration {
  const cycles: number[][] = [];
  const blocked = new Uint8Array(count);
  const blockedBy: Set<number>[] = Array.from({ length: count }, () => new Set<number>());
  const path: number[] = [];

  const unblock = (node: number): void => {
    // Iterative: unblocking can cascade along a long chain.
    const pending = [node];
    while (pending.length > 0) {
      const current = pending.pop() as number;
      if (blocked[current] === 0) continue;
      blocked[current] = 0;
      const waiting = blockedBy[current] as Set<number>;
      pending.push(...waiting);
      waiting.clear();
    }
  };

  let start = 0;
  while (start < count) {
    // The strongly connected component, in the subgraph of nodes >= start, holding the least node that is
    // on some cycle (a component of one node counts only with a link to itself).
    const from = start;
    const component = stronglyConnectedComponents(count, successors, (node) => node >= from);
    const sizes = new Map<number, number>();
    for (let node = from; node < count; node++) {
      const id = component[node] as number;
      sizes.set(id, (sizes.get(id) ?? 0) + 1);
    }
    let least = -1;
    for (let node = from; node < count && least < 0; node++) {
      const id = component[node] as number;
      if ((sizes.get(id) ?? 0) > 1 || successors(node).includes(node)) least = node;
    }
    if (least < 0) break;
    const inside = component[least] as number;
    const member = (node: number): boolean => node >= least && component[node] === inside;
    for (let node = least; node < count; node++) {
      if (!member(node)) continue;
      blocked[node] = 0;
      blockedBy[node]?.clear();
    }

    const circuit = (node: number): boolean => {
      let closed = false;
      path.push(node);
      blocked[node] = 1;
      for (const next of successors(node)) {
        if (!member(next)) continue;
        if (next === least) {
          // One more than the limit allows: the enumeration is not complete.
          if (cycles.length >= limit) throw new LimitReached();
          cycles.push([...path]);
          closed = true;
        } else if (blocked[next] === 0 && circuit(next)) {
          closed = true;
        }
      }
      if (closed) unblock(node);
      else for (const next of successors(node)) if (member(next)) blockedBy[next]?.add(node);
      path.pop();
      return closed;
    };

    try {
      circuit(least);
    } catch (error) {
      if (error instanceof LimitReached) return { cycles, complete: false };
      throw error;
    }
    start = least + 1;
  }
  return { cycles, complete: true };
}

/** A key naming a cycle whatever node it is read from (its rotation starting at the least node). */
export function cycleKey(cycle: readonly number[]): string {
  let least = 0;
  cycle.forEach((node, position) => {
    if (node < (cycle[least] as number)) least = position;
  });
  return [...cycle.slice(least), ...cycle.slice(0, least)].join(' ');
}
