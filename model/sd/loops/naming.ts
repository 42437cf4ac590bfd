/**
 * Names for loops: the modeller's own where a loop is documented, otherwise R and B by polarity (Sterman
 * 2000, Business Dynamics, chapter 5), numbered from the most important loop down; U for a loop whose
 * polarity is undetermined or changes during the run. Numbers the documentation uses are skipped, so a
 * found loop never takes the name of a documented one.
 *
 * A found loop is a variant of a documented loop when every variable on it is documented as being on that
 * loop and its polarity agrees: the documentation lists a loop's main cycle together with the variables on
 * its side paths, so several cycles of the model can make up one documented loop. Variants take the
 * documented mark, `B2`, `B2.2`, `B2.3`, the longest first. A loop within several documented loops belongs
 * to the one documented with the fewest variables (the most specific). A stock with its own flow (a loop of
 * two variables) is its own first-order adjustment, not a documented story: it takes a documented mark only
 * when it is all the documentation lists.
 */
import { compareMarks, type DocumentedLoop } from './documented';
import type { LoopPolarity } from './polarity';

export interface NamingCandidate {
  /** Canonical ids of the loop's variables. */
  readonly ids: readonly string[];
  readonly polarity: LoopPolarity;
  /** How much the loop matters (the mean absolute relative loop score): the order of automatic numbers. */
  readonly importance: number;
}

export interface LoopName {
  readonly name: string;
  readonly title: string | undefined;
  readonly documented: boolean;
}

const agrees = (documented: DocumentedLoop, polarity: LoopPolarity): boolean =>
  polarity === documented.polarity || polarity === 'undetermined';

const sameSet = (ids: readonly string[], documented: DocumentedLoop): boolean =>
  ids.length === documented.variables.size && ids.every((id) => documented.variables.has(id));

/** Whether a found loop is a variant of a documented loop (see the file comment). */
export function isVariantOf(loop: NamingCandidate, documented: DocumentedLoop): boolean {
  if (!agrees(documented, loop.polarity)) return false;
  if (sameSet(loop.ids, documented)) return true;
  return loop.ids.length > 2 && loop.ids.every((id) => documented.variables.has(id));
}

/** A name for each loop, in the order given. */
export function nameLoops(
  loops: readonly NamingCandidate[],
  documented: readonly DocumentedLoop[],
): LoopName[] {
  const names: (LoopName | undefined)[] = loops.map(() => undefined);
  const bySize = [...documented].sort((a, b) => a.variables.size - b.variables.size);
  const variants = new Map<DocumentedLoop, number[]>();
  loops.forEach((loop, index) => {
    const owner = bySize.find((candidate) => isVariantOf(loop, candidate));
    if (owner === undefined) return;
    variants.set(owner, [...(variants.get(owner) ?? []), index]);
  });
  for (const [loop, members] of variants) {
    const key = (index: number): string => [...(loops[index]?.ids ?? [])].sort().join(' ');
    members
      .sort(
        (a, b) => (loops[b]?.ids.length ?? 0) - (loops[a]?.ids.length ?? 0) || key(a).localeCompare(key(b)),
      )
      .forEach((index, rank) => {
        names[index] = {
          name: rank === 0 ? loop.id : `${loop.id}.${rank + 1}`,
          title: loop.title,
          documented: true,
        };
      });
  }

  const taken = new Set(documented.map((loop) => loop.id));
  const next = { R: 1, B: 1, U: 1 };
  const order = loops
    .map((loop, index) => ({ loop, index }))
    .filter(({ index }) => names[index] === undefined)
    .sort((a, b) => b.loop.importance - a.loop.importance || a.index - b.index);
  for (const { loop, index } of order) {
    const letter = loop.polarity === 'reinforcing' ? 'R' : loop.polarity === 'balancing' ? 'B' : 'U';
    let name = `${letter}${next[letter]}`;
    while (taken.has(name)) name = `${letter}${++next[letter]}`;
    next[letter]++;
    taken.add(name);
    names[index] = { name, title: undefined, documented: false };
  }
  return names as LoopName[];
}

/** Loop names in reading order: R1, R2, ..., B1, ..., U1. */
export const compareLoopNames = compareMarks;
