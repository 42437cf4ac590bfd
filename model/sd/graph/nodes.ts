/**
 * The model as a graph of nodes, after names are resolved and stateful builtins and macros are expanded.
 * This is what the compiler orders and turns into closures, and what later analysis (loop discovery, Loops
 * That Matter link scores) walks: every node keeps its equation's syntax tree and who it reads.
 */
import type { Expr } from '../equation/ast';
import type { LookupTable } from '../graphical';

/**
 * - `system`: TIME, DT, STARTTIME, STOPTIME.
 * - `stock`: integrates its flows (model stocks, macro stocks) or a rate (hidden stocks of SMTH/DELAY/TREND).
 * - `flow`, `aux`: computed from an equation each time step.
 * - `table`: a stand-alone graphical function, used by LOOKUP; it has no value.
 * - `initial`: INIT(x), x's value at the start, held.
 * - `previous`: PREVIOUS(x, init), x's value one dt ago.
 * - `delay`: DELAY(x, delay time, init), a pipeline delay that remembers x's history.
 */
export type NodeKind = 'system' | 'stock' | 'flow' | 'aux' | 'table' | 'initial' | 'previous' | 'delay';

export interface ModelNode {
  /** Canonical id; hidden nodes' ids start with "·". */
  readonly id: string;
  /** Display name (as in the model for model variables). */
  readonly name: string;
  readonly kind: NodeKind;
  /** Not a variable of the model: part of a stateful builtin or a macro instance. */
  readonly hidden: boolean;
  /** The model variable this node belongs to (its own name for model variables), for messages. */
  readonly owner: string;
  /** The equation text the spans in `equation` and `initial` refer to. */
  readonly text: string;
  /** flow, aux: the value; stock with `rate`: unused. */
  equation?: Expr;
  /** stock: initial value; initial: the expression captured; previous, delay: the value before history. */
  initial?: Expr;
  /** stock: a rate expression instead of inflows and outflows (hidden stocks). */
  rate?: Expr;
  inflows?: readonly string[];
  outflows?: readonly string[];
  /** Stock kept at or above zero, flow clamped at zero (XMILE `<non_negative/>`). */
  nonNegative: boolean;
  /** A graphical function applied to `equation` (and the table LOOKUP uses). */
  table?: LookupTable;
  /** previous, delay: what is sampled every step. */
  input?: Expr;
  /** delay: the delay time, read once at the start (Stella and Vensim's DELAY FIXED fix the lag then). */
  delayTime?: Expr;
}

/** Ids of the system nodes. */
export const TIME = '·time';
export const DT = '·dt';
export const STARTTIME = '·starttime';
export const STOPTIME = '·stoptime';
export const SYSTEM_IDS = [TIME, DT, STARTTIME, STOPTIME] as const;

export interface ModelGraph {
  readonly nodes: ReadonlyMap<string, ModelNode>;
  /** Model variables in document order (what a run reports by default). */
  readonly variables: readonly string[];
}

/** Ids a node reads while the model runs (stocks and held values are state, not dependencies). */
export function dynamicDependencies(node: ModelNode, into = new Set<string>()): Set<string> {
  const add = (expr: Expr | undefined): void => {
    if (expr !== undefined) collect(expr, into);
  };
  switch (node.kind) {
    case 'flow':
    case 'aux':
      add(node.equation);
      break;
    default:
      break;
  }
  return into;
}

/** Ids a node reads when the run starts (a stock's initial value, INIT's argument, ...). */
export function initialDependencies(node: ModelNode, into = new Set<string>()): Set<string> {
  const expr = node.kind === 'flow' || node.kind === 'aux' ? node.equation : node.initial;
  if (expr !== undefined) collect(expr, into);
  // DELAY's delay time is read once, at the start.
  if (node.delayTime !== undefined) collect(node.delayTime, into);
  return into;
}

function collect(expr: Expr, into: Set<string>): void {
  switch (expr.kind) {
    case 'ref':
      into.add(expr.id);
      break;
    case 'number':
      break;
    case 'unary':
      collect(expr.operand, into);
      break;
    case 'binary':
      collect(expr.left, into);
      collect(expr.right, into);
      break;
    case 'if':
      collect(expr.condition, into);
      collect(expr.then, into);
      collect(expr.otherwise, into);
      break;
    case 'call':
      for (const arg of expr.args) collect(arg, into);
      break;
    case 'lookup':
      collect(expr.input, into);
      break;
  }
}
