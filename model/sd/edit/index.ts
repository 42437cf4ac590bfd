/**
 * Editing a model document: each operation returns a new document (or diagnostics naming the problem), so
 * the editor keeps the old one for undo. `diagramOf` gives the positioned stock-and-flow diagram.
 *
 *   const renamed = renameVariable(document, 'Room Temperature', 'Ambient Temperature'); // Outcome
 *   const { document: next, name } = addVariable(document, 'stock', { x: 100, y: 80 });
 *   const moved = moveNode(next, canonicalName(name), { x: 140, y: 80 });
 */
export { addVariable, deleteVariable, type NewVariableKind } from './add-delete';
export { connectFlow, type FlowEnd } from './connect';
export { syncConnectors } from './connectors';
export { diagramOf, variableNode } from './diagram';
export type {
  AliasNode,
  AuxNode,
  Diagram,
  DiagramGroup,
  DiagramLink,
  DiagramNode,
  DiagramNote,
  FlowNode,
  LabelSide,
  Point,
  StockNode,
  VariableNode,
} from './diagram-types';
export { materializeView, moveNode } from './layout-edits';
export { renameVariable } from './rename';
export { renameReferences, referenceSpans } from './references';
export {
  findVariable,
  freeName,
  kindName,
  nameProblem,
  setDocumentation,
  setEquation,
  setUnits,
} from './variables';
