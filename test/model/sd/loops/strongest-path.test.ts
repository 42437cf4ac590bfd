/**
 * The strongest-path search of Eberlein & Schoenberg (2020, appendix I) on hand-made scored graphs: it follows
 * the strongest links out of each stock, keeps loops closing on it, prunes paths weaker than one already seen
 * at a variable, and never follows a link scoring zero.
 */
import { describe, expect, it } from 'vitest';
import { cycleKey } from '../../../../model/sd/loops/cycles';
import { strongestLoops, type ScoredGraph } from '../../../../model/sd/loops/strongest-path';

const link = (to: number, score: number) => ({ to, score });

function search(graph: ScoredGraph): string[] {
  const found = new Map<string, readonly number[]>();
  strongestLoops(graph, found);
  return [...found.keys()].sort();
}

describe('strongest-path loop discovery', () => {
  it('finds every loop of a small model whose links all score', () => {
    // Stock 0 with a loop through 1 and another through 2 and 3; stock 4 with its own flow 5.
    const graph: ScoredGraph = {
      count: 6,
      stocks: [0, 4],
      outgoing: [
        [link(1, 2), link(2, 1)],
        [link(0, 1)],
        [link(3, 0.5)],
        [link(0, 4)],
        [link(5, 1)],
        [link(4, 1)],
      ],
    };
    expect(search(graph)).toEqual(['0 1', '0 2 3', '4 5']);
  });

  it('does not follow a link scoring zero: a loop through it is inactive at that time', () => {
    const graph: ScoredGraph = {
      count: 3,
      stocks: [0],
      outgoing: [[link(1, 1), link(2, 0)], [link(0, 1)], [link(0, 1)]],
    };
    expect(search(graph)).toEqual(['0 1']);
  });

  it('prunes a path weaker than one that already reached the same variable', () => {
    // From stock 0: 0→1 (strong) reaches 3 with score 4; 0→2 (weak) reaches 3 with 0.25 < 4, so the loop
    // 0 → 2 → 3 → 0 is not followed (the heuristic's trade: the strongest path through 3 stands for it).
    const graph: ScoredGraph = {
      count: 4,
      stocks: [0],
      outgoing: [[link(1, 2), link(2, 0.5)], [link(3, 2)], [link(3, 0.5)], [link(0, 1)]],
    };
    expect(search(graph)).toEqual(['0 1 3']);
  });

  it('starts afresh from each stock, so one stock’s search does not hide another’s loops', () => {
    // Stock 0 reaches 2 strongly on the way to its own loop; stock 2's loop through 1 is weaker than that,
    // and is still found from stock 2.
    const graph: ScoredGraph = {
      count: 3,
      stocks: [0, 2],
      outgoing: [[link(2, 10)], [link(2, 0.1)], [link(0, 10), link(1, 0.1)]],
    };
    expect(search(graph)).toEqual(['0 2', '1 2']);
  });

  it('keeps a loop found from two stocks once', () => {
    const graph: ScoredGraph = {
      count: 2,
      stocks: [0, 1],
      outgoing: [[link(1, 1)], [link(0, 1)]],
    };
    const found = new Map<string, readonly number[]>();
    strongestLoops(graph, found);
    strongestLoops(graph, found);
    expect([...found.keys()]).toEqual([cycleKey([0, 1])]);
  });
});
