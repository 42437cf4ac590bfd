/**
 * An editor's document saved once it has been still for a moment, through its SaveQueue (save-queue.ts): saves
 * go one after another, "Saved" is said of the document shown (never of an older save that finished late), a
 * save waiting when the window closes is registered as busy work (busy.ts) so it is saved first, and one waiting
 * when the editor is closed (another document, another section) is sent at once rather than dropped.
 */
import { useEffect } from 'react';
import { registerBusy } from './busy';
import type { SaveQueue } from './save-queue';

export function useQueuedSave<T>(
  saves: SaveQueue<T>,
  document: T,
  options: { readonly delayMs: number; readonly label: () => string },
): void {
  const { delayMs, label } = options;
  useEffect(() => {
    if (!saves.shown(document)) return;
    let sending: Promise<void> | undefined;
    const saveNow = (): Promise<void> => {
      clearTimeout(timer);
      sending ??= saves.send(document).finally(release);
      return sending;
    };
    const timer = setTimeout(() => void saveNow().catch(() => undefined), delayMs);
    const release = registerBusy({ label: label(), flush: saveNow });
    return () => {
      clearTimeout(timer);
      release();
    };
    // label is read when the wait starts; a new label alone is no reason to save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, saves, delayMs]);

  useEffect(
    () => () => {
      const pending = saves.waiting;
      if (pending !== undefined) void saves.send(pending).catch(() => undefined);
    },
    [saves],
  );
}
