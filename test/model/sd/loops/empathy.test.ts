/**
 * The empathy reference model's loops. Its documentation (sample-data/empathy-smb.md, "Feedback loops")
 * gives each loop R1..R6, B1..B4 a polarity and a main cycle (each variable reads the one before, the first
 * reads the last). Enumerating every cycle (14,136 of them) must find each main cycle, with the documented
 * polarity, under the documented mark; the default analysis, with more than 1,000 loops, runs the
 * strongest-path search and says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalName } from '../../../../model/sd';
import type { LoopAnalysis } from '../../../../model/sd/loops';
import { compileSample, SAMPLE_DATA, LOOP_IDS } from '../../../sample-data/empathy-model';
import { analyse } from './setup';

interface MainCycle {
  readonly id: string;
  readonly title: string;
  readonly polarity: 'reinforcing' | 'balancing';
  readonly cycle: readonly string[];
}

/** The rows of the "Feedback loops" table: `| R1 Care and revenue | reinforcing (+) | ... | A → B → ... | ... |`. */
function mainCycles(): MainCycle[] {
  const rows = readFileSync(join(SAMPLE_DATA, 'empathy-smb.md'), 'utf8')
    .split('\n')
    .map((line) => /^\| ([RB]\d+) ([^|]+?) \| (reinforcing|balancing) [^|]*\| [^|]*\| ([^|]+) \|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  return rows.map((match) => ({
    id: match[1] as string,
    title: match[2] as string,
    polarity: match[3] as 'reinforcing' | 'balancing',
    cycle: (match[4] as string).split('→').map((name) => canonicalName(name.trim())),
  }));
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

describe('the empathy model, every loop enumerated', () => {
  let analysis: LoopAnalysis;
  beforeAll(() => {
    analysis = analyse(compileSample(), { method: 'exhaustive' });
  });

  it('has 14,136 feedback loops', () => {
    expect(analysis.method).toBe('exhaustive');
    expect(analysis.loops).toHaveLength(14_136);
  });

  it.each(mainCycles().map((loop) => [loop.id, loop] as const))(
    'finds the main cycle of %s with its documented polarity and mark',
    (id, documented) => {
      const found = analysis.loops.filter((loop) => sameSet(loop.ids, documented.cycle));
      expect(found).toHaveLength(1);
      const [loop] = found;
      expect(loop?.polarity).toBe(documented.polarity);
      expect(loop?.name === id || loop?.name.startsWith(`${id}.`), `${id} is named ${loop?.name}`).toBe(true);
      expect(loop?.title).toBe(documented.title);
      // Its links close: each variable reads the one before it.
      expect(loop?.links.at(-1)?.to).toBe(loop?.variables[0]);
    },
  );

  it('reads all ten documented loops from the table', () => {
    expect(
      mainCycles()
        .map((loop) => loop.id)
        .sort(),
    ).toEqual([...LOOP_IDS].sort());
  });
});

describe('the empathy model, default analysis', () => {
  let analysis: LoopAnalysis;
  beforeAll(() => {
    analysis = analyse(compileSample());
  });

  it('runs the strongest-path search (more than 1,000 loops) and says so', () => {
    expect(analysis.method).toBe('strongest-path');
    expect(analysis.methodNote).toMatch(
      /more than 1000 feedback loops.*strongest-path search of Eberlein & Schoenberg \(2020\)/,
    );
    expect(analysis.loops.length).toBeGreaterThan(10);
    expect(analysis.loops.length).toBeLessThanOrEqual(200);
  });

  it('finds loops of seven documented loops in the status quo, named and signed as documented', () => {
    const documented = mainCycles();
    const marks = new Set<string>();
    for (const loop of analysis.loops.filter((candidate) => candidate.documented)) {
      const mark = loop.name.split('.')[0] as string;
      marks.add(mark);
      expect(loop.polarity).toBe(documented.find((entry) => entry.id === mark)?.polarity);
    }
    expect([...marks].sort()).toEqual(['B1', 'B2', 'R1', 'R2', 'R3', 'R5', 'R6']);
  });

  it('keeps loops that account for at least 0.1% of the change, shares adding up to 100%', () => {
    for (const loop of analysis.loops)
      expect(Math.max(...Array.from(loop.relativeScore, Math.abs))).toBeGreaterThanOrEqual(0.001);
    const partitions = new Set(analysis.loops.map((loop) => loop.partition));
    const last = analysis.time.length - 1;
    for (const partition of partitions) {
      const total = analysis.loops
        .filter((loop) => loop.partition === partition)
        .reduce((sum, loop) => sum + Math.abs(loop.relativeScore[last] as number), 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });

  it('notes the smooths it scores through their input', () => {
    expect(analysis.notes.join(' ')).toMatch(/"Expected human contacts", "Training intensity"/);
  });
});
