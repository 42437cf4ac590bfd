/**
 * Work over many items spread across animation frames, so the page keeps answering while a large network's
 * people go into cytoscape. Adding 2,000 people and working out their styles, label sizes and bounds at once
 * held the page for 0.5-0.6 s, and drawing them all for the first time for another 0.25 s (a CPU profile of
 * `npm run bench -- "network view"`): in chunks, each frame draws only the people of one chunk afresh.
 */

/** How long one chunk may take, in milliseconds: with the frame's drawing, well under a tenth of a second. */
export const CHUNK_BUDGET = 30;

export interface ChunkLimits {
  /** The first chunk's size, before anything is measured. */
  readonly first: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The next chunk's size: as many items as the last chunk's pace fits in `budget` milliseconds, within the
 * limits, and at most twice the last (one quick chunk, between two pauses of a busy machine, is no promise).
 * A busy machine (others share its cores) gets smaller chunks, an idle one fewer frames.
 */
export function nextChunkSize(
  last: { readonly items: number; readonly ms: number } | null,
  budget: number,
  limits: ChunkLimits,
): number {
  if (last === null || last.items <= 0) return limits.first;
  // A chunk timed at 0 ms (a coarse clock) says only that it was quick: the largest.
  const fits = last.ms > 0 ? Math.floor((last.items * budget) / last.ms) : limits.max;
  return Math.min(limits.max, 2 * last.items, Math.max(limits.min, fits));
}

/** The items [from, to) of the next chunk, given how many are done. */
export function chunkRange(done: number, size: number, total: number): [number, number] {
  return [done, Math.min(total, done + Math.max(1, size))];
}

export interface InFrames {
  readonly total: number;
  readonly limits: ChunkLimits;
  /** Does the work of items [from, to). */
  readonly work: (from: number, to: number) => void;
  /** After each chunk, with how many are done. */
  readonly progress?: (done: number) => void;
  readonly done: () => void;
}

/**
 * Runs `work` over the items in chunks, one per frame, each just after a frame is drawn (a task queued from the
 * frame's callback), so that frame shows the last chunk and the next frame draws only this one's news. Returns
 * the cancel: no further chunk runs, and `done` is not called.
 */
export function runInFrames({ total, limits, work, progress, done }: InFrames): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = 0;
  let last: { items: number; ms: number } | null = null;
  const chunk = () => {
    const [from, to] = chunkRange(finished, nextChunkSize(last, CHUNK_BUDGET, limits), total);
    const start = performance.now();
    work(from, to);
    last = { items: to - from, ms: performance.now() - start };
    finished = to;
    progress?.(finished);
    if (finished < total) next();
    else done();
  };
  const next = () => {
    frame = requestAnimationFrame(() => {
      timer = setTimeout(chunk, 0);
    });
  };
  if (total === 0) done();
  else next();
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
