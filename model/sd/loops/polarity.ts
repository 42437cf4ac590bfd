/**
 * Link and loop polarity, estimated numerically along the run. A link's polarity is the sign of the partial
 * derivative of its target with respect to its source (Richardson 1995, "Loop polarity, loop dominance, and
 * the concept of dominant polarity", System Dynamics Review 11(1); the definition LTM uses, Schoenberg,
 * Davidsen & Eberlein 2020, section 3). At each saved time the target's equation is evaluated with the
 * source nudged down and up by a millionth of its size, every other input as in the run: the sign of the
 * difference is the link's polarity then (0 where the target does not respond, a MIN that takes its other
 * argument, a flat stretch of a graphical function). A flow-to-stock link is + for an inflow, − for an
 * outflow, by definition. A link into a black box (black-box.ts) through the builtin's input has the polarity of
 * that input expression (the builtins rise with their input); any other link into a black box gets the sign
 * of its link score, the direction in which its output and input moved together.
 *
 * Where a link does not respond anywhere along the run (a threshold the run never crosses, a graphical
 * function flat where the run stays), its sign is probed with the source at ¼, ½, 2 and 4 times its value
 * at each saved time, the other inputs as in the run: a structural sign the run alone could not show.
 *
 * A loop's polarity at a time is the product of its links' (Richardson 1995); over the run it is
 * reinforcing or balancing when every determined time agrees, `changing` when its sign flips during the
 * run (a nonmonotonic link), `undetermined` when no time determines it.
 */
import type { Evaluator } from './evaluate';
import type { LinkScores, Targets } from './link-scores';
import type { Trajectory } from './trajectory';
import type { VariableGraph } from './variable-graph';

export type LoopPolarity = 'reinforcing' | 'balancing' | 'changing' | 'undetermined';

/** A link's polarity over the run: '+', '−' (written '-'), both at different times, or never determined. */
export type LinkPolarity = '+' | '-' | '±' | '?';

/** The relative size of the nudge given to a source (a finite difference around the run's value). */
const NUDGE = 1e-6;
/** Where a link never responds along the run, its source is probed at these multiples of its value. */
const PROBES = [0.25, 0.5, 2, 4];

/** The sign of d(evaluate)/d(source) around `x`, the other inputs at `row`; 0 when it does not respond. */
function derivativeSign(
  evaluate: Evaluator,
  columns: readonly Float64Array[],
  source: number,
  row: number,
  x: number,
): number {
  const nudge = x === 0 ? NUDGE : Math.abs(x) * NUDGE;
  const at = (value: number): number =>
    evaluate((column) => (column === source ? value : ((columns[column] as Float64Array)[row] as number)));
  const down = at(x - nudge);
  const up = at(x + nudge);
  const difference = up - down;
  // A difference within rounding of the values is no response.
  const floor = 64 * Number.EPSILON * Math.max(Math.abs(up), Math.abs(down));
  return Number.isFinite(difference) && Math.abs(difference) > floor ? Math.sign(difference) : 0;
}

/** The sign the probes agree on at a row (0 if none responds or they disagree). */
function probedSign(
  evaluate: Evaluator,
  columns: readonly Float64Array[],
  source: number,
  row: number,
): number {
  const x = (columns[source] as Float64Array)[row] as number;
  const points = x === 0 ? [-1, 1, -10, 10] : PROBES.map((factor) => x * factor);
  const signs = new Set(points.map((point) => derivativeSign(evaluate, columns, source, row, point)));
  signs.delete(0);
  return signs.size === 1 ? ([...signs][0] as number) : 0;
}

/** Signs (−1, 0, +1) of the given links at each row of the link scores. */
export function linkSigns(
  graph: VariableGraph,
  trajectory: Trajectory,
  targets: Targets,
  scores: LinkScores,
  links: Iterable<number>,
): Map<number, Int8Array> {
  const signs = new Map<number, Int8Array>();
  const columns = trajectory.columns;
  for (const index of links) {
    const link = graph.links[index];
    if (link === undefined) continue;
    const sign = new Int8Array(scores.rows.length);
    signs.set(index, sign);
    if (link.kind === 'inflow' || link.kind === 'outflow') {
      sign.fill(link.kind === 'inflow' ? 1 : -1);
      continue;
    }
    const box = targets.blackBoxes[link.to];
    const evaluate =
      link.kind === 'equation'
        ? targets.evaluators[link.to]
        : box?.inputColumns.has(link.from) === true
          ? box.input
          : undefined;
    if (evaluate === undefined) {
      const linkScore = scores.scores[index] as Float64Array;
      linkScore.forEach((value, k) => (sign[k] = Math.sign(value)));
      continue;
    }
    scores.rows.forEach((row, k) => {
      const x = (columns[link.from] as Float64Array)[row] as number;
      sign[k] = derivativeSign(evaluate, columns, link.from, row, x);
    });
    if (sign.every((value) => value === 0))
      scores.rows.forEach((row, k) => (sign[k] = probedSign(evaluate, columns, link.from, row)));
  }
  return signs;
}

/** The polarity of one link over the run. */
export function linkPolarity(sign: Int8Array): LinkPolarity {
  const positive = sign.includes(1);
  const negative = sign.includes(-1);
  return positive && negative ? '±' : positive ? '+' : negative ? '-' : '?';
}

/** The loop's sign at each row: the product of its links' signs (0 where one of them is undetermined). */
export function loopSigns(
  links: readonly number[],
  signs: ReadonlyMap<number, Int8Array>,
  length: number,
): Int8Array {
  const result = new Int8Array(length).fill(1);
  for (const link of links) {
    const sign = signs.get(link);
    for (let k = 0; k < length; k++) result[k] = (result[k] as number) * (sign?.[k] ?? 0);
  }
  return result;
}

export function loopPolarity(sign: Int8Array): LoopPolarity {
  const positive = sign.includes(1);
  const negative = sign.includes(-1);
  return positive && negative
    ? 'changing'
    : positive
      ? 'reinforcing'
      : negative
        ? 'balancing'
        : 'undetermined';
}
