/**
 * XMILE macros (1.0 section 3.6): `<macro name="EXPRESSION MACRO">` with `<parm>`s, its own variables and
 * an `<eqn>` giving its result. Each call expands into a fresh copy of the macro's variables (hidden nodes
 * named after the call), with each parameter bound to the call's argument. A macro variable named like a
 * parameter (test-models `macro_stock`: `<flow name="input"/>` feeding the macro's stock) is that
 * parameter. Names inside a macro see only its parameters and variables, plus TIME and the builtins.
 */
import type { Macro } from '../document';
import type { CallNode, Expr } from '../equation/ast';
import { buildTable } from '../graphical';
import { canonicalName, displayName, referenceKey } from '../names';
import { placeholder, type LoweringContext, type Scope } from './builder';
import { lower } from './lower';
import type { ModelNode } from './nodes';

const MAX_MACRO_DEPTH = 32;

export function instantiateMacro(
  macro: Macro,
  call: CallNode,
  args: readonly Expr[],
  context: LoweringContext,
): Expr {
  const { builder } = context;
  if (context.macroDepth >= MAX_MACRO_DEPTH) {
    builder.error(
      'macro',
      context.variable,
      context.text,
      call.span,
      `macro "${macro.name}" calls itself ${MAX_MACRO_DEPTH} levels deep`,
    );
    return placeholder(call.span);
  }
  const instance = `${canonicalName(macro.name)}${builder.nextInstance()}`;
  const local = new Map<string, string>();
  for (const variable of macro.variables) {
    local.set(
      canonicalName(variable.name),
      builder.hiddenId(context.variable, `${instance}.${canonicalName(variable.name)}`),
    );
  }
  const parameters = macro.parms.map(canonicalName);
  for (const parameter of parameters) {
    if (!local.has(parameter))
      local.set(parameter, builder.hiddenId(context.variable, `${instance}.${parameter}`));
  }
  const scope: Scope = { resolve: (id) => local.get(id) };
  const where = (variable: string): string =>
    `${context.variable}: macro ${macro.name}, ${displayName(variable)}`;
  const idOf = (name: string): string => local.get(canonicalName(name)) as string;

  // Register every node first, so the macro's equations can refer to each other in any order.
  const pending: { node: ModelNode; text: string; initial: boolean }[] = [];
  parameters.forEach((parameter, index) => {
    const id = local.get(parameter) as string;
    const declared = macro.variables.find((variable) => canonicalName(variable.name) === parameter);
    builder.add({
      id,
      name: id,
      kind: declared?.kind === 'flow' ? 'flow' : 'aux',
      hidden: true,
      owner: context.variable,
      text: context.text,
      nonNegative: false,
      equation: args[index] as Expr,
    });
  });
  for (const variable of macro.variables) {
    const key = canonicalName(variable.name);
    if (parameters.includes(key)) continue;
    const id = idOf(variable.name);
    const base = {
      id,
      name: id,
      hidden: true,
      owner: context.variable,
      text: variable.eqn,
      nonNegative: (variable.kind === 'stock' || variable.kind === 'flow') && variable.nonNegative === true,
    };
    const table = variable.gf === undefined ? {} : { table: buildTable(variable.gf) };
    if (variable.kind === 'stock') {
      const flows = (names: readonly string[]) => names.map((name) => local.get(referenceKey(name)) ?? name);
      const node: ModelNode = {
        ...base,
        kind: 'stock',
        inflows: flows(variable.inflows),
        outflows: flows(variable.outflows),
      };
      builder.add(node);
      pending.push({ node, text: variable.eqn, initial: true });
    } else if (variable.kind === 'gf' || (variable.eqn === '' && variable.gf !== undefined)) {
      builder.add({ ...base, kind: 'table', ...table });
    } else {
      const node: ModelNode = { ...base, kind: variable.kind, ...table };
      builder.add(node);
      pending.push({ node, text: variable.eqn, initial: false });
    }
  }
  const nested: LoweringContext = { ...context, scope, macroDepth: context.macroDepth + 1 };
  for (const { node, text, initial } of pending) {
    const variable = where(
      macro.variables.find((candidate) => idOf(candidate.name) === node.id)?.name ?? node.id,
    );
    if (text === '') {
      builder.errors.push({
        code: 'macro',
        variable: context.variable,
        message: `${variable}: has no equation`,
      });
      continue;
    }
    const parsed = builder.parse(text, variable);
    if (parsed === undefined) continue;
    const lowered = lower(parsed, { ...nested, variable, text });
    if (initial) node.initial = lowered;
    else node.equation = lowered;
  }
  const output = builder.parse(macro.eqn, where('(result)'));
  if (output === undefined) return placeholder(call.span);
  return lower(output, { ...nested, variable: where('(result)'), text: macro.eqn });
}
