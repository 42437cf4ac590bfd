/**
 * Who reads whom, straight from the equations as written: the information links a stock-and-flow diagram
 * draws. A stock's equation is its initial value, so a link into a stock means its start depends on the
 * source (Stella draws those too). Flows into and out of stocks are pipes, not links.
 */
import type { ModelDocument, Variable } from '../document';
import { equationReads } from './references';
import { canonical } from './memo';

/** True when the variable is a table that equations call as `name(x)`. */
export const isTable = (variable: Variable): boolean => variable.kind === 'gf' || variable.gf !== undefined;

/**
 * The ids of the model's variables that `variable`'s equation reads, itself excluded, or undefined while the
 * equation does not parse. `byId` maps canonical names to the model's variables.
 */
export function readsOf(
  variable: Variable,
  byId: ReadonlyMap<string, Variable>,
): ReadonlySet<string> | undefined {
  if (variable.kind === 'gf') return new Set();
  const reads = equationReads(variable.eqn);
  if (reads === undefined) return undefined;
  const self = canonical(variable.name);
  const ids = new Set<string>();
  for (const id of reads.values) if (id !== self && byId.has(id)) ids.add(id);
  for (const id of reads.calls) {
    const table = byId.get(id);
    if (id !== self && table !== undefined && isTable(table)) ids.add(id);
  }
  return ids;
}

export function variablesById(document: ModelDocument): Map<string, Variable> {
  return new Map(document.variables.map((variable) => [canonical(variable.name), variable]));
}

/** Every variable's reads, keyed by canonical name, in the model's order. */
export function variableReads(document: ModelDocument): Map<string, ReadonlySet<string> | undefined> {
  const byId = variablesById(document);
  return new Map(
    document.variables.map((variable) => [canonical(variable.name), readsOf(variable, byId)] as const),
  );
}
