/**
 * Compiles a lowered equation into a closure returning its value, over the run's one Float64Array of values:
 * no `eval` or `new Function` (the renderer's Content Security Policy forbids them). The step's equations
 * are programs of instructions (program.ts), which never return numbers; these closures compute what runs
 * once per step outside them (DELAY and PREVIOUS inputs, a DELAY's delay time) and the parts of equations
 * that draw random numbers, whose draws are held per step and must happen exactly when evaluated.
 */
import type { BinaryNode, Expr } from '../equation/ast';
import {
  approximatelyEqual,
  binaryImplementation,
  isTrue,
  pulse,
  ramp,
  step,
  unaryImplementation,
  type Dialect,
} from '../functions';
import { makeLookup, type LookupTable } from '../graphical';
import { binaryOperation } from '../operators';
import { compileArithmetic } from './arithmetic';
import type { RandomStream } from '../random';

export type Thunk = () => number;

export interface ExpressionEnvironment {
  readonly values: Float64Array;
  readonly dialect: Dialect;
  /** Slots of TIME, DT and the step counter (random draws hold for a whole dt). */
  readonly timeSlot: number;
  readonly dtSlot: number;
  readonly stepSlot: number;
  slotOf(id: string): number;
  tableOf(id: string): LookupTable;
  /** The stream a random call draws from: its own when the equation gives a seed, the run's otherwise. */
  randomStream(seed: number | undefined): RandomStream;
}

export function compileExpression(expr: Expr, env: ExpressionEnvironment): Thunk {
  const v = env.values;
  switch (expr.kind) {
    case 'number': {
      const value = expr.value;
      return () => value;
    }
    case 'ref': {
      const slot = env.slotOf(expr.id);
      return () => v[slot] as number;
    }
    case 'unary': {
      if (expr.op === '+') return compileExpression(expr.operand, env);
      if (expr.op === 'not') {
        const condition = compileCondition(expr.operand, env);
        return () => (condition() ? 0 : 1);
      }
      if (expr.operand.kind === 'ref') {
        const slot = env.slotOf(expr.operand.id);
        return () => -(v[slot] as number);
      }
      const operand = compileExpression(expr.operand, env);
      return () => -operand();
    }
    case 'binary':
      return compileBinary(expr, env);
    case 'if': {
      const condition = compileCondition(expr.condition, env);
      const then = compileExpression(expr.then, env);
      const otherwise = compileExpression(expr.otherwise, env);
      return () => (condition() ? then() : otherwise());
    }
    case 'lookup': {
      const lookup = makeLookup(env.tableOf(expr.table));
      if (expr.input.kind === 'ref') {
        const slot = env.slotOf(expr.input.id);
        return () => lookup(v[slot] as number);
      }
      const input = compileExpression(expr.input, env);
      return () => lookup(input());
    }
    case 'call':
      return compileCall(expr.id, expr.args, env);
  }
}

/** A condition as a boolean closure: comparisons and logic without the detour through 1 and 0. */
export function compileCondition(expr: Expr, env: ExpressionEnvironment): () => boolean {
  if (expr.kind === 'binary') {
    const { op } = expr;
    if (op === 'and' || op === 'or') {
      const left = compileCondition(expr.left, env);
      const right = compileCondition(expr.right, env);
      return op === 'and' ? () => left() && right() : () => left() || right();
    }
    if (op === '<' || op === '<=' || op === '>' || op === '>=' || op === '=' || op === '<>') {
      const left = compileExpression(expr.left, env);
      const right = compileExpression(expr.right, env);
      switch (op) {
        case '<':
          return () => left() < right();
        case '<=':
          return () => left() <= right();
        case '>':
          return () => left() > right();
        case '>=':
          return () => left() >= right();
        case '=':
          return () => approximatelyEqual(left(), right());
        case '<>':
          return () => !approximatelyEqual(left(), right());
      }
    }
  }
  if (expr.kind === 'unary' && expr.op === 'not') {
    const inner = compileCondition(expr.operand, env);
    return () => !inner();
  }
  const value = compileExpression(expr, env);
  return () => isTrue(value());
}

function compileBinary(expr: BinaryNode, env: ExpressionEnvironment): Thunk {
  const { op, left, right } = expr;
  if (op === '+' || op === '-' || op === '*' || op === '/')
    return compileArithmetic(expr, env, compileExpression);
  if (op === '^' && right.kind === 'number' && right.value === 2) {
    const f = compileExpression(left, env);
    return () => {
      const x = f();
      return x * x;
    };
  }
  if (
    op === '<' ||
    op === '<=' ||
    op === '>' ||
    op === '>=' ||
    op === '=' ||
    op === '<>' ||
    op === 'and' ||
    op === 'or'
  ) {
    const condition = compileCondition(expr, env);
    return () => (condition() ? 1 : 0);
  }
  const operation = binaryOperation(op, env.dialect);
  const f = compileExpression(left, env);
  const g = compileExpression(right, env);
  return () => operation(f(), g());
}

function compileCall(id: string, args: readonly Expr[], env: ExpressionEnvironment): Thunk {
  const v = env.values;
  const time = env.timeSlot;
  const dt = env.dtSlot;
  const thunks = args.map((arg) => compileExpression(arg, env));
  const [a = () => 0, b = () => 0, c] = thunks;
  switch (id) {
    case 'min':
      return () => {
        const x = a();
        const y = b();
        return x < y ? x : y;
      };
    case 'max':
      return () => {
        const x = a();
        const y = b();
        return x > y ? x : y;
      };
    case 'safediv': {
      const fallback = c ?? (() => 0);
      return () => {
        const divisor = b();
        return divisor !== 0 ? a() / divisor : fallback();
      };
    }
    case 'mean': {
      const count = thunks.length;
      return () => {
        let sum = 0;
        for (let index = 0; index < count; index++) sum += (thunks[index] as Thunk)();
        return sum / count;
      };
    }
    case 'step':
      return () => step(v[time] as number, v[dt] as number, a(), b());
    case 'ramp': {
      const end = c ?? (() => Infinity);
      return () => ramp(v[time] as number, a(), b(), end());
    }
    case 'pulse': {
      const first = thunks.length > 1 ? b : () => v[time] as number;
      const interval = c ?? (() => 0);
      return () => pulse(v[time] as number, v[dt] as number, a(), first(), interval());
    }
    case 'random':
    case 'normal':
    case 'lognormal':
    case 'triangular':
      return compileRandom(id, args, thunks, env);
    default: {
      if (thunks.length === 1) {
        const unary = unaryImplementation(id, env.dialect);
        if (unary !== undefined) {
          const arg = args[0] as Expr;
          if (arg.kind === 'ref') {
            const slot = env.slotOf(arg.id);
            return () => unary(v[slot] as number);
          }
          return () => unary(a());
        }
      }
      const binary = thunks.length === 2 ? binaryImplementation(id, env.dialect) : undefined;
      if (binary !== undefined) return () => binary(a(), b());
      throw new Error(`no implementation for ${id} with ${thunks.length} arguments`);
    }
  }
}

/** Random draws hold for one dt (the same value at every Runge-Kutta stage of a step). */
function compileRandom(
  id: string,
  args: readonly Expr[],
  thunks: readonly Thunk[],
  env: ExpressionEnvironment,
): Thunk {
  const v = env.values;
  const stepSlot = env.stepSlot;
  const parameters = id === 'triangular' ? 3 : 2;
  const seedArg = args[parameters];
  const stream = env.randomStream(seedArg?.kind === 'number' ? seedArg.value : undefined);
  const [a = () => 0, b = () => 0, c = () => 0] = thunks;
  let draw: Thunk;
  switch (id) {
    case 'normal':
      draw = () => stream.normal(a(), b());
      break;
    case 'lognormal':
      draw = () => stream.lognormal(a(), b());
      break;
    case 'triangular':
      draw = () => stream.triangular(a(), b(), c());
      break;
    default:
      draw = () => stream.uniform(a(), b());
  }
  let lastStep = -1;
  let held = 0;
  return () => {
    const current = v[stepSlot] as number;
    if (current !== lastStep) {
      lastStep = current;
      held = draw();
    }
    return held;
  };
}
