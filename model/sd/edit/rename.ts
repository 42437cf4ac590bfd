/**
 * Renaming a variable, with every reference following: the equations that name it (rewritten token by token,
 * the rest of each text as written), the stocks' inflow and outflow lists, and the names in the diagram view
 * (its own element, its ghosts' `<of>`, and the connectors' `<from>` and `<to>`). Macros have their own
 * scope (XMILE 1.0 section 3.6) and are left alone.
 */
import type { Outcome } from '../diagnostics';
import type { ModelDocument, Variable } from '../document';
import { canonicalName, equationReference, referenceKey } from '../names';
import { isElement, textOf, type XmlElement, type XmlNode } from '../xml-tree';
import { isTable } from './dependencies';
import { renameReferences } from './references';
import { failed, findVariable, nameProblem, succeeded, unknownVariable } from './variables';
import {
  VIEW_VARIABLE_TAGS,
  aliasOf,
  stockFlowView,
  viewElementId,
  viewReference,
  withStockFlowView,
  withText,
} from './view-xml';

/** Renames `name` to `newName` (trimmed). Refuses an empty name and one that clashes with another variable. */
export function renameVariable(
  document: ModelDocument,
  name: string,
  newName: string,
): Outcome<ModelDocument> {
  const variable = findVariable(document, name);
  if (variable === undefined) return failed([unknownVariable(name)]);
  const trimmed = newName.trim();
  const problem = nameProblem(document, trimmed, variable.name);
  if (problem !== undefined) return failed([problem]);
  if (trimmed === variable.name) return succeeded(document);
  const id = canonicalName(variable.name);
  const table = isTable(variable);
  const flowName = equationReference(trimmed);
  const renameFlows = (flows: readonly string[]): string[] =>
    flows.map((flow) => (referenceKey(flow) === id ? flowName : flow));
  const variables = document.variables.map((each): Variable => {
    const eqn = renameReferences(each.eqn, id, trimmed, table);
    const renamed = canonicalName(each.name) === id ? { ...each, name: trimmed, eqn } : { ...each, eqn };
    if (renamed.kind !== 'stock') return renamed;
    return { ...renamed, inflows: renameFlows(renamed.inflows), outflows: renameFlows(renamed.outflows) };
  });
  const renamed = { ...document, variables };
  return succeeded(stockFlowView(renamed) === undefined ? renamed : renameInView(renamed, id, trimmed));
}

function renameInView(document: ModelDocument, id: string, newName: string): ModelDocument {
  const reference = viewReference(newName);
  const renameText = (node: XmlElement): XmlElement => {
    const text = textOf(node).trim();
    return text !== '' && canonicalName(text.replace(/^"|"$/g, '')) === id ? withText(node, reference) : node;
  };
  const renameChild = (child: XmlNode): XmlNode => {
    if (!isElement(child)) return child;
    if (VIEW_VARIABLE_TAGS.has(child.tag) && viewElementId(child) === id) {
      return { ...child, attributes: { ...child.attributes, name: newName } };
    }
    if (child.tag === 'alias' && aliasOf(child) === id) {
      return {
        ...child,
        children: child.children.map((part) =>
          isElement(part) && part.tag === 'of' ? renameText(part) : part,
        ),
      };
    }
    if (child.tag === 'connector') {
      return {
        ...child,
        children: child.children.map((part) =>
          isElement(part) && (part.tag === 'from' || part.tag === 'to') && !part.children.some(isElement)
            ? renameText(part)
            : part,
        ),
      };
    }
    return child;
  };
  return withStockFlowView(document, (view) => ({ ...view, children: view.children.map(renameChild) }));
}
