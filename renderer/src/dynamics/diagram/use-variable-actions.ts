/**
 * The structural edits shared by the diagram and the inspector: add, rename, delete and move a variable.
 * Each is one undo step. A rename or delete also carries the what-if overrides along (an override keeps
 * following its constant under its new name, and one for a deleted constant is dropped), so the current run
 * never fails on a name that no longer exists.
 */
import { useCallback, useRef } from 'react';
import { canonicalName, type Diagnostic, type ModelDocument } from '../../../../model/sd';
import {
  addVariable,
  deleteVariable,
  moveNode,
  renameVariable,
  type NewVariableKind,
  type Point,
} from '../../../../model/sd/edit';
import type { Overrides } from '../engine/protocol';
import { useDynamics } from '../session/dynamics-context';
import type { ChangePhase } from '../session/use-dynamics-session';

/** Overrides with the one for `name` removed, or re-keyed to `renamed`. */
export function overridesAfter(overrides: Overrides, name: string, renamed?: string): Overrides {
  const id = canonicalName(name);
  const next: Record<string, number> = {};
  for (const [key, value] of Object.entries(overrides)) {
    if (canonicalName(key) !== id) next[key] = value;
    else if (renamed !== undefined) next[renamed] = value;
  }
  return next;
}

export function useVariableActions() {
  const { session, select } = useDynamics();
  const { document, overrides, change, changeDocument } = session;
  // The document as it was when a drag began: every preview is computed from it, so nothing accumulates.
  const dragBase = useRef<ModelDocument | undefined>(undefined);

  const add = useCallback(
    (kind: NewVariableKind, at: Point) => {
      const added = addVariable(document, kind, at);
      changeDocument(added.document, 'commit');
      select(added.name);
    },
    [document, changeDocument, select],
  );

  /** Renames; returns the problem (a clash, an empty name) instead when it cannot. */
  const rename = useCallback(
    (name: string, newName: string): Diagnostic | undefined => {
      const renamed = renameVariable(document, name, newName);
      if (!renamed.ok) return renamed.errors[0];
      if (renamed.value === document) return undefined;
      change(
        { document: renamed.value, overrides: overridesAfter(overrides, name, newName.trim()) },
        'commit',
      );
      select(newName.trim());
      return undefined;
    },
    [document, overrides, change, select],
  );

  const remove = useCallback(
    (name: string) => {
      const deleted = deleteVariable(document, name);
      if (!deleted.ok) return;
      change({ document: deleted.value, overrides: overridesAfter(overrides, name) }, 'commit');
      select(undefined);
    },
    [document, overrides, change, select],
  );

  const move = useCallback(
    (nodeId: string, to: Point, phase: ChangePhase) => {
      const base = dragBase.current ?? document;
      if (phase === 'preview') dragBase.current = base;
      else dragBase.current = undefined;
      changeDocument(moveNode(base, nodeId, to), phase);
    },
    [document, changeDocument],
  );

  return { add, rename, remove, move };
}
