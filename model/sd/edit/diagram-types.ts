/**
 * The positioned stock-and-flow diagram of a model, as the editor draws it: read from the model's `<views>`
 * (XMILE 1.0 chapter 5, as Stella writes it) or laid out automatically where the file has no position.
 * Coordinates are the view's own (Stella's points, y growing down); every node's `x`, `y` is its centre.
 */
import type { Variable } from '../document';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where a name is written around its shape (XMILE `label_side`). */
export type LabelSide = 'top' | 'bottom' | 'left' | 'right' | 'center';
export const LABEL_SIDES: readonly LabelSide[] = ['top', 'bottom', 'left', 'right', 'center'];

/** Whether a node's position came from the file's view or from the automatic layout. */
export type Placement = 'view' | 'automatic';

interface VariableNodeBase {
  /** The variable's canonical name: unique in the diagram, and how links and flows name their ends. */
  readonly id: string;
  /** The variable's name as written in the model. */
  readonly name: string;
  readonly variableKind: Variable['kind'];
  readonly x: number;
  readonly y: number;
  readonly labelSide: LabelSide;
  readonly placement: Placement;
}

export interface StockNode extends VariableNodeBase {
  readonly kind: 'stock';
  readonly width: number;
  readonly height: number;
}

/** A flow: a pipe through `points` (from where it drains to where it fills) with its valve at `x`, `y`. */
export interface FlowNode extends VariableNodeBase {
  readonly kind: 'flow';
  readonly points: readonly Point[];
  /** The id of the stock the flow drains (it lists the flow as an outflow); none for a cloud. */
  readonly from: string | undefined;
  /** The id of the stock the flow fills (it lists the flow as an inflow); none for a cloud. */
  readonly to: string | undefined;
}

/** An auxiliary, or a stand-alone graphical function, drawn as a circle. */
export interface AuxNode extends VariableNodeBase {
  readonly kind: 'aux';
  readonly radius: number;
  /** True when the variable is (or holds) a graphical function: drawn with a mark. */
  readonly graphical: boolean;
}

/** A ghost (Stella's alias) of a variable drawn elsewhere, so a link need not cross the whole diagram. */
export interface AliasNode {
  readonly kind: 'alias';
  /** `alias:<uid>`. */
  readonly id: string;
  readonly uid: string;
  /** The id of the variable it stands for, and that variable's shape. */
  readonly of: string;
  readonly ofName: string;
  readonly ofKind: 'stock' | 'flow' | 'aux';
  readonly x: number;
  readonly y: number;
  readonly labelSide: LabelSide;
}

export type VariableNode = StockNode | FlowNode | AuxNode;
export type DiagramNode = VariableNode | AliasNode;

/** An information link (XMILE `<connector>`): `to`'s equation reads `from`. */
export interface DiagramLink {
  readonly id: string;
  /** Node ids (a variable, or an alias standing for it). */
  readonly from: string;
  readonly to: string;
  /** The takeoff angle in XMILE degrees (counter-clockwise, y up); undefined when the view gives none. */
  readonly angle: number | undefined;
  /** True when the view has a `<connector>` for it; false for a link only the equations know of. */
  readonly inView: boolean;
}

/** A labelled frame around part of the diagram (XMILE `<group>`). */
export interface DiagramGroup {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A free text on the diagram (XMILE `<text_box>`); `x`, `y` is its top-left corner. */
export interface DiagramNote {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Diagram {
  readonly nodes: readonly DiagramNode[];
  readonly links: readonly DiagramLink[];
  readonly groups: readonly DiagramGroup[];
  readonly notes: readonly DiagramNote[];
  /** `view`: every variable has a position in the file; `automatic`: none has; `mixed`: some have. */
  readonly layout: 'view' | 'automatic' | 'mixed';
}

/**
 * Stella's default sizes, used when the view's style says nothing: a 45 x 35 stock and an auxiliary of
 * radius 9 (Simlin's `src/diagram/drawing/default.ts` and Stella's `<style>` blocks in the test models).
 */
export const DEFAULT_STOCK_WIDTH = 45;
export const DEFAULT_STOCK_HEIGHT = 35;
export const DEFAULT_AUX_RADIUS = 9;
