/**
 * Strongest-path loop discovery (Eberlein & Schoenberg 2020, "Finding the loops that matter", appendix I):
 * instead of enumerating every cycle, follow the links with the largest link scores out of each stock and
 * keep the loops that close back on it. At one saved time, for each stock:
 *
 *   check(variable, score):
 *     if variable is on the current path: a loop when it is the stock; stop
 *     if score < best(variable): stop              (a stronger path already reached it)
 *     best(variable) = score; put variable on the path
 *     for each link out of variable, strongest first: check(target, score * |link score|)
 *     take variable off the path
 *
 * Best scores start at 0 for each stock (Simlin's `ltm_finding.rs` resets them per stock so one stock's
 * search does not hide the loops of another). Links with a score of zero at that time are not followed: a
 * loop through them has a loop score of zero then, so it cannot matter at that time; this also keeps the
 * search from walking every path of a model at rest.
 */
import { cycleKey } from './cycles';

export interface ScoredGraph {
  readonly count: number;
  /** Links out of each node: target and |link score| at the time searched. */
  readonly outgoing: readonly (readonly { readonly to: number; readonly score: number }[])[];
  /** Where searches start. */
  readonly stocks: readonly number[];
}

/** Visits at most this many variables per stock and time: a guard, far above what real models need. */
const VISIT_BUDGET = 200_000;

/**
 * The loops found at one time, added to `found` by their key (rotation-independent, so the same loop found
 * from two stocks or at two times is kept once).
 */
export function strongestLoops(graph: ScoredGraph, found: Map<string, readonly number[]>): void {
  const sorted = graph.outgoing.map((links) =>
    links.filter((link) => link.score > 0 && Number.isFinite(link.score)).sort((a, b) => b.score - a.score),
  );
  const best = new Float64Array(graph.count);
  const onPath = new Uint8Array(graph.count);
  const path: number[] = [];

  for (const stock of graph.stocks) {
    best.fill(0);
    let visits = 0;
    const check = (variable: number, score: number): void => {
      if (onPath[variable] === 1) {
        if (variable === stock) {
          const key = cycleKey(path);
          if (!found.has(key)) found.set(key, [...path]);
        }
        return;
      }
      if (score < (best[variable] as number) || visits >= VISIT_BUDGET) return;
      visits++;
      best[variable] = score;
      onPath[variable] = 1;
      path.push(variable);
      for (const link of sorted[variable] ?? []) check(link.to, score * link.score);
      path.pop();
      onPath[variable] = 0;
    };
    check(stock, 1);
  }
}
