/**
 * Evaluates an expression as it stands when the run starts, before anything is compiled: used where a
 * builtin needs a number at compile time (the order of DELAYN and SMTHN, which fixes how many hidden stocks
 * they get; Vensim likewise evaluates the order once, at initialisation).
 */
import type { Expr } from '../equation/ast';
import { makeLookup } from '../graphical';
import {
  binaryImplementation,
  isTrue,
  pulse,
  ramp,
  step,
  unaryImplementation,
  type Dialect,
} from '../functions';
import { applyUnary, binaryOperation } from '../operators';
import type { SimulationBounds } from './builder';
import { DT, STARTTIME, STOPTIME, TIME, type ModelNode } from './nodes';

export class StartValueError extends Error {
  override readonly name = 'StartValueError';
}

export function valueAtStart(
  expr: Expr,
  nodes: ReadonlyMap<string, ModelNode>,
  bounds: SimulationBounds,
  dialect: Dialect,
  ensure: (id: string) => void = () => undefined,
  visiting = new Set<string>(),
): number {
  const evaluate = (inner: Expr): number => valueAtStart(inner, nodes, bounds, dialect, ensure, visiting);
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'unary':
      return applyUnary(expr.op, evaluate(expr.operand));
    case 'binary':
      return binaryOperation(expr.op, dialect)(evaluate(expr.left), evaluate(expr.right));
    case 'if':
      return isTrue(evaluate(expr.condition)) ? evaluate(expr.then) : evaluate(expr.otherwise);
    case 'lookup': {
      const table = nodes.get(expr.table)?.table;
      if (table === undefined) throw new StartValueError(`"${expr.table}" has no graphical function`);
      return makeLookup(table)(evaluate(expr.input));
    }
    case 'ref':
      return nodeAtStart(expr.id, nodes, bounds, dialect, ensure, visiting);
    case 'call': {
      const args = expr.args.map(evaluate);
      const [a = 0, b = 0, c] = args;
      const { start, dt } = bounds;
      switch (expr.id) {
        case 'step':
          return step(start, dt, a, b);
        case 'ramp':
          return ramp(start, a, b, c ?? Infinity);
        case 'pulse':
          return pulse(start, dt, a, args.length > 1 ? b : start, c ?? 0);
        case 'mean':
          return args.reduce((sum, value) => sum + value, 0) / args.length;
        case 'safediv':
          return b !== 0 ? a / b : (c ?? 0);
        case 'pi':
          return Math.PI;
        default: {
          const unary = args.length === 1 ? unaryImplementation(expr.id, dialect) : undefined;
          if (unary !== undefined) return unary(a);
          const binary = args.length === 2 ? binaryImplementation(expr.id, dialect) : undefined;
          if (binary !== undefined) return binary(a, b);
          throw new StartValueError(`${expr.name.toUpperCase()} has no value before the run`);
        }
      }
    }
  }
}

function nodeAtStart(
  id: string,
  nodes: ReadonlyMap<string, ModelNode>,
  bounds: SimulationBounds,
  dialect: Dialect,
  ensure: (id: string) => void,
  visiting: Set<string>,
): number {
  if (id === TIME || id === STARTTIME) return bounds.start;
  if (id === STOPTIME) return bounds.stop;
  if (id === DT) return bounds.dt;
  const node = nodes.get(id);
  if (node === undefined) throw new StartValueError(`"${id}" is not defined`);
  if (visiting.has(id)) throw new StartValueError(`"${node.name}" depends on itself`);
  visiting.add(id);
  try {
    ensure(id);
    const expr = node.kind === 'aux' || node.kind === 'flow' ? node.equation : node.initial;
    if (expr === undefined) throw new StartValueError(`"${node.name}" has no value before the run`);
    let value = valueAtStart(expr, nodes, bounds, dialect, ensure, visiting);
    if ((node.kind === 'aux' || node.kind === 'flow') && node.table !== undefined)
      value = makeLookup(node.table)(value);
    if (node.kind === 'flow' && node.nonNegative && value < 0) value = 0;
    return value;
  } finally {
    visiting.delete(id);
  }
}
