/**
 * What the dominance chart draws: the relative loop scores (Schoenberg, Davidsen & Eberlein 2020) of the most
 * important loops of one part of the model, in percent, with the rest summed into "other reinforcing" and
 * "other balancing" so the stack still adds up to 100% of the change. Loops are compared within their
 * partition (a strongly connected part of the model), so one partition is charted at a time: the selected
 * loop's, else the most important loop's.
 */
import type { AnalyzedLoop, LoopAnalysis } from '../../../../model/sd/loops';

/** A loop's identity across analyses (its variables in order, read from a stock): names can change. */
export const loopKey = (loop: Pick<AnalyzedLoop, 'ids'>): string => loop.ids.join('→');

export interface DominanceSeries {
  readonly key: string;
  readonly label: string;
  /** The loop drawn, absent for the "other" bands. */
  readonly loop: AnalyzedLoop | undefined;
  /** Relative loop score in percent at each saved time. */
  readonly values: Float64Array;
}

export interface Dominance {
  readonly time: Float64Array;
  readonly series: readonly DominanceSeries[];
  readonly partition: number | undefined;
  /** Loops of other partitions, not charted. */
  readonly elsewhere: number;
}

/** How many loops get a band of their own. */
export const CHARTED_LOOPS = 8;

/**
 * The colour of the "other reinforcing" and "other balancing" bands, in the Loops panel and on a story's
 * loop-dominance page: neutral, so the named loops stand out.
 */
export const OTHER_LOOPS_COLOR = '#9aa4b5';

export function loopLabel(loop: Pick<AnalyzedLoop, 'name' | 'title'>): string {
  return loop.title === undefined ? loop.name : `${loop.name} ${loop.title}`;
}

export function dominance(
  analysis: LoopAnalysis,
  selected: ReadonlySet<string> = new Set(),
  charted = CHARTED_LOOPS,
): Dominance {
  const focus = analysis.loops.find((loop) => selected.has(loopKey(loop))) ?? analysis.loops[0];
  const partition = focus?.partition;
  const inPartition = analysis.loops.filter((loop) => loop.partition === partition);
  // Most important first (the analysis' order); a selected loop always gets a band of its own.
  const own = [
    ...inPartition.filter((loop) => selected.has(loopKey(loop))),
    ...inPartition.filter((loop) => !selected.has(loopKey(loop))),
  ].slice(0, Math.max(charted, 0));
  const ownKeys = new Set(own.map(loopKey));
  const rest = inPartition.filter((loop) => !ownKeys.has(loopKey(loop)));
  const length = analysis.time.length;
  const percent = (values: Float64Array): Float64Array => values.map((value) => value * 100);
  const series: DominanceSeries[] = [...own]
    .sort((a, b) => analysis.loops.indexOf(a) - analysis.loops.indexOf(b))
    .map((loop) => ({
      key: loopKey(loop),
      label: loopLabel(loop),
      loop,
      values: percent(loop.relativeScore),
    }));
  if (rest.length > 0) {
    const positive = new Float64Array(length);
    const negative = new Float64Array(length);
    for (const loop of rest)
      loop.relativeScore.forEach((value, index) => {
        if (value > 0) positive[index] = (positive[index] as number) + value * 100;
        else negative[index] = (negative[index] as number) + value * 100;
      });
    if (positive.some((value) => value !== 0))
      series.push({ key: 'other+', label: 'Other reinforcing', loop: undefined, values: positive });
    if (negative.some((value) => value !== 0))
      series.push({ key: 'other-', label: 'Other balancing', loop: undefined, values: negative });
  }
  return {
    time: analysis.time,
    series,
    partition,
    elsewhere: analysis.loops.length - inPartition.length,
  };
}
