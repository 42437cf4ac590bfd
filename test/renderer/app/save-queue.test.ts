/**
 * The save order of an open analysis: the workspace ends up with the document shown, whatever the order in which
 * edits, undos, redos and slow saves come.
 */
import { describe, expect, it } from 'vitest';
import { SaveQueue, type SaveState } from '../../../renderer/src/app/save-queue';

/** A backend whose saves finish when the test says so, keeping what it holds in the order they finish. */
function slowBackend() {
  const held: string[] = [];
  const waiting: { document: string; finish: () => void; refuse: (message: string) => void }[] = [];
  const save = (document: string) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({
        document,
        finish: () => {
          held.push(document);
          resolve();
        },
        refuse: (message) => reject(new Error(message)),
      });
    });
  const next = async () => {
    // A save starts once the one before it has finished: let the queue reach it.
    for (let turn = 0; turn < 5 && waiting.length === 0; turn++) await Promise.resolve();
    const job = waiting.shift();
    if (job === undefined) throw new Error('no save is running');
    return job;
  };
  return { held, save, next, running: () => waiting.length };
}

function queueOn(backend: ReturnType<typeof slowBackend>, saved: string) {
  const states: SaveState['status'][] = [];
  const queue = new SaveQueue(backend.save, saved, (state) => states.push(state.status));
  return { queue, states, last: () => states.at(-1) };
}

describe('the save queue', () => {
  it('sends again a state undone to while a later one is being saved, so the shown one is kept', async () => {
    const backend = slowBackend();
    const { queue, last } = queueOn(backend, 'original');
    expect(queue.shown('edited')).toBe(true);
    const edited = queue.send('edited');
    // Undo before that save has finished: the original is shown again and must be saved after it.
    expect(queue.shown('original')).toBe(true);
    const undone = queue.send('original');
    (await backend.next()).finish();
    (await backend.next()).finish();
    await Promise.all([edited, undone]);
    expect(backend.held).toEqual(['edited', 'original']);
    expect(last()).toBe('saved');
  });

  it('does not send a redo back to what was saved, and says saved instead of saving for ever', async () => {
    const backend = slowBackend();
    const { queue, last } = queueOn(backend, 'original');
    queue.shown('edited');
    const edited = queue.send('edited');
    (await backend.next()).finish();
    await edited;
    // Undo (not sent yet: the pause before a save has not passed), then redo.
    expect(queue.shown('original')).toBe(true);
    expect(last()).toBe('pending');
    expect(queue.shown('edited')).toBe(false);
    expect(last()).toBe('saved');
    expect(queue.waiting).toBeUndefined();
    expect(backend.running()).toBe(0);
    expect(backend.held).toEqual(['edited']);
  });

  it('stays pending while a save is on its way, and names a refused save', async () => {
    const backend = slowBackend();
    const { queue, last } = queueOn(backend, 'original');
    queue.shown('edited');
    const edited = queue.send('edited');
    queue.shown('again');
    const again = queue.send('again');
    (await backend.next()).finish();
    await edited;
    expect(last()).toBe('pending');
    (await backend.next()).refuse('The analysis has an unknown field "x"');
    await expect(again).rejects.toThrow('unknown field');
    expect(last()).toBe('failed');
    // What failed is not taken as saved: showing it again sends it again.
    expect(queue.shown('again')).toBe(true);
  });

  it('says pending, not saved, when an older save lands while a newer edit waits for its pause', async () => {
    const backend = slowBackend();
    const { queue, last } = queueOn(backend, 'original');
    queue.shown('12');
    const first = queue.send('12');
    // The edit goes on before that save has landed; its own save waits for a pause in the typing.
    expect(queue.shown('12 *')).toBe(true);
    (await backend.next()).finish();
    await first;
    expect(last()).toBe('pending');
    expect(queue.waiting).toBe('12 *');
  });

  it('does not send twice the same text shown again while its save is on its way, and says saved once it lands', async () => {
    const backend = slowBackend();
    const { queue, last } = queueOn(backend, 'original');
    queue.shown('12');
    const first = queue.send('12');
    // Leaving the field makes a new document with the same text (the Dynamics view's commit on blur).
    expect(queue.shown('12')).toBe(false);
    expect(last()).toBe('pending');
    (await backend.next()).finish();
    await first;
    expect(last()).toBe('saved');
    expect(backend.running()).toBe(0);
    expect(backend.held).toEqual(['12']);
  });

  it('keeps the document not yet sent, for a close to send at once', () => {
    const backend = slowBackend();
    const { queue } = queueOn(backend, 'original');
    queue.shown('typed');
    expect(queue.waiting).toBe('typed');
    void queue.send('typed');
    expect(queue.waiting).toBeUndefined();
  });

  it('runs a rename after the saves sent before it', async () => {
    const backend = slowBackend();
    const { queue } = queueOn(backend, 'original');
    queue.shown('edited');
    const edited = queue.send('edited');
    let heldAtRename: readonly string[] | undefined;
    const renamed = queue.after(async () => {
      heldAtRename = [...backend.held];
    });
    (await backend.next()).finish();
    await Promise.all([edited, renamed]);
    expect(heldAtRename).toEqual(['edited']);
  });
});
