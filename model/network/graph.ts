/**
 * The organizational network the metrics work on: people (nodes, with the attributes of the node table such
 * as name, team, role, tenure) and who gives empathy or support to whom (edges, with a positive weight: the
 * strength of the tie). Edges refer to nodes by index, so every metric can run on typed arrays.
 */

export interface NetworkNode {
  /** The id as written in the files (`p07`, `Medici`). */
  readonly id: string;
  /** Every other column of the node table, as text (`team`, `role`, `tenure`, ...). */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface NetworkEdge {
  /** Index into `nodes` of the person who gives. */
  readonly source: number;
  /** Index into `nodes` of the person who receives. */
  readonly target: number;
  /** Strength of the tie, finite and > 0 (1 when the edge list has no weight column). */
  readonly weight: number;
  /** The `type` column (advice, support, ...), when the edge list has one. */
  readonly type?: string;
}

export interface NetworkGraph {
  /** Directed: `source` gives to `target`. Undirected: a mutual tie, stored once. */
  readonly directed: boolean;
  /** False when the edge list had no weight column (every weight is then 1). */
  readonly weighted: boolean;
  readonly nodes: readonly NetworkNode[];
  /** No self-loops and at most one edge per ordered pair (per unordered pair when undirected). */
  readonly edges: readonly NetworkEdge[];
}

/** The attribute value of a node, looked up case-insensitively (`Team`, `team`), or undefined. */
export function nodeAttribute(node: NetworkNode, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(node.attributes)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
