/**
 * `v[target] = expr` as one closure for the commonest shapes (a slot combined with a slot, an expression
 * combined with a slot), so a step costs one call per variable; anything else stores what its closure returns.
 */
import type { Expr } from '../equation/ast';
import { compileChain } from './arithmetic';
import { compileExpression, type ExpressionEnvironment } from './expression';

/** A closure that computes an expression and stores it in a slot. */
export type Assignment = () => void;

/**
 * `v[target] = expr` as one closure for the commonest shapes (a slot or a constant combined with a slot,
 * an operator chain), so a step costs one call per variable; anything else stores what its closure returns.
 */
export function compileAssignment(expr: Expr, target: number, env: ExpressionEnvironment): Assignment {
  const v = env.values;
  if (expr.kind === 'binary' && (expr.op === '+' || expr.op === '-' || expr.op === '*' || expr.op === '/')) {
    const { op, left, right } = expr;
    if (left.kind === 'ref' && right.kind === 'ref') {
      const a = env.slotOf(left.id);
      const b = env.slotOf(right.id);
      if (op === '+') return () => void (v[target] = (v[a] as number) + (v[b] as number));
      if (op === '-') return () => void (v[target] = (v[a] as number) - (v[b] as number));
      if (op === '*') return () => void (v[target] = (v[a] as number) * (v[b] as number));
      return () => void (v[target] = (v[a] as number) / (v[b] as number));
    }
    if (right.kind === 'ref' && compileChain(expr, env) === undefined) {
      const f = compileExpression(left, env);
      const b = env.slotOf(right.id);
      if (op === '+') return () => void (v[target] = f() + (v[b] as number));
      if (op === '-') return () => void (v[target] = f() - (v[b] as number));
      if (op === '*') return () => void (v[target] = f() * (v[b] as number));
      return () => void (v[target] = f() / (v[b] as number));
    }
  }
  if (expr.kind === 'ref') {
    const source = env.slotOf(expr.id);
    return () => void (v[target] = v[source] as number);
  }
  const f = compileExpression(expr, env);
  return () => void (v[target] = f());
}
