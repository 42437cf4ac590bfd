/**
 * A large network's build and restyle spread across frames (renderer/src/network/graph/in-frames.ts): the size of
 * each chunk from the last one's pace, and the runner's order, progress, end and cancel. Sizes are worked out by
 * hand from the rule (items × budget ÷ time, within the limits, at most twice the last).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chunkRange, nextChunkSize, runInFrames } from '../../../renderer/src/network/graph/in-frames';

const limits = { first: 50, min: 25, max: 1000 };

describe('the next chunk size', () => {
  it('starts with the first size', () => {
    expect(nextChunkSize(null, 30, limits)).toBe(50);
  });

  it('fits the budget at the last chunk’s pace', () => {
    // 100 people in 60 ms: 30 ms take 50.
    expect(nextChunkSize({ items: 100, ms: 60 }, 30, limits)).toBe(50);
    // 300 in 45 ms: 30 ms take 200.
    expect(nextChunkSize({ items: 300, ms: 45 }, 30, limits)).toBe(200);
  });

  it('grows at most twofold, and stays within the limits', () => {
    // 50 in 5 ms would fit 300; twice the last is 100.
    expect(nextChunkSize({ items: 50, ms: 5 }, 30, limits)).toBe(100);
    expect(nextChunkSize({ items: 800, ms: 1 }, 30, limits)).toBe(1000);
    expect(nextChunkSize({ items: 600, ms: 0 }, 30, limits)).toBe(1000);
    // 50 in 300 ms: 30 ms take 5, raised to the least.
    expect(nextChunkSize({ items: 50, ms: 300 }, 30, limits)).toBe(25);
  });
});

describe('the chunk range', () => {
  it('runs from what is done, never past the end, never empty', () => {
    expect(chunkRange(0, 50, 120)).toEqual([0, 50]);
    expect(chunkRange(100, 50, 120)).toEqual([100, 120]);
    expect(chunkRange(10, 0, 120)).toEqual([10, 11]);
  });
});

describe('running in frames', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    frames = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = vi.fn();
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  /** Draws the next frame, then runs the task it queued. */
  const frame = () => {
    frames.at(-1)?.();
    vi.runAllTimers();
  };

  it('covers every item once, in order, one chunk a frame, then ends', () => {
    const seen: number[] = [];
    const progress: number[] = [];
    const done = vi.fn();
    runInFrames({
      total: 120,
      limits,
      work: (from, to) => {
        for (let index = from; index < to; index++) seen.push(index);
      },
      progress: (count) => progress.push(count),
      done,
    });
    expect(seen).toEqual([]);
    frame();
    expect(seen.length).toBe(50);
    while (!done.mock.calls.length && frames.length < 100) frame();
    expect(seen).toEqual(Array.from({ length: 120 }, (_, index) => index));
    expect(progress.at(-1)).toBe(120);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('stops when cancelled, before or between chunks, and does not end', () => {
    const work = vi.fn();
    const done = vi.fn();
    const cancel = runInFrames({ total: 500, limits, work, done });
    frame();
    expect(work).toHaveBeenCalledTimes(1);
    cancel();
    frame();
    frame();
    expect(work).toHaveBeenCalledTimes(1);
    expect(done).not.toHaveBeenCalled();
  });

  it('ends at once when there is nothing to do', () => {
    const done = vi.fn();
    runInFrames({ total: 0, limits, work: vi.fn(), done });
    expect(done).toHaveBeenCalledTimes(1);
    expect(frames).toEqual([]);
  });
});
