/**
 * The dominance chart's series: the most important loops of one partition in percent, the rest summed into
 * "other reinforcing" and "other balancing", so the stack keeps the 100% the relative scores add up to.
 */
import { describe, expect, it } from 'vitest';
import type { AnalyzedLoop, LoopAnalysis } from '../../../../model/sd/loops';
import { dominance, loopKey, loopLabel } from '../../../../renderer/src/dynamics/loops/dominance';

function loop(name: string, relative: readonly number[], partition = 0, title?: string): AnalyzedLoop {
  const relativeScore = Float64Array.from(relative);
  return {
    name,
    title,
    documented: title !== undefined,
    variables: [`${name} stock`, `${name} flow`],
    ids: [`${name}_stock`, `${name}_flow`],
    links: [],
    polarity: relative.some((value) => value < 0) ? 'balancing' : 'reinforcing',
    score: relativeScore,
    relativeScore,
    importance: relative.reduce((sum, value) => sum + Math.abs(value), 0) / relative.length,
    partition,
  };
}

function analysis(loops: AnalyzedLoop[]): LoopAnalysis {
  return {
    method: 'exhaustive',
    methodNote: '',
    polarityNote: '',
    time: Float64Array.from([0, 1, 2]),
    loops: [...loops].sort((a, b) => b.importance - a.importance),
    notes: [],
  };
}

const loops = [
  loop('R1', [0, 0.5, 0.2], 0, 'Growth'),
  loop('B1', [0, -0.3, -0.6]),
  loop('R2', [0, 0.1, 0.1]),
  loop('B2', [0, -0.1, -0.1]),
  loop('R3', [0, 1, 1], 1),
];

describe('dominance series', () => {
  it('charts the partition of the most important loop, in percent, with the rest as other bands', () => {
    const chart = dominance(analysis(loops), new Set(), 2);
    // R3 is alone in its partition (relative score 1): it is the most important, so its partition is charted.
    expect(chart.partition).toBe(1);
    expect(chart.series.map((entry) => entry.label)).toEqual(['R3']);
    expect(chart.elsewhere).toBe(4);
  });

  it('charts the selected loop’s partition, the selected loop always among the bands', () => {
    const chart = dominance(analysis(loops), new Set([loopKey(loops[3] as AnalyzedLoop)]), 2);
    expect(chart.partition).toBe(0);
    expect(chart.series.map((entry) => entry.key)).toEqual([
      loopKey(loops[1] as AnalyzedLoop),
      loopKey(loops[3] as AnalyzedLoop),
      'other+',
    ]);
    const [b1, b2, other] = chart.series;
    expect(Array.from(b1?.values ?? [])).toEqual([0, -30, -60]);
    expect(Array.from(b2?.values ?? [])).toEqual([0, -10, -10]);
    // R1 and R2 summed: the bands still add up to 100% of the change.
    expect(Array.from(other?.values ?? []).map((value) => Math.round(value * 1e9) / 1e9)).toEqual([
      0, 60, 30,
    ]);
    expect(other?.loop).toBeUndefined();
  });

  it('labels a documented loop with its title', () => {
    expect(loopLabel(loops[0] as AnalyzedLoop)).toBe('R1 Growth');
    expect(loopLabel(loops[1] as AnalyzedLoop)).toBe('B1');
  });
});
