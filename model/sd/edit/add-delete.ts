/**
 * Adding and deleting variables. A new variable gets a free name ("New stock", "New stock 2", ...), the
 * equation `0` so the model keeps running until it is given a real one, and a place in the view. Deleting
 * one removes it from the stocks' flow lists and from the view with its ghosts and connectors; equations
 * that still read it then fail to compile, which the editor shows where they are.
 */
import type { Outcome } from '../diagnostics';
import type { ModelDocument, Variable } from '../document';
import { canonicalName, referenceKey } from '../names';
import { isElement } from '../xml-tree';
import { aliasTargets, resolveEnd } from './connectors';
import type { Point } from './diagram-types';
import { materializeView, viewElementOf } from './layout-edits';
import { midpointOf } from './polyline';
import { failed, findVariable, freeName, succeeded, unknownVariable } from './variables';
import {
  VIEW_VARIABLE_TAGS,
  aliasOf,
  connectorEnd,
  stockFlowView,
  viewElementId,
  withStockFlowView,
} from './view-xml';

export type NewVariableKind = 'stock' | 'flow' | 'aux';

const BASE_NAMES: Readonly<Record<NewVariableKind, string>> = {
  stock: 'New stock',
  flow: 'New flow',
  aux: 'New auxiliary',
};

/** Half the length of a new flow's pipe, which starts and ends in a cloud. */
const NEW_PIPE_HALF = 60;

/** Adds a stock, flow or auxiliary centred at `at`; returns the new document and the name it was given. */
export function addVariable(
  document: ModelDocument,
  kind: NewVariableKind,
  at: Point,
): { readonly document: ModelDocument; readonly name: string } {
  const name = freeName(document, BASE_NAMES[kind]);
  const base = { name, eqn: '0', attributes: {}, extra: [] };
  const variable: Variable =
    kind === 'stock' ? { kind, ...base, inflows: [], outflows: [] } : { kind, ...base };
  const placed = materializeView(document);
  const id = canonicalName(name);
  const common = { id, name, variableKind: kind, labelSide: 'bottom', placement: 'view' } as const;
  const points = [
    { x: at.x - NEW_PIPE_HALF, y: at.y },
    { x: at.x + NEW_PIPE_HALF, y: at.y },
  ];
  const shape =
    kind === 'flow'
      ? viewElementOf({ ...common, kind, ...midpointOf(points), points, from: undefined, to: undefined })
      : kind === 'stock'
        ? viewElementOf({ ...common, kind, ...at, width: 0, height: 0 })
        : viewElementOf({ ...common, kind, ...at, radius: 0, graphical: false });
  const withVariable = { ...placed, variables: [...placed.variables, variable] };
  const next = withStockFlowView(withVariable, (view) => ({ ...view, children: [...view.children, shape] }));
  return { document: next, name };
}

/** Deletes a variable, its place in the stocks' flow lists, and its shapes and links in the view. */
export function deleteVariable(document: ModelDocument, name: string): Outcome<ModelDocument> {
  const variable = findVariable(document, name);
  if (variable === undefined) return failed([unknownVariable(name)]);
  const id = canonicalName(variable.name);
  const variables = document.variables
    .filter((each) => canonicalName(each.name) !== id)
    .map((each): Variable =>
      each.kind === 'stock'
        ? {
            ...each,
            inflows: each.inflows.filter((flow) => referenceKey(flow) !== id),
            outflows: each.outflows.filter((flow) => referenceKey(flow) !== id),
          }
        : each,
    );
  const without = { ...document, variables };
  if (stockFlowView(without) === undefined) return succeeded(without);
  return succeeded(
    withStockFlowView(without, (view) => {
      const aliases = aliasTargets(view);
      const children = view.children.filter((child) => {
        if (!isElement(child)) return true;
        if (VIEW_VARIABLE_TAGS.has(child.tag)) return viewElementId(child) !== id;
        if (child.tag === 'alias') return aliasOf(child) !== id;
        if (child.tag === 'connector') {
          return (
            resolveEnd(connectorEnd(child, 'from'), aliases) !== id &&
            resolveEnd(connectorEnd(child, 'to'), aliases) !== id
          );
        }
        return true;
      });
      return { ...view, children };
    }),
  );
}
