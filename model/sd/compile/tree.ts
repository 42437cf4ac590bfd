/**
 * Slot trees: an equation with its names resolved to slots of the run's Float64Array and its calls resolved
 * to what they compute. Numbers stay numbers until the program is built (program.ts puts them in slots of
 * their own), so shapes such as `x^2` are still visible. Random calls, whose draws are held per step, stay
 * equations compiled by expression.ts (`thunk`), as does any lazily evaluated part around one, so draws
 * happen exactly when they did.
 */
import type { BinaryOperator, Expr } from '../equation/ast';
import {
  binaryImplementation,
  pulse,
  ramp,
  RANDOM_FUNCTIONS,
  step,
  unaryImplementation,
  type Dialect,
} from '../functions';
import type { LookupTable } from '../graphical';
import { binaryOperation } from '../operators';

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '<>';

export type Tree =
  | { readonly kind: 'slot'; readonly slot: number }
  | { readonly kind: 'number'; readonly value: number }
  | {
      readonly kind: 'arithmetic';
      readonly op: ArithmeticOperator;
      readonly left: Tree;
      readonly right: Tree;
    }
  | { readonly kind: 'negate' | 'square' | 'not' | 'clamp'; readonly operand: Tree }
  | { readonly kind: 'compare'; readonly op: ComparisonOperator; readonly left: Tree; readonly right: Tree }
  | { readonly kind: 'and' | 'or' | 'min' | 'max'; readonly left: Tree; readonly right: Tree }
  | { readonly kind: 'if'; readonly condition: Tree; readonly then: Tree; readonly otherwise: Tree }
  | { readonly kind: 'lookup'; readonly table: LookupTable; readonly input: Tree }
  | { readonly kind: 'safediv'; readonly numerator: Tree; readonly divisor: Tree; readonly fallback: Tree }
  /** A function of its arguments, all evaluated in order (builtins, STEP/RAMP/PULSE with TIME and DT). */
  | { readonly kind: 'apply'; readonly fn: (...args: number[]) => number; readonly args: readonly Tree[] }
  /** An equation left to the closure compiler of expression.ts; `pure` when it draws no random numbers. */
  | { readonly kind: 'thunk'; readonly expr: Expr; readonly pure: boolean };

export interface TreeContext {
  readonly dialect: Dialect;
  readonly timeSlot: number;
  readonly dtSlot: number;
  slotOf(id: string): number;
  tableOf(id: string): LookupTable;
}

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '=', '<>']);

/** True when evaluating the expression draws no random numbers. */
export function isPure(expr: Expr): boolean {
  switch (expr.kind) {
    case 'number':
    case 'ref':
      return true;
    case 'unary':
      return isPure(expr.operand);
    case 'binary':
      return isPure(expr.left) && isPure(expr.right);
    case 'if':
      return isPure(expr.condition) && isPure(expr.then) && isPure(expr.otherwise);
    case 'lookup':
      return isPure(expr.input);
    case 'call':
      return !(expr.id in RANDOM_FUNCTIONS) && expr.args.every(isPure);
  }
}

export function toTree(expr: Expr, context: TreeContext): Tree {
  switch (expr.kind) {
    case 'number':
      return { kind: 'number', value: expr.value };
    case 'ref':
      return { kind: 'slot', slot: context.slotOf(expr.id) };
    case 'unary': {
      const operand = toTree(expr.operand, context);
      if (expr.op === '+') return operand;
      return { kind: expr.op === '-' ? 'negate' : 'not', operand };
    }
    case 'binary':
      return binaryTree(expr.op, expr.left, expr.right, expr, context);
    case 'if':
      return {
        kind: 'if',
        condition: toTree(expr.condition, context),
        then: toTree(expr.then, context),
        otherwise: toTree(expr.otherwise, context),
      };
    case 'lookup':
      return { kind: 'lookup', table: context.tableOf(expr.table), input: toTree(expr.input, context) };
    case 'call':
      return callTree(expr.id, expr.args, expr, context);
  }
}

function binaryTree(op: BinaryOperator, left: Expr, right: Expr, expr: Expr, context: TreeContext): Tree {
  if (op === '+' || op === '-' || op === '*' || op === '/')
    return { kind: 'arithmetic', op, left: toTree(left, context), right: toTree(right, context) };
  if (COMPARISONS.has(op))
    return {
      kind: 'compare',
      op: op as ComparisonOperator,
      left: toTree(left, context),
      right: toTree(right, context),
    };
  if (op === 'and' || op === 'or') {
    // Logic short-circuits: with a random draw inside, keep the closure compiler's order of evaluation.
    if (!isPure(expr)) return { kind: 'thunk', expr, pure: false };
    return { kind: op, left: toTree(left, context), right: toTree(right, context) };
  }
  if (op === '^' && right.kind === 'number' && right.value === 2)
    return { kind: 'square', operand: toTree(left, context) };
  return {
    kind: 'apply',
    fn: binaryOperation(op, context.dialect),
    args: [toTree(left, context), toTree(right, context)],
  };
}

function callTree(id: string, args: readonly Expr[], expr: Expr, context: TreeContext): Tree {
  const trees = (): Tree[] => args.map((arg) => toTree(arg, context));
  const time: Tree = { kind: 'slot', slot: context.timeSlot };
  const dt: Tree = { kind: 'slot', slot: context.dtSlot };
  switch (id) {
    case 'min':
    case 'max': {
      const [left, right] = trees() as [Tree, Tree];
      return { kind: id, left, right };
    }
    case 'safediv': {
      // The numerator and the fallback are evaluated only when needed: keep that order for random draws.
      if (!isPure(expr)) return { kind: 'thunk', expr, pure: false };
      const [numerator, divisor, fallback = { kind: 'number', value: 0 }] = trees() as [Tree, Tree, Tree?];
      return { kind: 'safediv', numerator, divisor, fallback };
    }
    case 'mean': {
      // (0 + a + b + ...) / n, the closure compiler's order of additions.
      const sum = trees().reduce<Tree>(
        (total, arg) => ({ kind: 'arithmetic', op: '+', left: total, right: arg }),
        { kind: 'number', value: 0 },
      );
      return { kind: 'arithmetic', op: '/', left: sum, right: { kind: 'number', value: args.length } };
    }
    case 'step': {
      const [height, stepTime] = trees() as [Tree, Tree];
      return { kind: 'apply', fn: step, args: [time, dt, height, stepTime] };
    }
    case 'ramp': {
      const [slope, start, end = { kind: 'number', value: Infinity }] = trees() as [Tree, Tree, Tree?];
      return { kind: 'apply', fn: ramp, args: [time, slope, start, end] };
    }
    case 'pulse': {
      const [magnitude, first = time, interval = { kind: 'number', value: 0 }] = trees() as [
        Tree,
        Tree?,
        Tree?,
      ];
      return { kind: 'apply', fn: pulse, args: [time, dt, magnitude, first, interval] };
    }
    default: {
      if (id in RANDOM_FUNCTIONS) return { kind: 'thunk', expr, pure: false };
      if (args.length === 1) {
        const unary = unaryImplementation(id, context.dialect);
        if (unary !== undefined) return { kind: 'apply', fn: unary, args: trees() };
      }
      const binary = args.length === 2 ? binaryImplementation(id, context.dialect) : undefined;
      if (binary !== undefined) return { kind: 'apply', fn: binary, args: trees() };
      throw new Error(`no implementation for ${id} with ${args.length} arguments`);
    }
  }
}

/** The trees directly under a tree, in the order they are evaluated. */
export function children(tree: Tree): readonly Tree[] {
  switch (tree.kind) {
    case 'slot':
    case 'number':
    case 'thunk':
      return [];
    case 'negate':
    case 'square':
    case 'not':
    case 'clamp':
      return [tree.operand];
    case 'arithmetic':
    case 'compare':
    case 'and':
    case 'or':
    case 'min':
    case 'max':
      return [tree.left, tree.right];
    case 'if':
      return [tree.condition, tree.then, tree.otherwise];
    case 'lookup':
      return [tree.input];
    case 'safediv':
      return [tree.numerator, tree.divisor, tree.fallback];
    case 'apply':
      return tree.args;
  }
}
