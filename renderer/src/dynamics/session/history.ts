/**
 * Undo and redo over immutable snapshots. The rule for what becomes a step (Excalidraw's): a change is recorded
 * when it is committed; a preview (a slider being dragged, an equation being typed) changes the present without
 * a step, and the commit that ends it records one step from where the preview began. So a whole slider drag is
 * one step, not a hundred.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The present as it was when the current preview began; undefined when no preview is open. */
  readonly previewFrom: T | undefined;
}

/** Enough for a long workshop session; older steps fall off. */
export const HISTORY_LIMIT = 200;

export const startHistory = <T>(present: T): History<T> => ({
  past: [],
  present,
  future: [],
  previewFrom: undefined,
});

/** Changes the present without recording a step (yet). */
export function preview<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next, previewFrom: history.previewFrom ?? history.present };
}

/** Records one step: from where an open preview began, or from the present. Clears the redo list. */
export function commit<T>(history: History<T>, next: T = history.present): History<T> {
  const from = history.previewFrom ?? history.present;
  if (Object.is(from, next)) return { ...history, present: next, previewFrom: undefined };
  const past = [...history.past, from].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], previewFrom: undefined };
}

export const canUndo = <T>(history: History<T>): boolean =>
  history.past.length > 0 || history.previewFrom !== undefined;
export const canRedo = <T>(history: History<T>): boolean => history.future.length > 0;

export function undo<T>(history: History<T>): History<T> {
  // An open preview is committed first, so undo returns to where it began.
  const settled = history.previewFrom === undefined ? history : commit(history);
  const previous = settled.past[settled.past.length - 1];
  if (previous === undefined) return settled;
  return {
    past: settled.past.slice(0, -1),
    present: previous,
    future: [settled.present, ...settled.future],
    previewFrom: undefined,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, previewFrom: undefined };
}
