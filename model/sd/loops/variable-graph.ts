/**
 * The causal graph of a model's own variables, the graph feedback loops are read from (Schoenberg, Davidsen &
 * Eberlein 2020, section 2: a loop is a closed path of causal links through at least one stock).
 *
 * - An auxiliary or flow has a link from every variable its equation reads while the model runs.
 * - A stock has a link from each inflow (+) and each outflow (−), not from its initial value: the initial
 *   value is read once, the flows every step.
 * - Stateful builtins (SMTH, DELAY, TREND, PREVIOUS) and macros become hidden nodes in the engine's graph.
 *   They are folded back into the variable whose equation calls them, so a loop through `SMTH1(x, 3)` reads
 *   `x → y`, in the model's own variables. Such a variable is a black box for link scores (its hidden state
 *   is not reported by a run), see link-scores.ts. INIT(x) is held from the start: no link.
 */
import {
  dynamicDependencies,
  type CompiledModel,
  type ModelGraph,
  type ModelNode,
  type NodeKind,
} from '../index';
import { referencedIds } from '../equation/ast';

/** How a link transmits change, which decides how its score is computed. */
export type LinkKind = 'equation' | 'stateful' | 'inflow' | 'outflow';

export interface CausalLink {
  /** Index of the source and target variables in `VariableGraph.ids`. */
  readonly from: number;
  readonly to: number;
  readonly kind: LinkKind;
}

export interface VariableGraph {
  /** Canonical ids of the model's variables (stocks, flows, auxiliaries), in document order. */
  readonly ids: readonly string[];
  /** Display names, in the order of `ids`. */
  readonly names: readonly string[];
  readonly kinds: readonly NodeKind[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Every link once, ordered by target then source. */
  readonly links: readonly CausalLink[];
  /** Links leaving each variable, by index. */
  readonly outgoing: readonly (readonly CausalLink[])[];
  /** The link from one variable to another, by `from * ids.length + to`. */
  linkBetween(from: number, to: number): CausalLink | undefined;
}

const isModelVariable = (node: ModelNode): boolean =>
  !node.hidden && (node.kind === 'stock' || node.kind === 'flow' || node.kind === 'aux');

/**
 * The model variables a hidden node reads, following hidden nodes through: a hidden stock reads what its rate
 * reads, PREVIOUS and DELAY what they sample, a hidden auxiliary what its equation reads.
 */
function hiddenSources(graph: ModelGraph, start: string, into: Set<string>): void {
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = graph.nodes.get(id);
    if (node === undefined) continue;
    if (!node.hidden) {
      if (isModelVariable(node)) into.add(id);
      continue;
    }
    const reads = new Set<string>();
    switch (node.kind) {
      case 'stock':
        if (node.rate !== undefined) for (const read of referencedIds(node.rate)) reads.add(read);
        for (const flow of [...(node.inflows ?? []), ...(node.outflows ?? [])]) reads.add(flow);
        break;
      case 'previous':
      case 'delay':
        if (node.input !== undefined) for (const read of referencedIds(node.input)) reads.add(read);
        break;
      case 'flow':
      case 'aux':
        dynamicDependencies(node, reads);
        break;
      default:
        // INIT is held from the start, tables have no value, system nodes are not variables.
        break;
    }
    pending.push(...reads);
  }
}

/** The causal graph of the compiled model's variables. */
export function variableGraph(model: Pick<CompiledModel, 'graph'>): VariableGraph {
  const { graph } = model;
  const ids = graph.variables.filter((id) => {
    const node = graph.nodes.get(id);
    return node !== undefined && isModelVariable(node);
  });
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const nodes = ids.map((id) => graph.nodes.get(id) as ModelNode);
  const links: CausalLink[] = [];

  nodes.forEach((node, to) => {
    if (node.kind === 'stock') {
      const flows: [string, LinkKind][] = [
        ...(node.inflows ?? []).map((id): [string, LinkKind] => [id, 'inflow']),
        ...(node.outflows ?? []).map((id): [string, LinkKind] => [id, 'outflow']),
      ];
      const seen = new Set<number>();
      for (const [id, kind] of flows) {
        const from = indexOf.get(id);
        if (from === undefined || seen.has(from)) continue;
        seen.add(from);
        links.push({ from, to, kind });
      }
      return;
    }
    const direct = new Set<string>();
    const throughState = new Set<string>();
    for (const id of dynamicDependencies(node)) {
      const read = graph.nodes.get(id);
      if (read === undefined) continue;
      if (read.hidden) hiddenSources(graph, id, throughState);
      else if (isModelVariable(read)) direct.add(id);
    }
    // A variable that reads hidden state cannot be re-evaluated from the reported values: all its links are
    // scored as one black box (link-scores.ts), direct reads included.
    const kind: LinkKind = throughState.size > 0 ? 'stateful' : 'equation';
    const sources = [...new Set([...direct, ...throughState])]
      .map((id) => indexOf.get(id))
      .filter((index): index is number => index !== undefined)
      .sort((a, b) => a - b);
    for (const from of sources) links.push({ from, to, kind });
  });

  const outgoing: CausalLink[][] = ids.map(() => []);
  const byPair = new Map<number, CausalLink>();
  for (const link of links) {
    outgoing[link.from]?.push(link);
    byPair.set(link.from * ids.length + link.to, link);
  }
  return {
    ids,
    names: nodes.map((node) => node.name),
    kinds: nodes.map((node) => node.kind),
    indexOf,
    links,
    outgoing,
    linkBetween: (from, to) => byPair.get(from * ids.length + to),
  };
}
