/**
 * Builds the ModelGraph of a document: one node per model variable, equations parsed and lowered, flows
 * checked against the stocks that list them, constants folded. Stops with diagnostics (never an exception)
 * when the model cannot be simulated.
 */
import { variableDiagnostic, type Outcome } from '../diagnostics';
import type { ModelDocument, Variable } from '../document';
import type { Expr } from '../equation/ast';
import { dialectOf, type Dialect } from '../functions';
import { buildTable } from '../graphical';
import { canonicalName, displayName, referenceKey } from '../names';
import { isElement } from '../xml-tree';
import { GraphBuilder, type LoweringContext, type SimulationBounds } from './builder';
import { foldConstants } from './fold';
import { lower } from './lower';
import { DT, STARTTIME, STOPTIME, SYSTEM_IDS, TIME, type ModelGraph, type ModelNode } from './nodes';

export interface BuiltGraph extends ModelGraph {
  readonly dialect: Dialect;
  readonly bounds: SimulationBounds;
}

const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  [TIME]: 'TIME',
  [DT]: 'DT',
  [STARTTIME]: 'STARTTIME',
  [STOPTIME]: 'STOPTIME',
};

function nodeKind(variable: Variable): ModelNode['kind'] {
  if (variable.kind === 'gf' || (variable.kind === 'aux' && variable.eqn === '' && variable.gf !== undefined))
    return 'table';
  return variable.kind;
}

export function buildGraph(document: ModelDocument): Outcome<BuiltGraph> {
  const dialect = dialectOf(document.header);
  const { start, stop, dt } = document.simSpecs;
  const builder = new GraphBuilder(dialect, { start, stop, dt });
  for (const id of SYSTEM_IDS) {
    builder.add({
      id,
      name: SYSTEM_NAMES[id] ?? id,
      kind: 'system',
      hidden: true,
      owner: id,
      text: '',
      nonNegative: false,
    });
  }
  for (const macro of document.macros) builder.macros.set(canonicalName(macro.name), macro);

  const variables: string[] = [];
  const sources = new Map<string, Variable>();
  for (const variable of document.variables) {
    const id = canonicalName(variable.name);
    const name = displayName(variable.name);
    if (sources.has(id)) {
      builder.errors.push(
        variableDiagnostic(
          'duplicate-name',
          name,
          `another variable has the same name (names ignore case, spaces and underscores)`,
        ),
      );
      continue;
    }
    const arrayed = variable.extra.some(
      (child) => isElement(child) && (child.tag === 'dimensions' || child.tag === 'element'),
    );
    if (arrayed) {
      builder.errors.push(
        variableDiagnostic('unsupported', name, 'arrayed variables (subscripts) are not supported yet'),
      );
      continue;
    }
    const kind = nodeKind(variable);
    if (kind !== 'table' && variable.eqn === '') {
      builder.errors.push(
        variableDiagnostic(
          'missing-equation',
          name,
          variable.kind === 'stock' ? 'the stock has no initial value' : 'the variable has no equation',
        ),
      );
      continue;
    }
    const explicit = variable.kind === 'stock' || variable.kind === 'flow' ? variable.nonNegative : undefined;
    const byDefault =
      variable.kind === 'stock'
        ? document.behavior.nonNegativeStocks
        : variable.kind === 'flow' && document.behavior.nonNegativeFlows;
    const node: ModelNode = {
      id,
      name,
      kind,
      hidden: false,
      owner: name,
      text: variable.eqn,
      nonNegative: explicit ?? byDefault,
    };
    if (variable.gf !== undefined) node.table = buildTable(variable.gf);
    builder.add(node);
    sources.set(id, variable);
    if (kind !== 'table') variables.push(id);
  }

  const scope = { resolve: (id: string) => (sources.has(id) ? id : undefined) };
  const lowered = new Set<string>();
  const lowerVariable = (id: string): void => {
    const variable = sources.get(id);
    const node = builder.nodes.get(id);
    if (variable === undefined || node === undefined || node.kind === 'table' || lowered.has(id)) return;
    lowered.add(id);
    const parsed = builder.parse(variable.eqn, node.name);
    if (parsed === undefined) return;
    const context: LoweringContext = {
      builder,
      scope,
      variable: node.name,
      text: variable.eqn,
      macroDepth: 0,
    };
    const expr = lower(parsed, context);
    if (node.kind === 'stock') node.initial = expr;
    else node.equation = expr;
  };
  builder.ensureLowered = lowerVariable;
  for (const id of sources.keys()) lowerVariable(id);

  for (const [id, variable] of sources) {
    if (variable.kind !== 'stock') continue;
    const node = builder.nodes.get(id) as ModelNode;
    const resolveFlows = (names: readonly string[], direction: string): string[] =>
      names.flatMap((written) => {
        const flow = builder.nodes.get(referenceKey(written));
        // Converted files (xmutil's `zeroled_decimals`) declare some flows as <aux>: their value is the rate.
        if (flow?.kind === 'flow' || flow?.kind === 'aux') return [flow.id];
        const problem =
          flow === undefined
            ? 'is not a variable of the model'
            : `is a ${flow.kind === 'table' ? 'graphical function' : flow.kind}, not a flow`;
        builder.errors.push(
          variableDiagnostic('bad-flow', node.name, `its ${direction} "${displayName(written)}" ${problem}`),
        );
        return [];
      });
    node.inflows = resolveFlows(variable.inflows, 'inflow');
    node.outflows = resolveFlows(variable.outflows, 'outflow');
  }
  for (const node of builder.nodes.values()) {
    if (node.kind === 'stock' && node.inflows !== undefined) {
      const isRate = (flow: string): boolean => ['flow', 'aux'].includes(builder.nodes.get(flow)?.kind ?? '');
      node.inflows = node.inflows.filter(isRate);
      node.outflows = (node.outflows ?? []).filter(isRate);
    }
  }

  if (builder.errors.length > 0) return { ok: false, errors: builder.errors, warnings: builder.warnings };
  const fold = (expr: Expr | undefined): Expr | undefined =>
    expr === undefined ? undefined : foldConstants(expr, dialect);
  for (const node of builder.nodes.values()) {
    for (const key of ['equation', 'initial', 'rate', 'input', 'delayTime'] as const) {
      const folded = fold(node[key]);
      if (folded !== undefined) node[key] = folded;
    }
  }
  return {
    ok: true,
    value: { nodes: builder.nodes, variables, dialect, bounds: builder.bounds },
    warnings: builder.warnings,
  };
}
