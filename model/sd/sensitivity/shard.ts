/**
 * Shards: `--shard i/n` runs the i-th of n near-equal stretches of run indices (1 <= i <= n, as Playwright's
 * and Jest's `--shard`; a Slurm array or a Kubernetes indexed Job counting from 0 passes its index + 1). Since a
 * run's numbers depend only on the seed and its index, the shards' outputs concatenated are the whole run's.
 */
import type { RunRange } from './kernel';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `"2/8"` as a shard, or an error naming what is wrong with it. */
export function parseShard(
  text: string,
): { readonly ok: true; readonly shard: Shard } | { readonly ok: false; readonly error: string } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) return { ok: false, error: `expected i/n, such as 1/4 (got "${text}")` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!(count >= 1)) return { ok: false, error: `the number of shards must be at least 1 (got "${text}")` };
  if (!(index >= 1 && index <= count))
    return { ok: false, error: `the shard number must be from 1 to ${count} (got "${text}")` };
  return { ok: true, shard: { index, count } };
}

/** Runs floor((i-1) N / n) up to floor(i N / n): every run in exactly one shard, sizes differing by at most one. */
export function shardRange(runs: number, shard: Shard): RunRange {
  return {
    from: Math.floor(((shard.index - 1) * runs) / shard.count),
    to: Math.floor((shard.index * runs) / shard.count),
  };
}

/**
 * A range cut into pieces of at most `size` runs, in order: the work units handed to workers (small enough that
 * progress moves and a cancel is quick, large enough that messages cost nothing next to the runs).
 */
export function splitRange(range: RunRange, size: number): RunRange[] {
  const pieces: RunRange[] = [];
  for (let from = range.from; from < range.to; from += size)
    pieces.push({ from, to: Math.min(range.to, from + size) });
  return pieces;
}
