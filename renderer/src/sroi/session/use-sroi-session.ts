/**
 * One open SROI analysis: its document under undo/redo (history.ts, the Dynamics view's rule: typing in a cell is
 * previewed and committed as one step when the cell is left), and every change saved to the workspace once the
 * document has been still for a moment. Saves go one after another, so the last change is the one kept; a save
 * still waiting when the analysis is closed is sent at once rather than dropped, and one waiting when the window
 * closes is saved first (it is registered as busy work, app/busy.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SroiAnalysisRecord } from '../../../../electron/api/contract';
import type { SroiAnalysis } from '../../../../model/sroi';
import { call } from '../../api';
import { SaveQueue, type SaveState } from '../../app/save-queue';
import { useQueuedSave } from '../../app/use-queued-save';
import {
  canRedo,
  canUndo,
  commit,
  preview,
  redo,
  startHistory,
  undo,
  type History,
} from '../../dynamics/session/history';
import type { AnalysisEdit } from './analysis-edits';

export type ChangePhase = 'preview' | 'commit';

export type { SaveState } from '../../app/save-queue';

/** How long the document must stay unchanged before it is saved (a burst of typing is one save). */
export const SAVE_DELAY_MS = 400;

export function useSroiSession(record: SroiAnalysisRecord) {
  const [history, setHistory] = useState<History<SroiAnalysis>>(() => startHistory(record.document));
  const [name, setName] = useState(record.name);
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  const document = history.present;

  // The name is not part of the undo history: it is changed by its own operation (a rename can clash with
  // another analysis, and undoing an edit must not undo a rename). Every save sends the current name.
  const nameRef = useRef(name);
  useEffect(() => {
    nameRef.current = name;
  }, [name]);

  const saveDocument = useCallback(
    (next: SroiAnalysis) =>
      call('sroi.save', { id: record.id, document: { ...next, name: nameRef.current } }),
    [record.id],
  );
  // Made once: its state outlives renders. saveDocument reads nameRef when a save runs, never during render;
  // the compiler's rule cannot tell a callback stored for later from one called now.
  // eslint-disable-next-line react-hooks/refs
  const [saves] = useState(() => new SaveQueue<SroiAnalysis>(saveDocument, record.document, setSave));

  useQueuedSave(saves, document, {
    delayMs: SAVE_DELAY_MS,
    label: () => `Edits to the SROI analysis "${nameRef.current}"`,
  });

  const edit = useCallback((change: AnalysisEdit, phase: ChangePhase = 'commit') => {
    setHistory((previous) => {
      const next = change(previous.present);
      return phase === 'preview' ? preview(previous, next) : commit(previous, next);
    });
  }, []);

  /** Ends a preview (a cell left) as one step. */
  const settle = useCallback(() => setHistory((previous) => commit(previous)), []);

  const rename = useCallback(
    async (next: string) => {
      // In the save queue, so a save sent before the rename cannot land after it with the old name.
      const renamed = await saves.after(() => call('sroi.rename', { id: record.id, name: next }));
      setName(renamed.name);
      nameRef.current = renamed.name;
      return renamed;
    },
    [record.id, saves],
  );

  return {
    id: record.id,
    projectId: record.projectId,
    name,
    document,
    save,
    edit,
    settle,
    rename,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
  };
}

export type SroiSession = ReturnType<typeof useSroiSession>;
