/**
 * Writes a ModelDocument as XMILE 1.0. What the reader kept verbatim (header, diagram views, vendor
 * extensions, unknown attributes) goes back as it was; the model itself is written from the document, so
 * reading what this writes gives the same document and the same results.
 */
import type { GraphicalFunction, Macro, ModelDocument, SimSpecs, Variable } from './document';
import { element, serializeXml, textElement, type XmlElement, type XmlNode } from './xml-tree';

const XMILE_NAMESPACE = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';
const ISEE_NAMESPACE = 'http://iseesystems.com/XMILE';

const number = (value: number): string => String(value);

function graphicalFunction(
  gf: GraphicalFunction,
  tag: string,
  attributes: Record<string, string>,
): XmlElement {
  const children: XmlNode[] = [];
  if (gf.xscale !== undefined)
    children.push(element('xscale', { min: number(gf.xscale.min), max: number(gf.xscale.max) }));
  if (gf.yscale !== undefined)
    children.push(element('yscale', { min: number(gf.yscale.min), max: number(gf.yscale.max) }));
  if (gf.xpts !== undefined) children.push(textElement('xpts', gf.xpts.map(number).join(',')));
  children.push(textElement('ypts', gf.ypts.map(number).join(',')));
  return element(tag, { ...attributes, type: gf.type }, children);
}

function variableElement(variable: Variable): XmlElement {
  const attributes = { name: variable.name, ...variable.attributes };
  if (variable.kind === 'gf') {
    const gf = variable.gf ?? { type: 'continuous' as const, ypts: [0], xpts: [0] };
    const table = graphicalFunction(gf, 'gf', attributes);
    const docs: XmlNode[] = variable.doc === undefined ? [] : [textElement('doc', variable.doc)];
    return { ...table, children: [...docs, ...table.children, ...variable.extra] };
  }
  const children: XmlNode[] = [];
  if (variable.doc !== undefined) children.push(textElement('doc', variable.doc));
  children.push(textElement('eqn', variable.eqn));
  if (variable.kind === 'stock') {
    for (const inflow of variable.inflows) children.push(textElement('inflow', inflow));
    for (const outflow of variable.outflows) children.push(textElement('outflow', outflow));
  }
  if ((variable.kind === 'stock' || variable.kind === 'flow') && variable.nonNegative !== undefined) {
    children.push(variable.nonNegative ? element('non_negative') : textElement('non_negative', 'false'));
  }
  if (variable.gf !== undefined) children.push(graphicalFunction(variable.gf, 'gf', {}));
  if (variable.units !== undefined) children.push(textElement('units', variable.units));
  children.push(...variable.extra);
  return element(variable.kind, attributes, children);
}

function simSpecsElement(specs: SimSpecs): XmlElement {
  const attributes: Record<string, string> = {
    method: specs.method === 'euler' ? 'Euler' : specs.method.toUpperCase(),
  };
  if (specs.timeUnits !== undefined) attributes['time_units'] = specs.timeUnits;
  for (const [key, value] of Object.entries(specs.attributes)) {
    if (key !== 'save_step' && key !== 'isee:save_interval') attributes[key] = value;
  }
  if (specs.saveStep !== undefined) attributes['isee:save_interval'] = number(specs.saveStep);
  const dt = specs.dtReciprocal
    ? textElement('dt', number(Number((1 / specs.dt).toPrecision(15))), { reciprocal: 'true' })
    : textElement('dt', number(specs.dt));
  return element('sim_specs', attributes, [
    textElement('start', number(specs.start)),
    textElement('stop', number(specs.stop)),
    dt,
    ...specs.extra,
  ]);
}

function behaviorElement(behavior: ModelDocument['behavior']): XmlElement | undefined {
  if (behavior.nonNegativeStocks && behavior.nonNegativeFlows)
    return element('behavior', {}, [element('non_negative')]);
  const children: XmlNode[] = [];
  if (behavior.nonNegativeStocks) children.push(element('stock', {}, [element('non_negative')]));
  if (behavior.nonNegativeFlows) children.push(element('flow', {}, [element('non_negative')]));
  return children.length === 0 ? undefined : element('behavior', {}, children);
}

function macroElement(macro: Macro): XmlElement {
  const children: XmlNode[] = [];
  if (macro.doc !== undefined) children.push(textElement('doc', macro.doc));
  children.push(textElement('eqn', macro.eqn));
  for (const parm of macro.parms) children.push(textElement('parm', parm));
  children.push(element('variables', {}, macro.variables.map(variableElement)), ...macro.extra);
  return element('macro', { name: macro.name }, children);
}

function headerElement(document: ModelDocument): XmlNode {
  if (document.preserved.header !== undefined) return document.preserved.header;
  const children: XmlNode[] = [];
  if (document.header.name !== undefined) children.push(textElement('name', document.header.name));
  children.push(textElement('vendor', document.header.vendor ?? 'Empathy Workbench'));
  children.push(
    textElement('product', document.header.product ?? 'Empathy Workbench', { version: '1.0', lang: 'en' }),
  );
  return element('header', {}, children);
}

export function writeXmile(document: ModelDocument): string {
  const rootAttributes: Record<string, string> = {
    version: '1.0',
    xmlns: XMILE_NAMESPACE,
    ...document.preserved.rootAttributes,
  };
  if (document.simSpecs.saveStep !== undefined && rootAttributes['xmlns:isee'] === undefined) {
    rootAttributes['xmlns:isee'] = ISEE_NAMESPACE;
  }
  const behavior = behaviorElement(document.behavior);
  const model = element('model', document.preserved.modelAttributes, [
    ...(document.preserved.modelExtra?.beforeVariables ?? []),
    element('variables', {}, [
      ...document.variables.map(variableElement),
      ...document.preserved.variablesExtra,
    ]),
    ...(document.views === undefined ? [] : [document.views]),
    ...(document.preserved.modelExtra?.afterVariables ?? []),
  ]);
  const root = element('xmile', rootAttributes, [
    headerElement(document),
    simSpecsElement(document.simSpecs),
    ...(behavior === undefined ? [] : [behavior]),
    ...document.preserved.topLevel,
    model,
    ...document.macros.map(macroElement),
  ]);
  return `<?xml version="1.0" encoding="utf-8"?>\n${serializeXml([root]).trim()}\n`;
}
