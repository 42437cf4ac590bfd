/**
 * Lowering: resolves every name of an equation to a node id and turns calls into what the compiler knows.
 * A call is, in this order: a graphical function called with its input (`table(TIME)`), LOOKUP(table, x),
 * a macro (macros.ts), a stateful builtin (stateful.ts), a pure or random builtin (functions.ts). Errors are
 * recorded with the variable and position; lowering goes on past them to report as many as it can.
 */
import type { CallNode, Expr, RefNode } from '../equation/ast';
import {
  PURE_FUNCTIONS,
  RANDOM_FUNCTIONS,
  STATEFUL_FUNCTIONS,
  canonicalFunction,
  type PureFunction,
} from '../functions';
import { placeholder, type LoweringContext } from './builder';
import { instantiateMacro } from './macros';
import { DT, STARTTIME, STOPTIME, TIME } from './nodes';
import { lowerStateful } from './stateful';

/** Names that mean something without being defined in the model. */
const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  time: TIME,
  dt: DT,
  starttime: STARTTIME,
  stoptime: STOPTIME,
};
const CONSTANT_NAMES: Readonly<Record<string, number>> = { pi: Math.PI, nan: Number.NaN, inf: Infinity };

export function lower(expr: Expr, context: LoweringContext): Expr {
  switch (expr.kind) {
    case 'number':
    case 'lookup':
      return expr;
    case 'ref':
      return lowerRef(expr, context);
    case 'unary':
      return { ...expr, operand: lower(expr.operand, context) };
    case 'binary':
      return { ...expr, left: lower(expr.left, context), right: lower(expr.right, context) };
    case 'if':
      return {
        ...expr,
        condition: lower(expr.condition, context),
        then: lower(expr.then, context),
        otherwise: lower(expr.otherwise, context),
      };
    case 'call':
      return lowerCall(expr, context);
  }
}

function lowerRef(expr: RefNode, context: LoweringContext): Expr {
  // TIME is reserved (XMILE 3.5.3): it means the simulation time even where a model defines "Time".
  if (expr.id === 'time') return { ...expr, id: TIME };
  const resolved = context.scope.resolve(expr.id);
  if (resolved !== undefined) {
    const node = context.builder.nodes.get(resolved);
    if (node?.kind === 'table') {
      context.builder.error(
        'bad-argument',
        context.variable,
        context.text,
        expr.span,
        `"${expr.name}" is a graphical function with no value of its own; use it as ${expr.name}(input) or LOOKUP(${expr.name}, input)`,
      );
      return placeholder(expr.span);
    }
    return { ...expr, id: resolved };
  }
  const system = SYSTEM_NAMES[expr.id];
  if (system !== undefined) return { ...expr, id: system };
  const constant = CONSTANT_NAMES[expr.id];
  if (constant !== undefined) return { kind: 'number', value: constant, span: expr.span };
  context.builder.error(
    'unknown-variable',
    context.variable,
    context.text,
    expr.span,
    `unknown variable "${expr.name}"`,
  );
  return placeholder(expr.span);
}

/** True when the node an id resolves to carries a graphical function. */
function tableOf(id: string, context: LoweringContext): string | undefined {
  const resolved = context.scope.resolve(id);
  return resolved !== undefined && context.builder.nodes.get(resolved)?.table !== undefined
    ? resolved
    : undefined;
}

function checkArity(
  call: CallNode,
  name: string,
  signature: PureFunction,
  context: LoweringContext,
): boolean {
  const count = call.args.length;
  if (count >= signature.minArgs && count <= signature.maxArgs) return true;
  const expected =
    signature.minArgs === signature.maxArgs
      ? `${signature.minArgs}`
      : signature.maxArgs === Infinity
        ? `at least ${signature.minArgs}`
        : `${signature.minArgs} to ${signature.maxArgs}`;
  context.builder.error(
    'arity',
    context.variable,
    context.text,
    call.span,
    `${name.toUpperCase()} takes ${expected} argument${expected === '1' ? '' : 's'}, not ${count}`,
  );
  return false;
}

function lowerCall(call: CallNode, context: LoweringContext): Expr {
  const table = tableOf(call.id, context);
  if (table !== undefined) {
    if (!checkArity(call, call.name, { minArgs: 1, maxArgs: 1 }, context)) return placeholder(call.span);
    return { kind: 'lookup', table, input: lower(call.args[0] as Expr, context), span: call.span };
  }
  const id = canonicalFunction(call.id);
  if (id === 'lookup') return lowerLookup(call, context);
  const macro = context.builder.macros.get(call.id);
  if (macro !== undefined) {
    const signature = { minArgs: macro.parms.length, maxArgs: macro.parms.length };
    if (!checkArity(call, macro.name, signature, context)) return placeholder(call.span);
    return instantiateMacro(
      macro,
      call,
      call.args.map((arg) => lower(arg, context)),
      context,
    );
  }
  const system = SYSTEM_NAMES[call.id];
  if (system !== undefined && call.args.length === 0)
    return { kind: 'ref', name: call.name, id: system, span: call.span };
  const stateful = STATEFUL_FUNCTIONS[id];
  if (stateful !== undefined) {
    if (!checkArity(call, call.name, stateful, context)) return placeholder(call.span);
    return lowerStateful(
      id,
      call,
      call.args.map((arg) => lower(arg, context)),
      context,
    );
  }
  const signature = PURE_FUNCTIONS[id] ?? RANDOM_FUNCTIONS[id];
  if (signature === undefined) {
    context.builder.error(
      'unknown-function',
      context.variable,
      context.text,
      call.span,
      `unknown function "${call.name}" (not a builtin, a macro or a graphical function of the model)`,
    );
    return placeholder(call.span);
  }
  if (!checkArity(call, call.name, signature, context)) return placeholder(call.span);
  const args = call.args.map((arg) => lower(arg, context));
  if (id === 'if_then_else') {
    const [condition, then, otherwise] = args as [Expr, Expr, Expr];
    return { kind: 'if', condition, then, otherwise, span: call.span };
  }
  if (id === 'pi') return { kind: 'number', value: Math.PI, span: call.span };
  return { ...call, id, args };
}

/** LOOKUP(table, input): the first argument names a variable with a graphical function. */
function lowerLookup(call: CallNode, context: LoweringContext): Expr {
  if (!checkArity(call, call.name, { minArgs: 2, maxArgs: 2 }, context)) return placeholder(call.span);
  const [tableArg, input] = call.args as [Expr, Expr];
  const table = tableArg.kind === 'ref' ? tableOf(tableArg.id, context) : undefined;
  if (table === undefined) {
    context.builder.error(
      'bad-argument',
      context.variable,
      context.text,
      tableArg.span,
      'the first argument of LOOKUP must name a variable that has a graphical function',
    );
    return placeholder(call.span);
  }
  return { kind: 'lookup', table, input: lower(input, context), span: call.span };
}
