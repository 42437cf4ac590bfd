/**
 * Messages between the Loops panel and its worker, which runs the loop analysis (model/sd/loops) off the
 * page. Every request carries an id and every answer names it; failures come back as diagnostics (the
 * simulation worker's protocol does the same, engine/protocol.ts).
 */
import type { Diagnostic, ModelDocument } from '../../../../model/sd';
import type { LoopAnalysis } from '../../../../model/sd/loops';
import type { Overrides } from '../engine/protocol';

export interface LoopsRequest {
  readonly id: number;
  readonly kind: 'analyze';
  readonly document: ModelDocument;
  /** The what-if's constants, by name. */
  readonly overrides: Overrides;
}

export type LoopsResponse =
  | { readonly id: number; readonly ok: true; readonly analysis: LoopAnalysis }
  | { readonly id: number; readonly ok: false; readonly errors: readonly Diagnostic[] };
