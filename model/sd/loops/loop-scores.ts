/**
 * Loop scores and relative loop scores (Schoenberg, Davidsen & Eberlein 2020, System Dynamics Review 36(2),
 * equations 3 and 4):
 *
 *   loop score(L)          = Π LS(link) over the links of L
 *   relative loop score(L) = loop score(L) / Σ |loop score(Y)| over the loops Y compared with L
 *
 * The relative score is the share of the change in the model's stocks the loop accounts for at that time,
 * signed by its polarity; it lies in [−1, 1] and the absolute shares add up to 1 (or are all 0 when no loop
 * is active). Loops are compared within their partition: the strongly connected part of the model they lie
 * in (loops in parts that do not feed each other explain different stocks; 2020, section 8).
 */
import type { LinkScores } from './link-scores';
import type { VariableGraph } from './variable-graph';

/** The link indices of a cycle of variable indices, in order (the last links back to the first). */
export function cycleLinks(graph: VariableGraph, cycle: readonly number[]): number[] {
  const linkIndex = new Map(graph.links.map((link, index) => [link, index]));
  return cycle.map((from, position) => {
    const to = cycle[(position + 1) % cycle.length] as number;
    const link = graph.linkBetween(from, to);
    if (link === undefined) throw new Error(`no link from ${graph.ids[from]} to ${graph.ids[to]}`);
    return linkIndex.get(link) as number;
  });
}

/** The loop score at each row of the link scores: the product of the loop's link scores. */
export function loopScore(links: readonly number[], scores: LinkScores): Float64Array {
  const result = new Float64Array(scores.rows.length).fill(1);
  for (const link of links) {
    const linkScore = scores.scores[link] as Float64Array;
    for (let k = 0; k < result.length; k++) result[k] = (result[k] as number) * (linkScore[k] as number);
  }
  return result;
}

/** Relative loop scores of loops compared within their partitions (0 where no loop of it is active). */
export function relativeLoopScores(
  loopScores: readonly Float64Array[],
  partitions: readonly number[],
): Float64Array[] {
  const length = loopScores[0]?.length ?? 0;
  const totals = new Map<number, Float64Array>();
  loopScores.forEach((score, index) => {
    const partition = partitions[index] as number;
    const total = totals.get(partition) ?? new Float64Array(length);
    for (let k = 0; k < length; k++) total[k] = (total[k] as number) + Math.abs(score[k] as number);
    totals.set(partition, total);
  });
  return loopScores.map((score, index) => {
    const total = totals.get(partitions[index] as number) as Float64Array;
    return score.map((value, k) => {
      const sum = total[k] as number;
      return sum > 0 && Number.isFinite(sum) ? value / sum : 0;
    });
  });
}
