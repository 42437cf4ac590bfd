/**
 * Re-evaluates one equation over chosen input values: what a Loops That Matter partial change needs (the
 * equation of z with x at its new value and every other input at its old one, Schoenberg, Davidsen & Eberlein
 * 2020, equation 1) and what a numerical partial derivative needs (x nudged, the rest as in the run).
 *
 * The engine compiles equations into instruction programs over its run buffer and does not expose a way to
 * evaluate one equation over a value map, so this is a small closure compiler over the engine's lowered
 * `Expr` tree. The semantics are the engine's own: its operator, builtin and graphical-function
 * implementations (operators.ts, functions.ts, graphical.ts) are called, not copied. Random draws cannot be
 * replayed outside a run; an equation that draws one evaluates to NaN, and its links count as unscorable.
 */
import type { Expr } from '../equation/ast';
import {
  approximatelyEqual,
  binaryImplementation,
  canonicalFunction,
  isTrue,
  pulse,
  ramp,
  RANDOM_FUNCTIONS,
  step,
  unaryImplementation,
  type Dialect,
} from '../functions';
import { makeLookup, type LookupTable } from '../graphical';
import type { ModelNode } from '../index';
import { applyUnary, binaryOperation } from '../operators';

/** Reads the value of a column (a variable, or TIME/DT) for the evaluation at hand. */
export type ColumnReader = (column: number) => number;

export type Evaluator = (read: ColumnReader) => number;

export interface EvaluationContext {
  readonly dialect: Dialect;
  /** The column of a variable or system node, by canonical id; undefined when it has none. */
  column(id: string): number | undefined;
  readonly timeColumn: number;
  readonly dtColumn: number;
  /** The graphical function of a variable, by canonical id. */
  table(id: string): LookupTable | undefined;
}

const NOT_A_NUMBER: Evaluator = () => Number.NaN;

export function compileEquation(expr: Expr, context: EvaluationContext): Evaluator {
  switch (expr.kind) {
    case 'number': {
      const value = expr.value;
      return () => value;
    }
    case 'ref': {
      const column = context.column(expr.id);
      if (column === undefined) return NOT_A_NUMBER;
      return (read) => read(column);
    }
    case 'unary': {
      const operand = compileEquation(expr.operand, context);
      const op = expr.op;
      return (read) => applyUnary(op, operand(read));
    }
    case 'binary': {
      const left = compileEquation(expr.left, context);
      const right = compileEquation(expr.right, context);
      const apply = binaryOperation(expr.op, context.dialect);
      return (read) => apply(left(read), right(read));
    }
    case 'if': {
      const condition = compileEquation(expr.condition, context);
      const then = compileEquation(expr.then, context);
      const otherwise = compileEquation(expr.otherwise, context);
      return (read) => (isTrue(condition(read)) ? then(read) : otherwise(read));
    }
    case 'lookup': {
      const table = context.table(expr.table);
      if (table === undefined) return NOT_A_NUMBER;
      const lookup = makeLookup(table);
      const input = compileEquation(expr.input, context);
      return (read) => lookup(input(read));
    }
    case 'call':
      return compileCall(expr.id, expr.args, context);
  }
}

/**
 * A call, lowered or as parsed: parsed equations (black-box.ts reads a builtin's input from the document)
 * still name a graphical function as a call, `table(x)` or `LOOKUP(table, x)`, and may use an alias.
 */
function compileCall(name: string, args: readonly Expr[], context: EvaluationContext): Evaluator {
  const table = args.length === 1 ? context.table(name) : undefined;
  if (table !== undefined)
    return compileEquation(
      { kind: 'lookup', table: name, input: args[0] as Expr, span: (args[0] as Expr).span },
      context,
    );
  const [first, second] = args;
  if (name === 'lookup' && first?.kind === 'ref' && second !== undefined)
    return compileEquation({ kind: 'lookup', table: first.id, input: second, span: second.span }, context);
  const id = canonicalFunction(name);
  if (id in RANDOM_FUNCTIONS) return NOT_A_NUMBER;
  const compiled = args.map((arg) => compileEquation(arg, context));
  const argument = (index: number): Evaluator => compiled[index] ?? NOT_A_NUMBER;
  const { timeColumn, dtColumn } = context;
  switch (id) {
    case 'safediv': {
      // The engine's SAFEDIV: the fallback (default 0) when the divisor is zero.
      const [numerator, divisor] = [argument(0), argument(1)];
      const fallback = compiled[2] ?? (() => 0);
      return (read) => {
        const by = divisor(read);
        return by !== 0 ? numerator(read) / by : fallback(read);
      };
    }
    case 'mean':
      return (read) => compiled.reduce((total, arg) => total + arg(read), 0) / compiled.length;
    case 'if_then_else': {
      const [condition, then, otherwise] = [argument(0), argument(1), argument(2)];
      return (read) => (isTrue(condition(read)) ? then(read) : otherwise(read));
    }
    case 'pi':
      return () => Math.PI;
    case 'step': {
      const [height, at] = [argument(0), argument(1)];
      return (read) => step(read(timeColumn), read(dtColumn), height(read), at(read));
    }
    case 'ramp': {
      const [slope, start] = [argument(0), argument(1)];
      const end = compiled[2] ?? (() => Infinity);
      return (read) => ramp(read(timeColumn), slope(read), start(read), end(read));
    }
    case 'pulse': {
      const magnitude = argument(0);
      const first = compiled[1] ?? ((read: ColumnReader) => read(timeColumn));
      const interval = compiled[2] ?? (() => 0);
      return (read) => pulse(read(timeColumn), read(dtColumn), magnitude(read), first(read), interval(read));
    }
    default: {
      if (compiled.length === 1) {
        const unary = unaryImplementation(id, context.dialect);
        const operand = argument(0);
        if (unary !== undefined) return (read) => unary(operand(read));
      }
      const binary = compiled.length === 2 ? binaryImplementation(id, context.dialect) : undefined;
      if (binary !== undefined) {
        const [left, right] = [argument(0), argument(1)];
        return (read) => binary(left(read), right(read));
      }
      return NOT_A_NUMBER;
    }
  }
}

/**
 * A variable's value from its inputs, as the engine computes it (compile/runner.ts `valueTree`): the
 * equation, then its graphical function if it has one, then the clamp of a non-negative flow.
 */
export function compileVariable(node: ModelNode, context: EvaluationContext): Evaluator {
  if (node.equation === undefined) return NOT_A_NUMBER;
  const equation = compileEquation(node.equation, context);
  const lookup = node.table === undefined ? undefined : makeLookup(node.table);
  const clamp = node.kind === 'flow' && node.nonNegative;
  return (read) => {
    let value = equation(read);
    if (lookup !== undefined) value = lookup(value);
    return clamp && value < 0 ? 0 : value;
  };
}

/** The engine's equality, for telling "did not change" from a change lost in rounding. */
export const unchanged = (a: number, b: number): boolean => approximatelyEqual(a, b);
