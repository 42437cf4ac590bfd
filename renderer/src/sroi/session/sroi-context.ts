/**
 * What the open analysis's panels share: the session (document, undo, save), the linked quantities, and what the
 * calculator makes of them (issues placed on cells, the evaluation), computed once per change in SroiWorkbench.
 */
import { createContext, useContext } from 'react';
import type { SroiEvaluation, SroiIssue, SroiResult } from '../../../../model/sroi';
import type { PlacedIssues } from '../editor/cell-issues';
import type { LinkedOutcomes } from '../link/use-linked-quantities';
import type { SensitivitySettings } from '../sensitivity/sensitivity-settings';
import type { SroiSession } from './use-sroi-session';

export interface SroiWorkbenchState {
  readonly session: SroiSession;
  readonly linked: LinkedOutcomes;
  /** Every rule the document breaks, linked quantities included. */
  readonly issues: readonly SroiIssue[];
  readonly placed: PlacedIssues;
  readonly evaluation: SroiResult<SroiEvaluation>;
  readonly currency: string | undefined;
  readonly sensitivity: SensitivitySettings;
  readonly setSensitivity: (next: SensitivitySettings) => void;
}

export const SroiContext = createContext<SroiWorkbenchState | null>(null);

export function useSroi(): SroiWorkbenchState {
  const state = useContext(SroiContext);
  if (state === null) throw new Error('useSroi is used outside an open SROI analysis.');
  return state;
}
