/**
 * The equation syntax tree. The parser produces `number`, `ref`, `unary`, `binary`, `if` and `call` nodes;
 * lowering (graph/lower.ts) resolves names, expands macros and stateful builtins into hidden variables, and
 * adds `lookup` nodes for graphical functions. Every node keeps its span in the equation text, so errors
 * and the editor can point at it.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type UnaryOperator = '-' | '+' | 'not';

export type BinaryOperator =
  '+' | '-' | '*' | '/' | '^' | 'mod' | '<' | '<=' | '>' | '>=' | '=' | '<>' | 'and' | 'or';

export interface NumberNode {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
}

/** A variable reference. `name` is as written (quotes removed); `id` is the canonical key it resolves to. */
export interface RefNode {
  readonly kind: 'ref';
  readonly name: string;
  readonly id: string;
  readonly span: Span;
}

export interface UnaryNode {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expr;
  readonly span: Span;
}

export interface BinaryNode {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface IfNode {
  readonly kind: 'if';
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
  readonly span: Span;
}

/** A function call; `id` is the canonical function name (`smth1`, `expression_macro`, a table's name). */
export interface CallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly id: string;
  readonly args: readonly Expr[];
  readonly span: Span;
}

/** A graphical function applied to an input; `table` is the id of the variable whose `<gf>` is used. */
export interface LookupNode {
  readonly kind: 'lookup';
  readonly table: string;
  readonly input: Expr;
  readonly span: Span;
}

export type Expr = NumberNode | RefNode | UnaryNode | BinaryNode | IfNode | CallNode | LookupNode;

/** Calls `visit` on every node of `expr`, parents before children. */
export function walk(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'unary':
      walk(expr.operand, visit);
      break;
    case 'binary':
      walk(expr.left, visit);
      walk(expr.right, visit);
      break;
    case 'if':
      walk(expr.condition, visit);
      walk(expr.then, visit);
      walk(expr.otherwise, visit);
      break;
    case 'call':
      for (const arg of expr.args) walk(arg, visit);
      break;
    case 'lookup':
      walk(expr.input, visit);
      break;
    case 'number':
    case 'ref':
      break;
  }
}

/** The ids of the variables an expression reads (a lookup's table is a definition, not a read). */
export function referencedIds(expr: Expr): Set<string> {
  const ids = new Set<string>();
  walk(expr, (node) => {
    if (node.kind === 'ref') ids.add(node.id);
  });
  return ids;
}
