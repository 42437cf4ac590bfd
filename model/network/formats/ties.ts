/**
 * The form a network wave is saved and sent in: people with their attributes, and ties that name people by id
 * (not by position), so a saved wave can be checked on its own (every tie names someone listed) and two waves
 * can be matched person by person. The metrics work on the indexed NetworkGraph; these two functions convert.
 */
import type { NetworkEdge, NetworkGraph, NetworkNode } from '../graph';

export interface Tie {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly type?: string | undefined;
}

export interface WaveTies {
  readonly directed: boolean;
  readonly weighted: boolean;
  readonly people: readonly NetworkNode[];
  readonly ties: readonly Tie[];
}

export function tiesOf(graph: NetworkGraph): Tie[] {
  return graph.edges.map((edge) => {
    const source = graph.nodes[edge.source]?.id ?? '';
    const target = graph.nodes[edge.target]?.id ?? '';
    return edge.type === undefined
      ? { source, target, weight: edge.weight }
      : { source, target, weight: edge.weight, type: edge.type };
  });
}

/** The indexed graph of a saved wave. Throws on a tie naming someone not listed (the stored schema prevents it). */
export function graphOfTies(wave: WaveTies): NetworkGraph {
  const index = new Map(wave.people.map((person, position) => [person.id, position]));
  const position = (id: string): number => {
    const found = index.get(id);
    if (found === undefined) throw new Error(`a tie names "${id}", who is not among the people`);
    return found;
  };
  const edges: NetworkEdge[] = wave.ties.map((tie) =>
    tie.type === undefined
      ? { source: position(tie.source), target: position(tie.target), weight: tie.weight }
      : { source: position(tie.source), target: position(tie.target), weight: tie.weight, type: tie.type },
  );
  return { directed: wave.directed, weighted: wave.weighted, nodes: wave.people, edges };
}
