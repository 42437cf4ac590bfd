/**
 * Burt's structural-hole measures: constraint and effective size (R. S. Burt, Structural Holes: The Social
 * Structure of Competition, Harvard University Press, 1992, ch. 2, eqs. 2.1-2.4), exactly as networkx
 * 2.8.8 computes them (`algorithms/structuralholes.py`), which is what the reference holds. graphology
 * has neither, so they are written here over the mutual-tie rows (adjacency.ts `mutualTies`).
 *
 * With a(u, v) the mutual weight and p(u, v) = a(u, v) / sum over u's neighbours w of a(u, w):
 * - constraint c(v) = sum over neighbours j of (p(v, j) + sum over neighbours q of p(v, q) p(q, j))^2:
 *   high when v's contacts are tied to each other (little room to broker), low for a broker;
 * - effective size = sum over neighbours u of (1 - sum over neighbours w of p(v, w) m(u, w)), with
 *   m(u, w) = a(u, w) / max over u's neighbours x of a(u, x): the number of contacts minus their redundancy.
 *   networkx uses Borgatti's shortcut n - 2t/n (t = ties among the n contacts; S. P. Borgatti,
 *   "Structural holes: unpacking Burt's redundancy measures", Connections 20(1), 1997) for an undirected
 *   unweighted graph, and the general form otherwise; both are mirrored.
 * Both are undefined (NaN) for a node with no successor on a directed graph (no neighbour when undirected):
 * networkx tests `len(G[v]) == 0`, which on a directed graph looks at successors only.
 */
import type { Adjacency, CsrRows } from './adjacency';

function hasTies(adjacency: Adjacency, node: number): boolean {
  return (adjacency.out.start[node + 1] as number) > (adjacency.out.start[node] as number);
}

function rowTotals(mutual: CsrRows, order: number, combine: 'sum' | 'max'): Float64Array {
  const totals = new Float64Array(order);
  for (let node = 0; node < order; node++) {
    let total = 0;
    for (let edge = mutual.start[node] as number; edge < (mutual.start[node + 1] as number); edge++) {
      const weight = mutual.weight[edge] as number;
      total = combine === 'sum' ? total + weight : Math.max(total, weight);
    }
    totals[node] = total;
  }
  return totals;
}

/** Burt's constraint of every node, from the mutual-tie rows (weighted or not, as they were built). */
export function burtConstraint(adjacency: Adjacency, mutual: CsrRows): Float64Array {
  const n = adjacency.order;
  const totals = rowTotals(mutual, n, 'sum');
  const marker = new Int32Array(n).fill(-1);
  const direct = new Float64Array(n);
  const indirect = new Float64Array(n);
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (!hasTies(adjacency, v)) {
      result[v] = Number.NaN;
      continue;
    }
    const begin = mutual.start[v] as number;
    const end = mutual.start[v + 1] as number;
    const total = totals[v] as number;
    for (let edge = begin; edge < end; edge++) {
      const j = mutual.neighbour[edge] as number;
      marker[j] = v;
      direct[j] = (mutual.weight[edge] as number) / total;
      indirect[j] = 0;
    }
    // indirect(j) = sum over q of p(v, q) p(q, j), for the j that are v's neighbours.
    for (let edge = begin; edge < end; edge++) {
      const q = mutual.neighbour[edge] as number;
      const pvq = direct[q] as number;
      const qTotal = totals[q] as number;
      for (let inner = mutual.start[q] as number; inner < (mutual.start[q + 1] as number); inner++) {
        const j = mutual.neighbour[inner] as number;
        if (marker[j] === v)
          indirect[j] = (indirect[j] as number) + (pvq * (mutual.weight[inner] as number)) / qTotal;
      }
    }
    let constraint = 0;
    for (let edge = begin; edge < end; edge++) {
      const j = mutual.neighbour[edge] as number;
      const local = (direct[j] as number) + (indirect[j] as number);
      constraint += local * local;
    }
    result[v] = constraint;
  }
  return result;
}

/**
 * Burt's effective size of every node. `mutual` must be the unweighted mutual-tie rows for the reference's
 * (unweighted) figure; `borgattiShortcut` is networkx's choice for undirected unweighted graphs.
 */
export function effectiveSize(
  adjacency: Adjacency,
  mutual: CsrRows,
  borgattiShortcut: boolean,
): Float64Array {
  const n = adjacency.order;
  const totals = rowTotals(mutual, n, 'sum');
  const maxima = rowTotals(mutual, n, 'max');
  const marker = new Int32Array(n).fill(-1);
  const share = new Float64Array(n);
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (!hasTies(adjacency, v)) {
      result[v] = Number.NaN;
      continue;
    }
    const begin = mutual.start[v] as number;
    const end = mutual.start[v + 1] as number;
    for (let edge = begin; edge < end; edge++) {
      const w = mutual.neighbour[edge] as number;
      marker[w] = v;
      share[w] = (mutual.weight[edge] as number) / (totals[v] as number);
    }
    if (borgattiShortcut) {
      // t = ties among the contacts: each is seen from both ends.
      let seenTwice = 0;
      for (let edge = begin; edge < end; edge++) {
        const u = mutual.neighbour[edge] as number;
        for (let inner = mutual.start[u] as number; inner < (mutual.start[u + 1] as number); inner++)
          if (marker[mutual.neighbour[inner] as number] === v) seenTwice++;
      }
      const contacts = end - begin;
      result[v] = contacts - (2 * (seenTwice / 2)) / contacts;
      continue;
    }
    let size = 0;
    for (let edge = begin; edge < end; edge++) {
      const u = mutual.neighbour[edge] as number;
      let redundancy = 0;
      for (let inner = mutual.start[u] as number; inner < (mutual.start[u + 1] as number); inner++) {
        const w = mutual.neighbour[inner] as number;
        if (marker[w] === v)
          redundancy += ((share[w] as number) * (mutual.weight[inner] as number)) / (maxima[u] as number);
      }
      size += 1 - redundancy;
    }
    result[v] = size;
  }
  return result;
}
