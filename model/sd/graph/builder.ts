/**
 * The mutable state of building a ModelGraph: the nodes so far, the diagnostics, the macros in scope, and
 * the counters that keep hidden nodes' ids unique. Lowering functions receive it through a LoweringContext.
 */
import { equationDiagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics';
import type { Macro } from '../document';
import type { Expr, Span } from '../equation/ast';
import { parseEquation, ParseError } from '../equation/parser';
import type { Dialect } from '../functions';
import { canonicalName } from '../names';
import type { ModelNode } from './nodes';

/** What names mean where an equation is: the model's variables, or a macro's parameters and variables. */
export interface Scope {
  resolve(id: string): string | undefined;
}

export interface SimulationBounds {
  readonly start: number;
  readonly stop: number;
  readonly dt: number;
}

export class GraphBuilder {
  readonly nodes = new Map<string, ModelNode>();
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  readonly macros = new Map<string, Macro>();
  /** Lowers a model variable's equation now if it has not been yet (set by build.ts). */
  ensureLowered: (id: string) => void = () => undefined;
  private hiddenCount = 0;
  private instanceCount = 0;

  constructor(
    readonly dialect: Dialect,
    readonly bounds: SimulationBounds,
  ) {}

  add(node: ModelNode): ModelNode {
    this.nodes.set(node.id, node);
    return node;
  }

  /** A fresh id for a hidden node, readable in the graph: `·owner·label#n`. */
  hiddenId(owner: string, label: string): string {
    this.hiddenCount++;
    return `·${canonicalName(owner)}·${label}#${this.hiddenCount}`;
  }

  nextInstance(): number {
    this.instanceCount++;
    return this.instanceCount;
  }

  error(code: DiagnosticCode, variable: string, text: string, span: Span, problem: string): void {
    this.errors.push(equationDiagnostic(code, variable, text, span, problem));
  }

  /** Parses an equation, recording a diagnostic (and returning undefined) when it does not parse. */
  parse(text: string, variable: string): Expr | undefined {
    try {
      return parseEquation(text);
    } catch (error) {
      if (error instanceof ParseError) {
        this.error('parse', variable, text, error.span, error.message);
        return undefined;
      }
      throw error;
    }
  }
}

/** Where an expression is being lowered: for names, messages and new hidden nodes. */
export interface LoweringContext {
  readonly builder: GraphBuilder;
  readonly scope: Scope;
  /** The model variable the equation belongs to (display name), for messages and hidden nodes' owners. */
  readonly variable: string;
  /** The equation text spans refer to. */
  readonly text: string;
  /** How many macro calls deep this equation is (guards against a macro calling itself). */
  readonly macroDepth: number;
}

/** A number node standing in for an expression that had an error, so lowering can go on and find more. */
export const placeholder = (span: Span): Expr => ({ kind: 'number', value: Number.NaN, span });
