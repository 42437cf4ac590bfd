/**
 * Keeps the view's `<connector>`s into a variable in step with what its equation reads, so a model edited
 * here and exported still shows every link in Stella (which draws connectors from the view, not from the
 * equations): a link the equation no longer needs is removed, a missing one is added as a straight link.
 */
import type { ModelDocument } from '../document';
import { element, isElement, textElement, type XmlElement, type XmlNode } from '../xml-tree';
import { readsOf, variablesById } from './dependencies';
import {
  VIEW_VARIABLE_TAGS,
  aliasOf,
  connectorEnd,
  elementCenter,
  largestUid,
  stockFlowView,
  viewElementId,
  viewReference,
  withStockFlowView,
  xmileAngle,
  type ConnectorEnd,
} from './view-xml';
import { canonical } from './memo';

/** The variable a connector end stands for, an alias resolved to what it is a ghost of. */
export function resolveEnd(
  end: ConnectorEnd | undefined,
  aliases: ReadonlyMap<string, string>,
): string | undefined {
  if (end === undefined) return undefined;
  return 'variable' in end ? end.variable : aliases.get(end.alias);
}

/** uid of each `<alias>` in the view -> the canonical name it stands for. */
export function aliasTargets(view: XmlElement): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const child of view.children) {
    if (!isElement(child) || child.tag !== 'alias') continue;
    const uid = child.attributes['uid'];
    const of = aliasOf(child);
    if (uid !== undefined && of !== undefined) aliases.set(uid, of);
  }
  return aliases;
}

/** The first element standing for each variable: canonical name -> element. */
export function variableElements(view: XmlElement): Map<string, XmlElement> {
  const found = new Map<string, XmlElement>();
  for (const child of view.children) {
    if (!isElement(child) || !VIEW_VARIABLE_TAGS.has(child.tag)) continue;
    const id = viewElementId(child);
    if (id !== undefined && !found.has(id)) found.set(id, child);
  }
  return found;
}

/** A new straight `<connector>` from one view element to another. */
export function connectorElement(
  uid: number,
  fromName: string,
  toName: string,
  from: XmlElement | undefined,
  to: XmlElement | undefined,
): XmlElement {
  const a = from === undefined ? undefined : elementCenter(from);
  const b = to === undefined ? undefined : elementCenter(to);
  const attributes: Record<string, string> = { uid: String(uid) };
  if (a !== undefined && b !== undefined) attributes['angle'] = String(xmileAngle(a, b));
  return element('connector', attributes, [
    textElement('from', viewReference(fromName)),
    textElement('to', viewReference(toName)),
  ]);
}

export function syncConnectors(document: ModelDocument, name: string): ModelDocument {
  const view = stockFlowView(document);
  if (view === undefined) return document;
  const target = canonical(name);
  const byId = variablesById(document);
  const variable = byId.get(target);
  if (variable === undefined) return document;
  const reads = readsOf(variable, byId);
  // While the equation does not parse, what it reads is unknown: leave the links as drawn.
  if (reads === undefined) return document;
  const elements = variableElements(view);
  const aliases = aliasTargets(view);
  const connected = new Set<string>();
  let changed = false;
  const kept: XmlNode[] = view.children.filter((child) => {
    if (!isElement(child) || child.tag !== 'connector') return true;
    if (resolveEnd(connectorEnd(child, 'to'), aliases) !== target) return true;
    const from = resolveEnd(connectorEnd(child, 'from'), aliases);
    if (from !== undefined && reads.has(from)) {
      connected.add(from);
      return true;
    }
    changed = true;
    return false;
  });
  const targetElement = elements.get(target);
  let uid = largestUid(view);
  if (targetElement !== undefined) {
    for (const source of reads) {
      const sourceElement = elements.get(source);
      const sourceVariable = byId.get(source);
      if (connected.has(source) || sourceElement === undefined || sourceVariable === undefined) continue;
      uid++;
      kept.push(connectorElement(uid, sourceVariable.name, variable.name, sourceElement, targetElement));
      changed = true;
    }
  }
  return changed ? withStockFlowView(document, (current) => ({ ...current, children: kept })) : document;
}
