/**
 * The feedback loops a model documents itself, so a discovered loop can be shown under the name the
 * modeller gave it. The empathy reference model (sample-data/empathy-smb.md, "Feedback loops") ends each
 * variable's `<doc>` with `Loops: R1, B1.`, naming the loops the variable is on, and labels each loop on the
 * diagram with a text box such as `R1 Care and revenue (+)`. R and B are the usual marks of reinforcing and
 * balancing loops (Sterman 2000, Business Dynamics, chapter 5).
 */
import { canonicalName, type ModelDocument } from '../index';
import { isElement, textOf, type XmlNode } from '../xml-tree';

export interface DocumentedLoop {
  /** The loop's mark, `R1` or `B3`. */
  readonly id: string;
  /** Its title from the diagram, "Care and revenue", when the view labels it. */
  readonly title: string | undefined;
  readonly polarity: 'reinforcing' | 'balancing';
  /** Canonical ids of the variables documented as being on it. */
  readonly variables: ReadonlySet<string>;
}

const LOOP_MARK = /^[RB]\d+$/;
/** `Loops: R1, B1.` at the end of a `<doc>` (or anywhere in it). */
const DOC_LOOPS = /\bLoops?:\s*([^.\n]*)/i;
/** `R1 Care and revenue (+)` on a text box. */
const LABEL = /^\s*([RB]\d+)\s+(.+?)\s*(?:\([+\-−]\))?\s*$/;

function labels(node: XmlNode | undefined, into: Map<string, string>): void {
  if (node === undefined || !isElement(node)) return;
  if (node.tag === 'text_box') {
    const match = LABEL.exec(textOf(node));
    if (match?.[1] !== undefined && match[2] !== undefined) into.set(match[1], match[2]);
    return;
  }
  for (const child of node.children) labels(child, into);
}

export function documentedLoops(document: ModelDocument): DocumentedLoop[] {
  const members = new Map<string, Set<string>>();
  for (const variable of document.variables) {
    const listed = DOC_LOOPS.exec(variable.doc ?? '')?.[1];
    if (listed === undefined) continue;
    for (const mark of listed.split(/[,;\s]+/)) {
      const id = mark.trim().toUpperCase();
      if (!LOOP_MARK.test(id)) continue;
      const set = members.get(id) ?? new Set<string>();
      set.add(canonicalName(variable.name));
      members.set(id, set);
    }
  }
  const titles = new Map<string, string>();
  labels(document.views, titles);
  return [...members]
    .map(([id, variables]) => ({
      id,
      title: titles.get(id),
      polarity: id.startsWith('R') ? ('reinforcing' as const) : ('balancing' as const),
      variables,
    }))
    .sort((a, b) => compareMarks(a.id, b.id));
}

/** R before B before U, then by number: R1, R1.2, R2, ..., R10, B1, ... */
export function compareMarks(a: string, b: string): number {
  const letter = (mark: string): number => (mark.startsWith('R') ? 0 : mark.startsWith('B') ? 1 : 2);
  const numbers = (mark: string): number[] =>
    mark
      .slice(1)
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const [a1 = 0, a2 = 1] = numbers(a);
  const [b1 = 0, b2 = 1] = numbers(b);
  return letter(a) - letter(b) || a1 - b1 || a2 - b2 || a.localeCompare(b);
}
