/**
 * Scenario overrides that rewrite the model: `variable = number`, for any auxiliary, flow or stock
 * (its initial value), as PySD's `run(params=...)` allows. Constants can be overridden per run without
 * this (CompiledModel.parameterVector); this is for variables computed from an equation, and needs a
 * recompile.
 */
import type { Diagnostic, Outcome } from './diagnostics';
import type { ModelDocument, Variable } from './document';
import { canonicalName, displayName } from './names';

export function overrideEquations(
  document: ModelDocument,
  overrides: Readonly<Record<string, number>>,
): Outcome<ModelDocument> {
  const errors: Diagnostic[] = [];
  const byId = new Map<string, number>();
  for (const [name, value] of Object.entries(overrides)) {
    const id = canonicalName(name);
    const variable = document.variables.find((candidate) => canonicalName(candidate.name) === id);
    if (variable === undefined || variable.kind === 'gf') {
      const shown = displayName(name);
      errors.push({
        code: 'override',
        variable: shown,
        message:
          variable === undefined
            ? `"${shown}" is not a variable of the model`
            : `"${shown}" is a graphical function, not a value that can be set`,
      });
      continue;
    }
    byId.set(id, value);
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  const variables = document.variables.map((variable): Variable => {
    const value = byId.get(canonicalName(variable.name));
    if (value === undefined) return variable;
    const { gf: _gf, ...rest } = variable;
    return variable.kind === 'stock' ? { ...variable, eqn: String(value) } : { ...rest, eqn: String(value) };
  });
  return { ok: true, value: { ...document, variables }, warnings: [] };
}
