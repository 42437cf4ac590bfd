import { describe, expect, it } from 'vitest';
import { parseShard, shardRange, splitRange } from '../../../../model/sd/sensitivity';

describe('shards', () => {
  it('parse i/n, 1-based, naming what is wrong', () => {
    expect(parseShard('2/8')).toEqual({ ok: true, shard: { index: 2, count: 8 } });
    expect(parseShard('0/4')).toEqual({
      ok: false,
      error: 'the shard number must be from 1 to 4 (got "0/4")',
    });
    expect(parseShard('5/4').ok).toBe(false);
    expect(parseShard('1/0').ok).toBe(false);
    expect(parseShard('a/b')).toEqual({ ok: false, error: 'expected i/n, such as 1/4 (got "a/b")' });
  });

  it('cover every run exactly once, in order, sizes differing by at most one', () => {
    for (const [runs, count] of [
      [10, 3],
      [1000, 7],
      [3, 5],
      [1, 1],
    ] as const) {
      const ranges = Array.from({ length: count }, (_, index) =>
        shardRange(runs, { index: index + 1, count }),
      );
      expect(ranges[0]?.from).toBe(0);
      expect(ranges.at(-1)?.to).toBe(runs);
      ranges.forEach((range, index) => {
        if (index > 0) expect(range.from).toBe(ranges[index - 1]?.to);
      });
      const sizes = ranges.map((range) => range.to - range.from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('split a range into work units', () => {
    expect(splitRange({ from: 5, to: 17 }, 5)).toEqual([
      { from: 5, to: 10 },
      { from: 10, to: 15 },
      { from: 15, to: 17 },
    ]);
    expect(splitRange({ from: 3, to: 3 }, 5)).toEqual([]);
  });
});
