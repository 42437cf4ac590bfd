import type { NetworkGraph } from '../../../../model/network';

/**
 * The person a search names: an exact name or id first (any case), then the first whose name or id contains
 * the text. Null when nobody matches or the text is empty.
 */
export function findPerson(graph: NetworkGraph, labels: readonly string[], text: string): number | null {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return null;
  const exact = graph.nodes.findIndex(
    (node, index) => node.id.toLowerCase() === wanted || labels[index]?.toLowerCase() === wanted,
  );
  if (exact >= 0) return exact;
  const partial = graph.nodes.findIndex(
    (node, index) =>
      node.id.toLowerCase().includes(wanted) || (labels[index]?.toLowerCase().includes(wanted) ?? false),
  );
  return partial >= 0 ? partial : null;
}
