/**
 * Reads `<stock>`, `<flow>`, `<aux>`, `<gf>` and `<macro>` elements (XMILE 1.0 sections 3.1, 3.6) into the
 * document's variables, tolerating what real files contain: vendor attributes and elements (kept for the
 * writer), `<ypts sep=";">`, the legacy `<gf discrete="true">`, and variables nested in a variable whose
 * closing tag is missing (test-models `non_negative_flows`), which are lifted back out with a warning.
 */
import type { Diagnostic } from './diagnostics';
import { GF_TYPES, type GraphicalFunction, type Macro, type Variable } from './document';
import { displayName } from './names';
import { childElements, firstChild, isElement, textOf, type XmlElement, type XmlNode } from './xml-tree';

export const VARIABLE_TAGS = new Set(['stock', 'flow', 'aux', 'gf', 'module']);
const KNOWN_CHILDREN = new Set(['eqn', 'doc', 'units', 'gf', 'inflow', 'outflow', 'non_negative', 'uniflow']);

/** Where diagnostics go while reading. */
export interface ReadContext {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

/** `<non_negative/>`, `<non_negative>true</non_negative>` or `<non_negative> FALSE </non_negative>`. */
export function readFlag(element: XmlElement): boolean {
  const text = textOf(element).trim().toLowerCase();
  return text !== 'false' && text !== '0';
}

function readNumbers(element: XmlElement, what: string, variable: string, context: ReadContext): number[] {
  const separator = element.attributes['sep'] ?? ',';
  const text = textOf(element).trim();
  if (text === '') return [];
  const values: number[] = [];
  for (const part of text.split(separator)) {
    const value = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(value)) {
      context.errors.push({
        code: 'schema',
        variable,
        message: `"${variable}": the graphical function's ${what} "${part.trim()}" is not a number`,
      });
    } else {
      values.push(value);
    }
  }
  return values;
}

function readScale(element: XmlElement | undefined): { min: number; max: number } | undefined {
  if (element === undefined) return undefined;
  const min = Number(element.attributes['min']);
  const max = Number(element.attributes['max']);
  return Number.isFinite(min) && Number.isFinite(max) ? { min, max } : undefined;
}

/** Reads a `<gf>` element (or a stand-alone `<gf name>` variable). */
export function readGraphicalFunction(
  element: XmlElement,
  variable: string,
  context: ReadContext,
): GraphicalFunction {
  const declared = (element.attributes['type'] ?? '').toLowerCase();
  const type = (GF_TYPES as readonly string[]).includes(declared)
    ? (declared as GraphicalFunction['type'])
    : (element.attributes['discrete'] ?? '').toLowerCase() === 'true'
      ? 'discrete'
      : 'continuous';
  if (declared !== '' && type !== declared) {
    context.errors.push({
      code: 'schema',
      variable,
      message: `"${variable}": graphical function type "${declared}" is not one of ${GF_TYPES.join(', ')}`,
    });
  }
  const xptsElement = firstChild(element, 'xpts');
  const yptsElement = firstChild(element, 'ypts');
  const gf: GraphicalFunction = {
    type,
    ypts: yptsElement === undefined ? [] : readNumbers(yptsElement, 'y point', variable, context),
  };
  const xscale = readScale(firstChild(element, 'xscale'));
  const yscale = readScale(firstChild(element, 'yscale'));
  if (xptsElement !== undefined) gf.xpts = readNumbers(xptsElement, 'x point', variable, context);
  if (xscale !== undefined) gf.xscale = xscale;
  if (yscale !== undefined) gf.yscale = yscale;
  if (element.attributes['name'] !== undefined && element.tag !== 'gf') gf.name = element.attributes['name'];
  return gf;
}

/**
 * Reads the variables of a `<variables>` element. Children that are not variables go to `others`.
 * A variable found inside another variable is read as a sibling (the file forgot a closing tag).
 */
export function readVariables(
  container: XmlElement,
  context: ReadContext,
  others: XmlNode[],
  insideMacro?: string,
): Variable[] {
  const variables: Variable[] = [];
  const pending: XmlElement[] = [];
  for (const child of container.children) {
    if (isElement(child) && VARIABLE_TAGS.has(child.tag)) pending.push(child);
    else if (isElement(child)) others.push(child);
  }
  while (pending.length > 0) {
    const next = pending.shift() as XmlElement;
    // A <gf> inside a variable is that variable's graphical function, never a sibling.
    const nested = childElements(next).filter((child) => VARIABLE_TAGS.has(child.tag) && child.tag !== 'gf');
    if (nested.length > 0) {
      context.warnings.push({
        code: 'recovered',
        variable: next.attributes['name'] ?? next.tag,
        message: `<${next.tag} name="${next.attributes['name'] ?? ''}"> is not closed before the next variable; read ${nested.length} variable(s) found inside it as its siblings`,
      });
      pending.unshift(...nested);
    }
    const variable = readVariable(next, context, insideMacro);
    if (variable !== undefined) variables.push(variable);
  }
  return variables;
}

function readVariable(
  element: XmlElement,
  context: ReadContext,
  insideMacro: string | undefined,
): Variable | undefined {
  const where = insideMacro === undefined ? '' : ` in macro "${insideMacro}"`;
  const name = element.attributes['name'];
  if (name === undefined || name.trim() === '') {
    context.errors.push({ code: 'schema', message: `a <${element.tag}>${where} has no name attribute` });
    return undefined;
  }
  const shown = displayName(name);
  if (element.tag === 'module') {
    context.errors.push({
      code: 'unsupported',
      variable: shown,
      message: `"${shown}"${where}: modules (<module>) are not supported yet`,
    });
    return undefined;
  }
  const eqnElement = firstChild(element, 'eqn');
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(element.attributes)) {
    if (key !== 'name' && !(element.tag === 'gf' && (key === 'type' || key === 'discrete')))
      attributes[key] = value;
  }
  const extra = element.children.filter(
    (child) =>
      isElement(child) &&
      !(VARIABLE_TAGS.has(child.tag) && child.tag !== 'gf') &&
      !KNOWN_CHILDREN.has(child.tag) &&
      !(element.tag === 'gf' && ['xpts', 'ypts', 'xscale', 'yscale'].includes(child.tag)),
  );
  const base = {
    name,
    eqn: eqnElement === undefined ? '' : textOf(eqnElement).trim(),
    attributes,
    extra,
  };
  const doc = firstChild(element, 'doc');
  const units = firstChild(element, 'units');
  const gfElement = element.tag === 'gf' ? element : firstChild(element, 'gf');
  const optional: { doc?: string; units?: string; gf?: GraphicalFunction } = {};
  if (doc !== undefined) optional.doc = textOf(doc).trim();
  if (units !== undefined) optional.units = textOf(units).trim();
  if (gfElement !== undefined) optional.gf = readGraphicalFunction(gfElement, shown, context);
  const flag = firstChild(element, 'non_negative') ?? firstChild(element, 'uniflow');
  switch (element.tag) {
    case 'stock': {
      const stock: Variable = {
        kind: 'stock',
        ...base,
        ...optional,
        inflows: childElements(element, 'inflow').map((flow) => textOf(flow).trim()),
        outflows: childElements(element, 'outflow').map((flow) => textOf(flow).trim()),
      };
      if (flag !== undefined) stock.nonNegative = readFlag(flag);
      return stock;
    }
    case 'flow': {
      const flow: Variable = { kind: 'flow', ...base, ...optional };
      if (flag !== undefined) flow.nonNegative = readFlag(flag);
      return flow;
    }
    case 'gf':
      return { kind: 'gf', ...base, ...optional };
    default:
      return { kind: 'aux', ...base, ...optional };
  }
}

/** Reads a `<macro>` element. */
export function readMacro(element: XmlElement, context: ReadContext): Macro | undefined {
  const name = element.attributes['name'];
  if (name === undefined || name.trim() === '') {
    context.errors.push({ code: 'macro', message: 'a <macro> has no name attribute' });
    return undefined;
  }
  const eqn = firstChild(element, 'eqn');
  const variablesElement = firstChild(element, 'variables');
  const extra: XmlNode[] = [];
  // Vendor elements inside a macro's <variables> (isee:dependencies) are derived data and are not kept.
  const variables = variablesElement === undefined ? [] : readVariables(variablesElement, context, [], name);
  for (const child of element.children) {
    if (isElement(child) && !['eqn', 'parm', 'variables', 'doc'].includes(child.tag)) extra.push(child);
  }
  const macro: Macro = {
    name,
    eqn: eqn === undefined ? '' : textOf(eqn).trim(),
    parms: childElements(element, 'parm').map((parm) => textOf(parm).trim()),
    variables,
    extra,
  };
  const doc = firstChild(element, 'doc');
  if (doc !== undefined) macro.doc = textOf(doc).trim();
  return macro;
}
