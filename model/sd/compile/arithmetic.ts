/**
 * Closures for `+ - * /`: a slot, a constant or any expression on either side gets a closure of its own,
 * and a chain of one kind of operator over slots and numbers becomes one loop. Split from expression.ts;
 * `compile` is its compileExpression, passed in to keep the modules acyclic.
 */
import type { BinaryNode, Expr } from '../equation/ast';
import type { ExpressionEnvironment, Thunk } from './expression';

/**
 * A left-deep chain of one kind of operator over slots and numbers (`a*b*c/d`, `a+b-c+2`) as one closure
 * with a loop, instead of a closure per operator. The loop keeps the left-to-right order, so the rounding is
 * the same as the tree's.
 */
export function compileChain(expr: BinaryNode, env: ExpressionEnvironment): Thunk | undefined {
  const multiplicative = expr.op === '*' || expr.op === '/';
  const operands: Expr[] = [];
  const inverse: boolean[] = [];
  let node: Expr = expr;
  while (
    node.kind === 'binary' &&
    (multiplicative ? node.op === '*' || node.op === '/' : node.op === '+' || node.op === '-')
  ) {
    operands.push(node.right);
    inverse.push(node.op === '/' || node.op === '-');
    node = node.left;
  }
  operands.push(node);
  inverse.push(false);
  operands.reverse();
  inverse.reverse();
  if (
    operands.length < 3 ||
    !operands.every((operand) => operand.kind === 'ref' || operand.kind === 'number')
  ) {
    return undefined;
  }
  const v = env.values;
  // Numbers are kept in a side array and read through negative indices: slot -1 - k is constant k.
  const constants = new Float64Array(
    operands
      .filter((operand) => operand.kind === 'number')
      .map((operand) => (operand.kind === 'number' ? operand.value : 0)),
  );
  let constantIndex = 0;
  const slots = Int32Array.from(operands, (operand) =>
    operand.kind === 'ref' ? env.slotOf(operand.id) : -1 - constantIndex++,
  );
  const flags = Uint8Array.from(inverse, (flag) => (flag ? 1 : 0));
  const count = slots.length;
  const read = (index: number): number => {
    const slot = slots[index] as number;
    return slot >= 0 ? (v[slot] as number) : (constants[-1 - slot] as number);
  };
  if (constants.length === 0 && multiplicative) {
    return () => {
      let value = v[slots[0] as number] as number;
      for (let index = 1; index < count; index++) {
        const operand = v[slots[index] as number] as number;
        value = flags[index] === 1 ? value / operand : value * operand;
      }
      return value;
    };
  }
  if (constants.length === 0) {
    return () => {
      let value = v[slots[0] as number] as number;
      for (let index = 1; index < count; index++) {
        const operand = v[slots[index] as number] as number;
        value = flags[index] === 1 ? value - operand : value + operand;
      }
      return value;
    };
  }
  if (multiplicative) {
    return () => {
      let value = read(0);
      for (let index = 1; index < count; index++)
        value = flags[index] === 1 ? value / read(index) : value * read(index);
      return value;
    };
  }
  return () => {
    let value = read(0);
    for (let index = 1; index < count; index++)
      value = flags[index] === 1 ? value - read(index) : value + read(index);
    return value;
  };
}

/** `a op b` for op in + - * /, specialised on the shapes of a and b. */
export function compileArithmetic(
  expr: BinaryNode,
  env: ExpressionEnvironment,
  compile: (expr: Expr, env: ExpressionEnvironment) => Thunk,
): Thunk {
  const v = env.values;
  const { op, left, right } = expr;
  const chain = compileChain(expr, env);
  if (chain !== undefined) return chain;
  // Shapes: a slot, a constant, or anything else, on either side.
  if (left.kind === 'ref' && right.kind === 'ref') {
    const a = env.slotOf(left.id);
    const b = env.slotOf(right.id);
    if (op === '+') return () => (v[a] as number) + (v[b] as number);
    if (op === '-') return () => (v[a] as number) - (v[b] as number);
    if (op === '*') return () => (v[a] as number) * (v[b] as number);
    return () => (v[a] as number) / (v[b] as number);
  }
  if (left.kind === 'ref' && right.kind === 'number') {
    const a = env.slotOf(left.id);
    const c = right.value;
    if (op === '+') return () => (v[a] as number) + c;
    if (op === '-') return () => (v[a] as number) - c;
    if (op === '*') return () => (v[a] as number) * c;
    return () => (v[a] as number) / c;
  }
  if (left.kind === 'number' && right.kind === 'ref') {
    const c = left.value;
    const b = env.slotOf(right.id);
    if (op === '+') return () => c + (v[b] as number);
    if (op === '-') return () => c - (v[b] as number);
    if (op === '*') return () => c * (v[b] as number);
    return () => c / (v[b] as number);
  }
  if (right.kind === 'ref') {
    const f = compile(left, env);
    const b = env.slotOf(right.id);
    if (op === '+') return () => f() + (v[b] as number);
    if (op === '-') return () => f() - (v[b] as number);
    if (op === '*') return () => f() * (v[b] as number);
    return () => f() / (v[b] as number);
  }
  if (left.kind === 'ref') {
    const a = env.slotOf(left.id);
    const g = compile(right, env);
    if (op === '+') return () => (v[a] as number) + g();
    if (op === '-') return () => (v[a] as number) - g();
    if (op === '*') return () => (v[a] as number) * g();
    return () => (v[a] as number) / g();
  }
  if (right.kind === 'number') {
    const f = compile(left, env);
    const c = right.value;
    if (op === '+') return () => f() + c;
    if (op === '-') return () => f() - c;
    if (op === '*') return () => f() * c;
    return () => f() / c;
  }
  if (left.kind === 'number') {
    const c = left.value;
    const g = compile(right, env);
    if (op === '+') return () => c + g();
    if (op === '-') return () => c - g();
    if (op === '*') return () => c * g();
    return () => c / g();
  }
  const f = compile(left, env);
  const g = compile(right, env);
  if (op === '+') return () => f() + g();
  if (op === '-') return () => f() - g();
  if (op === '*') return () => f() * g();
  return () => f() / g();
}
