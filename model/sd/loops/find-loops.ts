/**
 * Which loops to score: every elementary cycle of the variable graph (Johnson 1975) while there are at most
 * `maxEnumerated`, otherwise the loops the strongest-path search of Eberlein & Schoenberg (2020, "Finding
 * the loops that matter") finds over the link scores at each saved time.
 */
import { elementaryCycles } from './cycles';
import type { LinkScores } from './link-scores';
import { strongestLoops } from './strongest-path';
import type { VariableGraph } from './variable-graph';

export type LoopMethod = 'exhaustive' | 'strongest-path';

export interface FoundCycles {
  readonly method: LoopMethod;
  readonly cycles: readonly (readonly number[])[];
  /** How many cycles the enumeration was allowed before switching to discovery. */
  readonly limit: number;
}

/** Even when every cycle is asked for, no more than this many (a guard against a model with millions). */
const EXHAUSTIVE_CAP = 100_000;

export function findCycles(
  graph: VariableGraph,
  scores: LinkScores,
  requested: LoopMethod | 'auto',
  maxEnumerated: number,
): FoundCycles {
  const successors = graph.outgoing.map((links) => links.map((link) => link.to));
  const next = (node: number): readonly number[] => successors[node] ?? [];
  if (requested === 'exhaustive')
    return {
      method: 'exhaustive',
      cycles: elementaryCycles(graph.ids.length, next, EXHAUSTIVE_CAP).cycles,
      limit: EXHAUSTIVE_CAP,
    };
  if (requested === 'auto') {
    const enumeration = elementaryCycles(graph.ids.length, next, maxEnumerated);
    if (enumeration.complete)
      return { method: 'exhaustive', cycles: enumeration.cycles, limit: maxEnumerated };
  }
  const stocks = graph.kinds.flatMap((kind, index) => (kind === 'stock' ? [index] : []));
  const linkIndex = new Map(graph.links.map((link, index) => [link, index]));
  const found = new Map<string, readonly number[]>();
  scores.rows.forEach((row, k) => {
    if (row === 0) return;
    const outgoing = graph.outgoing.map((links) =>
      links.map((link) => ({
        to: link.to,
        score: Math.abs((scores.scores[linkIndex.get(link) as number] as Float64Array)[k] as number),
      })),
    );
    strongestLoops({ count: graph.ids.length, stocks, outgoing }, found);
  });
  return { method: 'strongest-path', cycles: [...found.values()], limit: maxEnumerated };
}
