import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  commit,
  HISTORY_LIMIT,
  preview,
  redo,
  startHistory,
  undo,
} from '../../../renderer/src/dynamics/session/history';

describe('undo history', () => {
  it('records a whole drag as one step', () => {
    let history = startHistory(10);
    for (const value of [11, 12, 13, 14]) history = preview(history, value);
    history = commit(history);
    expect(history.present).toBe(14);
    expect(history.past).toEqual([10]);
    history = undo(history);
    expect(history.present).toBe(10);
    history = redo(history);
    expect(history.present).toBe(14);
  });

  it('undoes an open preview back to where it began', () => {
    let history = commit(startHistory('a'), 'b');
    history = preview(history, 'b2');
    expect(canUndo(history)).toBe(true);
    history = undo(history);
    expect(history.present).toBe('b');
    expect(history.future).toEqual(['b2']);
  });

  it('clears redo on a new step and ignores a commit that changes nothing', () => {
    let history = commit(commit(startHistory(1), 2), 3);
    history = undo(history);
    expect(canRedo(history)).toBe(true);
    history = commit(history, 4);
    expect(canRedo(history)).toBe(false);
    expect(history.past).toEqual([1, 2]);
    const same = commit(history, history.present);
    expect(same.past).toEqual(history.past);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let history = startHistory(0);
    for (let step = 1; step <= HISTORY_LIMIT + 50; step++) history = commit(history, step);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(50);
  });

  it('does nothing when there is nothing to undo or redo', () => {
    const history = startHistory('only');
    expect(undo(history)).toEqual(history);
    expect(redo(history)).toBe(history);
  });
});
