/**
 * Constant folding: a subexpression of numbers only (`-2^2`, `4 - 5 + 6`, `0+0`, `PI()`) becomes one
 * number before compiling. References are never folded, so a constant stays a parameter that a scenario can
 * override without recompiling.
 */
import type { Expr } from '../equation/ast';
import { binaryImplementation, isTrue, unaryImplementation, type Dialect } from '../functions';
import { applyUnary, binaryOperation } from '../operators';

const number = (value: number, expr: Expr): Expr => ({ kind: 'number', value, span: expr.span });

export function foldConstants(expr: Expr, dialect: Dialect): Expr {
  switch (expr.kind) {
    case 'number':
    case 'ref':
      return expr;
    case 'unary': {
      const operand = foldConstants(expr.operand, dialect);
      return operand.kind === 'number'
        ? number(applyUnary(expr.op, operand.value), expr)
        : { ...expr, operand };
    }
    case 'binary': {
      const left = foldConstants(expr.left, dialect);
      const right = foldConstants(expr.right, dialect);
      if (left.kind === 'number' && right.kind === 'number') {
        return number(binaryOperation(expr.op, dialect)(left.value, right.value), expr);
      }
      return { ...expr, left, right };
    }
    case 'if': {
      const condition = foldConstants(expr.condition, dialect);
      const then = foldConstants(expr.then, dialect);
      const otherwise = foldConstants(expr.otherwise, dialect);
      if (condition.kind === 'number') return isTrue(condition.value) ? then : otherwise;
      return { ...expr, condition, then, otherwise };
    }
    case 'lookup':
      return { ...expr, input: foldConstants(expr.input, dialect) };
    case 'call': {
      const args = expr.args.map((arg) => foldConstants(arg, dialect));
      if (args.every((arg) => arg.kind === 'number')) {
        const values = args.map((arg) => (arg.kind === 'number' ? arg.value : 0));
        const folded = foldCall(expr.id, values, dialect);
        if (folded !== undefined) return number(folded, expr);
      }
      return { ...expr, args };
    }
  }
}

function foldCall(id: string, values: readonly number[], dialect: Dialect): number | undefined {
  const [a = 0, b = 0, c] = values;
  if (id === 'pi') return Math.PI;
  if (id === 'mean') return values.reduce((sum, value) => sum + value, 0) / values.length;
  if (id === 'safediv') return b !== 0 ? a / b : (c ?? 0);
  if (values.length === 1) return unaryImplementation(id, dialect)?.(a);
  if (values.length === 2) return binaryImplementation(id, dialect)?.(a, b);
  return undefined;
}
