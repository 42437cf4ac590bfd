/**
 * Unweighted clustering, transitivity and average clustering, as networkx 2.8.8 computes them
 * (`algorithms/cluster.py`). graphology-metrics has none of these, so they are written here over the CSR
 * rows with a marker array per node (no sets, no allocation per node).
 *
 * - Undirected: c(v) = 2 T(v) / (k (k - 1)), T(v) the triangles through v (Watts & Strogatz 1998).
 * - Directed: Fagiolo's clustering for directed graphs (G. Fagiolo, "Clustering in complex directed
 *   networks", Phys. Rev. E 76, 026107, 2007, eq. 8 for all directed triangles):
 *   c(v) = T(v) / (2 (k_tot (k_tot - 1) - 2 k_bi)), counting T(v) as networkx's
 *   `_directed_triangles_and_degree_iter` does (each j among predecessors and successors, with repetition).
 * - Transitivity: 3 triangles / connected triples, from networkx's `_triangles_and_degree_iter`, which
 *   on a directed graph reads successors only (so it is the out-neighbourhood transitivity; the reference
 *   values were made that way).
 * - Average clustering: the mean of c(v) over every node, zeros included (networkx `count_zeros=True`).
 */
import type { Adjacency, CsrRows } from './adjacency';

/** Marks the row of `node` in `rows` with `stamp` in `marker`. */
function markRow(rows: CsrRows, node: number, marker: Int32Array, stamp: number): void {
  for (let edge = rows.start[node] as number; edge < (rows.start[node + 1] as number); edge++)
    marker[rows.neighbour[edge] as number] = stamp;
}

/** How many of `node`'s neighbours in `rows` carry `stamp` (self excluded). */
function countMarked(rows: CsrRows, node: number, marker: Int32Array, stamp: number): number {
  let count = 0;
  for (let edge = rows.start[node] as number; edge < (rows.start[node + 1] as number); edge++) {
    const other = rows.neighbour[edge] as number;
    if (other !== node && marker[other] === stamp) count++;
  }
  return count;
}

const rowLength = (rows: CsrRows, node: number): number =>
  (rows.start[node + 1] as number) - (rows.start[node] as number);

/** Per node: twice the triangles among `rows` neighbours (networkx's `ntriangles`) and the row length. */
function rowTriangles(
  adjacency: Adjacency,
  rows: CsrRows,
): { triangles: Float64Array; degree: Float64Array } {
  const n = adjacency.order;
  const marker = new Int32Array(n).fill(-1);
  const triangles = new Float64Array(n);
  const degree = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    markRow(rows, v, marker, v);
    let count = 0;
    for (let edge = rows.start[v] as number; edge < (rows.start[v + 1] as number); edge++)
      count += countMarked(rows, rows.neighbour[edge] as number, marker, v);
    triangles[v] = count;
    degree[v] = rowLength(rows, v);
  }
  return { triangles, degree };
}

function directedClustering(adjacency: Adjacency): Float64Array {
  const n = adjacency.order;
  const { in: predecessors, out: successors } = adjacency;
  const isPredecessor = new Int32Array(n).fill(-1);
  const isSuccessor = new Int32Array(n).fill(-1);
  const clustering = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    markRow(predecessors, i, isPredecessor, i);
    markRow(successors, i, isSuccessor, i);
    // For k in pred(j) and succ(j): |ipreds & jpreds| + |isuccs & jpreds| + |ipreds & jsuccs| + |isuccs & jsuccs|.
    const triangles = (j: number): number =>
      countMarked(predecessors, j, isPredecessor, i) +
      countMarked(predecessors, j, isSuccessor, i) +
      countMarked(successors, j, isPredecessor, i) +
      countMarked(successors, j, isSuccessor, i);
    let total = 0;
    for (const rows of [predecessors, successors])
      for (let edge = rows.start[i] as number; edge < (rows.start[i + 1] as number); edge++)
        total += triangles(rows.neighbour[edge] as number);
    const degreeTotal = rowLength(predecessors, i) + rowLength(successors, i);
    const bidirectional = countMarked(successors, i, isPredecessor, i);
    clustering[i] = total === 0 ? 0 : total / ((degreeTotal * (degreeTotal - 1) - 2 * bidirectional) * 2);
  }
  return clustering;
}

/** Local clustering of every node: Watts-Strogatz when undirected, Fagiolo's when directed. */
export function clusteringCoefficients(adjacency: Adjacency): Float64Array {
  if (adjacency.directed) return directedClustering(adjacency);
  const { triangles, degree } = rowTriangles(adjacency, adjacency.out);
  return triangles.map((t, v) => {
    const k = degree[v] as number;
    return t === 0 ? 0 : t / (k * (k - 1));
  });
}

/** networkx `transitivity`: sum of ntriangles over sum of k (k - 1), successors only when directed. */
export function transitivity(adjacency: Adjacency): number {
  const { triangles, degree } = rowTriangles(adjacency, adjacency.out);
  let triangleSum = 0;
  let tripleSum = 0;
  triangles.forEach((t, v) => {
    const k = degree[v] as number;
    triangleSum += t;
    tripleSum += k * (k - 1);
  });
  return triangleSum === 0 ? 0 : triangleSum / tripleSum;
}

export function averageClustering(clustering: Float64Array): number {
  if (clustering.length === 0) return 0;
  return clustering.reduce((total, value) => total + value, 0) / clustering.length;
}
