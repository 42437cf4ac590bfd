/**
 * Stateful builtins and macros made visible to a run. The engine turns `SMTH1(x, 3)` into hidden nodes a run
 * does not report, so an equation that uses one inside a larger expression (`SMTH1(x, 3) / reference`)
 * cannot be re-evaluated from reported values, which Loops That Matter needs for every link. Here each such
 * call becomes an auxiliary of its own (`Training intensity SMTH1`), which a run reports; the variable's
 * equation reads it instead. The model computes exactly what it computed before. The analysis folds these
 * auxiliaries back into their owners, so loops read in the model's own variables.
 *
 * A variable whose whole equation is one such call is left as it is: it is its own black box
 * (black-box.ts). Stocks are untouched (their equation is the initial value, read once).
 */
import {
  canonicalName,
  parseEquation,
  printExpr,
  type Expr,
  type ModelDocument,
  type Variable,
} from '../index';
import { canonicalFunction, STATEFUL_FUNCTIONS } from '../functions';

export interface ExposedModel {
  readonly document: ModelDocument;
  /** Canonical id of each added auxiliary, with the name of the variable it came out of. */
  readonly owners: ReadonlyMap<string, string>;
}

/** The kind of call that keeps hidden state: a stateful builtin or a macro (and not a graphical function). */
export function isStatefulCall(expr: Expr, document: Pick<ModelDocument, 'macros' | 'variables'>): boolean {
  if (expr.kind !== 'call') return false;
  const tables = document.variables.some(
    (variable) => variable.gf !== undefined && canonicalName(variable.name) === expr.id,
  );
  if (tables) return false;
  return (
    canonicalFunction(expr.id) in STATEFUL_FUNCTIONS ||
    document.macros.some((macro) => canonicalName(macro.name) === expr.id)
  );
}

function parsed(text: string): Expr | undefined {
  try {
    return parseEquation(text);
  } catch {
    return undefined;
  }
}

/** `expr` with every outermost stateful call replaced by a reference `name(call)` returns. */
function replaceCalls(expr: Expr, document: ModelDocument, name: (call: Expr) => string): Expr {
  if (isStatefulCall(expr, document)) {
    const reference = name(expr);
    return { kind: 'ref', name: reference, id: canonicalName(reference), span: expr.span };
  }
  switch (expr.kind) {
    case 'number':
    case 'ref':
      return expr;
    case 'unary':
      return { ...expr, operand: replaceCalls(expr.operand, document, name) };
    case 'binary':
      return {
        ...expr,
        left: replaceCalls(expr.left, document, name),
        right: replaceCalls(expr.right, document, name),
      };
    case 'if':
      return {
        ...expr,
        condition: replaceCalls(expr.condition, document, name),
        then: replaceCalls(expr.then, document, name),
        otherwise: replaceCalls(expr.otherwise, document, name),
      };
    case 'call':
      return { ...expr, args: expr.args.map((arg) => replaceCalls(arg, document, name)) };
    case 'lookup':
      return { ...expr, input: replaceCalls(expr.input, document, name) };
  }
}

export function exposeStatefulCalls(document: ModelDocument): ExposedModel {
  const owners = new Map<string, string>();
  const used = new Set(document.variables.map((variable) => canonicalName(variable.name)));
  const added: Variable[] = [];
  const variables = document.variables.map((variable): Variable => {
    if (variable.kind !== 'aux' && variable.kind !== 'flow') return variable;
    const expr = parsed(variable.eqn);
    if (expr === undefined) return variable;
    if (isStatefulCall(expr, document) && variable.gf === undefined) return variable;
    let changed = false;
    const rewritten = replaceCalls(expr, document, (call) => {
      const base = `${variable.name} ${call.kind === 'call' ? call.name.toUpperCase() : 'state'}`;
      let name = base;
      for (let copy = 2; used.has(canonicalName(name)); copy++) name = `${base} ${copy}`;
      used.add(canonicalName(name));
      owners.set(canonicalName(name), variable.name);
      added.push({ kind: 'aux', name, eqn: printExpr(call), attributes: {}, extra: [] });
      changed = true;
      return name;
    });
    return changed ? { ...variable, eqn: printExpr(rewritten) } : variable;
  });
  if (added.length === 0) return { document, owners };
  return { document: { ...document, variables: [...variables, ...added] }, owners };
}
