/**
 * Reads an XMILE 1.0 file (OASIS, as Stella, Simlin and xmutil write it) into a ModelDocument, validated
 * with zod. Tolerant of what real files contain (test-models MANIFEST, "Known data issues"): a byte-order
 * mark, CR-only or CRLF line endings, vendor namespaces (`isee:`), an element whose closing tag is missing
 * (read as fast-xml-parser recovers it, with a warning). Anything it cannot make sense of is an error that
 * names the element or variable, never an exception.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { guarded, type Diagnostic, type Outcome } from './diagnostics';
import {
  modelDocumentSchema,
  type IntegrationMethod,
  type Macro,
  type ModelDocument,
  type SimSpecs,
} from './document';
import { readFlag, readMacro, readVariables, VARIABLE_TAGS, type ReadContext } from './xmile-variables';
import {
  childElements,
  firstChild,
  fromOrdered,
  isElement,
  localName,
  textOf,
  type XmlElement,
  type XmlNode,
} from './xml-tree';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Line endings as Unix ones, the byte-order mark removed. */
export function normalizeXmlText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Reads XMILE text. `source` (a file name) is only used in messages. */
export function readXmile(text: string, source = 'the model'): Outcome<ModelDocument> {
  return guarded(`reading ${source}`, () => readChecked(text, source));
}

function readChecked(text: string, source: string): Outcome<ModelDocument> {
  const context: ReadContext = { errors: [], warnings: [] };
  const normalized = normalizeXmlText(text);
  const validation = XMLValidator.validate(normalized);
  const xmlProblem =
    validation === true
      ? undefined
      : `line ${validation.err.line}, column ${validation.err.col}: ${validation.err.msg}`;
  let nodes: XmlNode[];
  try {
    nodes = fromOrdered(parser.parse(normalized) as unknown[]);
  } catch (error) {
    const reason = xmlProblem ?? (error instanceof Error ? error.message : String(error));
    return fail([{ code: 'xml', message: `${source} is not well-formed XML (${reason})` }], context.warnings);
  }
  const root = nodes.find((node): node is XmlElement => isElement(node) && localName(node.tag) === 'xmile');
  if (root === undefined) {
    if (xmlProblem !== undefined) {
      return fail(
        [{ code: 'xml', message: `${source} is not well-formed XML (${xmlProblem})` }],
        context.warnings,
      );
    }
    const first = nodes.find(isElement);
    const found = first === undefined ? 'no element at all' : `<${first.tag}>`;
    return fail(
      [
        {
          code: 'not-xmile',
          message: `${source} is not XMILE: expected <xmile> as the root, found ${found}`,
        },
      ],
      [],
    );
  }
  if (xmlProblem !== undefined) {
    context.warnings.push({
      code: 'recovered',
      message: `${source} is not well-formed XML (${xmlProblem}); read as recovered`,
    });
  }
  const document = readDocument(root, context, source);
  if (document === undefined || context.errors.length > 0) return fail(context.errors, context.warnings);
  const parsed = modelDocumentSchema.safeParse(document);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue): Diagnostic => ({
      code: 'schema',
      message: `${source}: ${describeIssuePath(document, issue.path)} ${issue.message}`,
    }));
    return fail(errors, context.warnings);
  }
  return { ok: true, value: parsed.data, warnings: context.warnings };
}

function fail(errors: readonly Diagnostic[], warnings: readonly Diagnostic[]): Outcome<ModelDocument> {
  return { ok: false, errors, warnings };
}

/** "variable "Teacup Temperature" (gf)" rather than "variables.2.gf". */
function describeIssuePath(document: ModelDocument, path: readonly PropertyKey[]): string {
  if (path[0] === 'variables' && typeof path[1] === 'number') {
    const variable = document.variables[path[1]];
    const rest = path.slice(2).map(String).join('.');
    return `variable "${variable?.name ?? path[1]}"${rest === '' ? '' : ` (${rest})`}:`;
  }
  return `${path.map(String).join('.') || 'the document'}:`;
}

function readDocument(root: XmlElement, context: ReadContext, source: string): ModelDocument | undefined {
  const header = firstChild(root, 'header');
  const specsElement = firstChild(root, 'sim_specs');
  if (specsElement === undefined) {
    context.errors.push({ code: 'sim-specs', message: `${source} has no <sim_specs> (start, stop and dt)` });
    return undefined;
  }
  const simSpecs = readSimSpecs(specsElement, context, source);
  const models = childElements(root, 'model');
  const model = models.find((candidate) => candidate.attributes['name'] === undefined) ?? models[0];
  if (model === undefined) {
    context.errors.push({ code: 'not-xmile', message: `${source} has no <model> element` });
    return undefined;
  }
  // Files in the pre-1.0 layout (Stella 10's `teacup_legacy.stmx`) put variables straight into <model>.
  const variablesElement = firstChild(model, 'variables') ?? model;
  const variablesExtra: XmlNode[] = [];
  const variables = readVariables(variablesElement, context, variablesExtra);
  if (variablesElement === model) variablesExtra.length = 0;
  const macros = childElements(root, 'macro')
    .map((macro) => readMacro(macro, context))
    .filter((macro): macro is Macro => macro !== undefined);
  const topLevel = root.children.filter(
    (child) =>
      isElement(child) &&
      !['header', 'sim_specs', 'behavior', 'macro'].includes(child.tag) &&
      !(child.tag === 'model' && child === model),
  );
  const modelAttributes = { ...model.attributes };
  const headerText = (name: string): string | undefined => {
    const found = header === undefined ? undefined : firstChild(header, name);
    const text = found === undefined ? '' : textOf(found).trim();
    return text === '' ? undefined : text;
  };
  const headerFields: ModelDocument['header'] = {};
  const name = headerText('name');
  const vendor = headerText('vendor');
  const product = headerText('product');
  if (name !== undefined) headerFields.name = name;
  if (vendor !== undefined) headerFields.vendor = vendor;
  if (product !== undefined) headerFields.product = product;
  const document: ModelDocument = {
    header: headerFields,
    simSpecs,
    behavior: readBehavior(firstChild(root, 'behavior')),
    variables,
    macros,
    preserved: {
      // XMILE requires both; a file without them gets them, so what the writer adds reads back the same.
      rootAttributes: {
        version: '1.0',
        xmlns: 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0',
        ...root.attributes,
      },
      topLevel,
      modelAttributes,
      variablesExtra,
    },
  };
  if (header !== undefined) document.preserved.header = header;
  const views = firstChild(model, 'views');
  if (views !== undefined) document.views = views;
  const modelExtra = readModelExtra(model, variablesElement, views);
  if (modelExtra !== undefined) document.preserved.modelExtra = modelExtra;
  return document;
}

/**
 * The children of <model> that are neither its variables nor its views (a model-level <doc>, vendor
 * elements), split at <variables> so the writer puts them back on the same side of it. In the pre-1.0
 * layout, where variables sit straight in <model>, they are the children that are not variables.
 */
function readModelExtra(
  model: XmlElement,
  variablesElement: XmlElement,
  views: XmlElement | undefined,
): NonNullable<ModelDocument['preserved']['modelExtra']> | undefined {
  const beforeVariables: XmlNode[] = [];
  const afterVariables: XmlNode[] = [];
  let seenVariables = false;
  for (const child of model.children) {
    if (!isElement(child) || child === views) continue;
    if (variablesElement === model ? VARIABLE_TAGS.has(child.tag) : child === variablesElement) {
      seenVariables = true;
      continue;
    }
    (seenVariables ? afterVariables : beforeVariables).push(child);
  }
  return beforeVariables.length + afterVariables.length === 0
    ? undefined
    : { beforeVariables, afterVariables };
}

function readNumber(element: XmlElement | undefined, what: string, context: ReadContext, source: string) {
  if (element === undefined) return undefined;
  const text = textOf(element).trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    context.errors.push({
      code: 'sim-specs',
      message: `${source}: <sim_specs> ${what} "${text}" is not a number`,
    });
    return undefined;
  }
  return value;
}

const METHOD_NAMES: Readonly<Record<string, IntegrationMethod>> = {
  euler: 'euler',
  rk2: 'rk2',
  rk4: 'rk4',
  'runge-kutta 2': 'rk2',
  'runge-kutta 4': 'rk4',
};

function readSimSpecs(element: XmlElement, context: ReadContext, source: string): SimSpecs {
  const start = readNumber(firstChild(element, 'start'), '<start>', context, source);
  const stop = readNumber(firstChild(element, 'stop'), '<stop>', context, source);
  const dtElement = firstChild(element, 'dt');
  const dtValue = readNumber(dtElement, '<dt>', context, source) ?? 1;
  const reciprocal = (dtElement?.attributes['reciprocal'] ?? '').toLowerCase() === 'true';
  if (start === undefined && firstChild(element, 'start') === undefined) {
    context.errors.push({ code: 'sim-specs', message: `${source}: <sim_specs> has no <start>` });
  }
  if (stop === undefined && firstChild(element, 'stop') === undefined) {
    context.errors.push({ code: 'sim-specs', message: `${source}: <sim_specs> has no <stop>` });
  }
  const declared = (element.attributes['method'] ?? 'euler').trim().toLowerCase();
  const method = METHOD_NAMES[declared];
  if (method === undefined) {
    context.errors.push({
      code: 'unsupported',
      message: `${source}: integration method "${element.attributes['method'] ?? ''}" is not supported (use Euler, RK2 or RK4)`,
    });
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(element.attributes)) {
    if (!['method', 'time_units', 'isee:save_interval', 'save_step'].includes(key)) attributes[key] = value;
  }
  const saveElement = firstChild(element, 'save_step');
  const saveText =
    element.attributes['isee:save_interval'] ??
    element.attributes['save_step'] ??
    (saveElement === undefined ? '' : textOf(saveElement));
  const saveStep = saveText.trim() === '' ? undefined : Number(saveText);
  const specs: SimSpecs = {
    start: start ?? 0,
    stop: stop ?? 0,
    dt: reciprocal ? 1 / dtValue : dtValue,
    dtReciprocal: reciprocal,
    method: method ?? 'euler',
    attributes,
    extra: element.children.filter(
      (child) => isElement(child) && !['start', 'stop', 'dt', 'save_step'].includes(child.tag),
    ),
  };
  if (saveStep !== undefined) specs.saveStep = saveStep;
  const timeUnits = element.attributes['time_units'];
  if (timeUnits !== undefined) specs.timeUnits = timeUnits;
  return specs;
}

function readBehavior(element: XmlElement | undefined): ModelDocument['behavior'] {
  if (element === undefined) return { nonNegativeStocks: false, nonNegativeFlows: false };
  // XMILE 1.0 section 2.4 (as PySD's `_parse_behavior` reads it): <non_negative/> directly in <behavior>
  // covers stocks and flows; inside <stock> or <flow> it covers only that kind.
  const direct = firstChild(element, 'non_negative');
  const of = (kind: string): boolean => {
    const flag = firstChild(firstChild(element, kind) ?? element, 'non_negative');
    return flag !== undefined && firstChild(element, kind) !== undefined && readFlag(flag);
  };
  const all = direct !== undefined && readFlag(direct);
  return { nonNegativeStocks: all || of('stock'), nonNegativeFlows: all || of('flow') };
}
