/**
 * Evaluation order: dependencies first, found with Tarjan's strongly connected components (Tarjan 1972,
 * SIAM J. Comput. 1:146), which also finds every algebraic loop (auxiliaries that depend on each other with
 * no stock in between) and names all its members.
 */
import type { Diagnostic } from '../diagnostics';
import type { ModelNode } from './nodes';

export interface OrderResult {
  /** Ids in an order where each comes after everything it reads. */
  readonly order: readonly string[];
  /** Groups of ids that read each other (each an algebraic loop). */
  readonly loops: readonly (readonly string[])[];
}

/** Orders `ids` by the edges `dependencies(id)` (edges to ids outside the set are ignored). */
export function orderNodes(
  ids: readonly string[],
  dependencies: (id: string) => Iterable<string>,
): OrderResult {
  const members = new Set(ids);
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const order: string[] = [];
  const loops: string[][] = [];
  let counter = 0;

  const visit = (id: string): void => {
    index.set(id, counter);
    lowLink.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    let selfLoop = false;
    for (const dependency of dependencies(id)) {
      if (!members.has(dependency)) continue;
      if (dependency === id) selfLoop = true;
      if (!index.has(dependency)) {
        visit(dependency);
        lowLink.set(id, Math.min(lowLink.get(id) as number, lowLink.get(dependency) as number));
      } else if (onStack.has(dependency)) {
        lowLink.set(id, Math.min(lowLink.get(id) as number, index.get(dependency) as number));
      }
    }
    if (lowLink.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      component.reverse();
      if (component.length > 1 || selfLoop) loops.push(component);
      order.push(...component);
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return { order, loops };
}

/** A diagnostic naming every model variable in a loop (hidden nodes are shown as the variable they belong to). */
export function loopDiagnostic(
  loop: readonly string[],
  nodes: ReadonlyMap<string, ModelNode>,
  code: 'algebraic-loop' | 'initial-loop',
): Diagnostic {
  const names = [...new Set(loop.map((id) => nodes.get(id)?.owner ?? id))];
  const listed = names.map((name) => `"${name}"`);
  const list =
    listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1) ?? ''}`;
  const what =
    code === 'algebraic-loop'
      ? names.length === 1
        ? 'depends on itself with no stock in between (an algebraic loop)'
        : 'depend on each other with no stock in between (an algebraic loop)'
      : names.length === 1
        ? 'needs its own value to start (a loop in the initial values)'
        : 'need each other to start (a loop in the initial values)';
  return { code, variable: names[0] ?? '', members: names, message: `${list} ${what}` };
}
