/** Prints a syntax tree back as an XMILE equation, fully parenthesised where precedence could be unclear. */
import { equationReference } from '../names';
import type { Expr } from './ast';

export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'ref':
      return equationReference(expr.name);
    case 'unary':
      return expr.op === 'not'
        ? `NOT (${printExpr(expr.operand)})`
        : `${expr.op}(${printExpr(expr.operand)})`;
    case 'binary': {
      const op =
        expr.op === 'mod' || expr.op === 'and' || expr.op === 'or' ? ` ${expr.op.toUpperCase()} ` : expr.op;
      return `(${printExpr(expr.left)}${op}${printExpr(expr.right)})`;
    }
    case 'if':
      return `(IF ${printExpr(expr.condition)} THEN ${printExpr(expr.then)} ELSE ${printExpr(expr.otherwise)})`;
    case 'call':
      return `${equationReference(expr.name).toUpperCase()}(${expr.args.map(printExpr).join(', ')})`;
    case 'lookup':
      return `LOOKUP(${expr.table}, ${printExpr(expr.input)})`;
  }
}
