/**
 * Finding a variable by name, checking a new name, and the field edits of the inspector (equation, units,
 * documentation). Every edit returns a new document (the old one is never changed, so undo keeps it) or
 * diagnostics naming the problem.
 */
import type { Diagnostic, Outcome } from '../diagnostics';
import type { ModelDocument, Variable } from '../document';
import { KEYWORDS } from '../equation/lexer';
import { canonicalName, displayName } from '../names';

const KIND_NAMES: Readonly<Record<Variable['kind'], string>> = {
  stock: 'stock',
  flow: 'flow',
  aux: 'auxiliary',
  gf: 'graphical function',
};

/** "stock", "flow", "auxiliary" or "graphical function". */
export const kindName = (variable: Variable): string => KIND_NAMES[variable.kind];

export function findVariable(document: ModelDocument, name: string): Variable | undefined {
  const id = canonicalName(name);
  return document.variables.find((variable) => canonicalName(variable.name) === id);
}

export const unknownVariable = (name: string): Diagnostic => ({
  code: 'unknown-variable',
  variable: displayName(name),
  message: `"${displayName(name)}" is not a variable of the model`,
});

export const failed = <T>(errors: readonly Diagnostic[]): Outcome<T> => ({ ok: false, errors, warnings: [] });
export const succeeded = <T>(value: T): Outcome<T> => ({ ok: true, value, warnings: [] });

/**
 * Why `name` cannot name a variable, or undefined when it can. `current` is the variable being renamed, which
 * may keep its own name in another spelling. Names are compared canonically (XMILE 1.0 section 3.2.2), so
 * "room temperature" clashes with "Room_Temperature". TIME is reserved (section 3.5.3) and the operators
 * spelled as words cannot be names.
 */
export function nameProblem(document: ModelDocument, name: string, current?: string): Diagnostic | undefined {
  const trimmed = name.trim();
  const id = canonicalName(trimmed);
  if (id === '') {
    return { code: 'schema', message: 'a variable needs a name' };
  }
  if (id === 'time' || KEYWORDS.has(id)) {
    return {
      code: 'schema',
      variable: trimmed,
      message: `"${trimmed}" is reserved in equations and cannot name a variable`,
    };
  }
  const currentId = current === undefined ? undefined : canonicalName(current);
  const clash = document.variables.find(
    (variable) => canonicalName(variable.name) === id && canonicalName(variable.name) !== currentId,
  );
  if (clash !== undefined) {
    return {
      code: 'duplicate-name',
      variable: trimmed,
      message: `"${trimmed}" is already the name of the ${kindName(clash)} "${displayName(clash.name)}" (names ignore case, spaces and underscores)`,
    };
  }
  return undefined;
}

/** The first of "New stock", "New stock 2", "New stock 3", ... that names no variable yet. */
export function freeName(document: ModelDocument, base: string): string {
  const taken = new Set(document.variables.map((variable) => canonicalName(variable.name)));
  if (!taken.has(canonicalName(base))) return base;
  for (let number = 2; ; number++) {
    const candidate = `${base} ${number}`;
    if (!taken.has(canonicalName(candidate))) return candidate;
  }
}

/** The document with one variable replaced by `change(variable)`. */
export function updateVariable(
  document: ModelDocument,
  name: string,
  change: (variable: Variable) => Variable,
): Outcome<ModelDocument> {
  const id = canonicalName(name);
  const index = document.variables.findIndex((variable) => canonicalName(variable.name) === id);
  const variable = document.variables[index];
  if (variable === undefined) return failed([unknownVariable(name)]);
  const variables = document.variables.map((each, position) => (position === index ? change(each) : each));
  return succeeded({ ...document, variables });
}

/**
 * Sets a variable's equation (a stock's initial value) as typed. The text is kept even when it does not parse:
 * the compile reports it, and the editor shows where. The view's connectors are left as they are while the
 * equation is being typed (the diagram draws what the equation reads anyway); `syncConnectors` brings them
 * in step when the edit is done, so a connector that was needed all along keeps its angle.
 */
export function setEquation(document: ModelDocument, name: string, equation: string): Outcome<ModelDocument> {
  return updateVariable(document, name, (variable) => ({ ...variable, eqn: equation }));
}

/** Sets a variable's units; an empty text removes them. */
export function setUnits(document: ModelDocument, name: string, units: string): Outcome<ModelDocument> {
  return updateVariable(document, name, (variable) => {
    const next: Variable = { ...variable };
    if (units.trim() === '') delete next.units;
    else next.units = units;
    return next;
  });
}

/** Sets a variable's documentation; an empty text removes it. */
export function setDocumentation(
  document: ModelDocument,
  name: string,
  documentation: string,
): Outcome<ModelDocument> {
  return updateVariable(document, name, (variable) => {
    const next: Variable = { ...variable };
    if (documentation.trim() === '') delete next.doc;
    else next.doc = documentation;
    return next;
  });
}
