import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  busyTasks,
  installBusyGuards,
  prepareToClose,
  registerBusy,
  type UnloadTarget,
} from '../../../renderer/src/app/busy';

const releases: (() => void)[] = [];
const register = (...args: Parameters<typeof registerBusy>) => {
  const release = registerBusy(...args);
  releases.push(release);
  return release;
};
afterEach(() => {
  for (const release of releases.splice(0)) release();
});

/** A `window` stand-in that keeps its one beforeunload listener. */
function unloadTarget() {
  let listener: ((event: BeforeUnloadEvent) => void) | undefined;
  const target: UnloadTarget = {
    addEventListener: (_type, added) => {
      listener = added;
    },
    removeEventListener: (_type, removed) => {
      if (listener === removed) listener = undefined;
    },
  };
  const unload = () => {
    const event = { preventDefault: vi.fn(), returnValue: undefined as unknown };
    listener?.(event as unknown as BeforeUnloadEvent);
    return event;
  };
  return { target, unload, listening: () => listener !== undefined };
}

describe('the busy registry', () => {
  it('lists what is registered until it is released, once', () => {
    const release = register({ label: 'Sensitivity run' });
    register({ label: 'Sensitivity run' }); // two runs of one name are two tasks
    expect(busyTasks().map((task) => task.label)).toEqual(['Sensitivity run', 'Sensitivity run']);
    release();
    release();
    expect(busyTasks()).toHaveLength(1);
  });

  it('before closing saves what waits to be saved and names the runs that go on', async () => {
    const saved: string[] = [];
    const releaseEdit: () => void = register({
      label: 'Edits to the model "Shop"',
      flush: async () => {
        saved.push('Shop');
        releaseEdit();
      },
    });
    register({ label: 'Calibration' });
    await expect(prepareToClose()).resolves.toEqual(['Calibration']);
    expect(saved).toEqual(['Shop']);
  });

  it('names a save that failed, since closing would lose that edit', async () => {
    register({ label: 'Edits to the model "Shop"', flush: () => Promise.reject(new Error('disk full')) });
    await expect(prepareToClose()).resolves.toEqual(['Edits to the model "Shop": not saved (disk full)']);
  });

  it('gives up on a save that keeps coming back after a few rounds, and names it', async () => {
    const flush = vi.fn(async () => undefined); // never releases itself
    register({ label: 'Edits to the model "Busy"', flush });
    await expect(prepareToClose(3)).resolves.toEqual(['Edits to the model "Busy"']);
    expect(flush).toHaveBeenCalledTimes(3);
  });
});

describe('the guards', () => {
  it('answer the desktop close handshake and never block the unload there', async () => {
    let prepare: (() => Promise<readonly string[]>) | undefined;
    const removeHandshake = vi.fn();
    const bridge = {
      onPrepareClose: (handler: () => Promise<readonly string[]>) => {
        prepare = handler;
        return removeHandshake;
      },
    };
    const { target, unload, listening } = unloadTarget();
    const uninstall = installBusyGuards(bridge, target);
    register({ label: 'Sensitivity run' });
    await expect(prepare?.()).resolves.toEqual(['Sensitivity run']);
    expect(unload().preventDefault).not.toHaveBeenCalled();
    uninstall();
    expect(removeHandshake).toHaveBeenCalledOnce();
    expect(listening()).toBe(false);
  });

  it('in the browser, start the saves and ask before leaving while anything is registered', () => {
    const { target, unload } = unloadTarget();
    const uninstall = installBusyGuards(undefined, target);
    expect(unload().preventDefault).not.toHaveBeenCalled();
    const flush = vi.fn(async () => undefined);
    register({ label: 'Edits', flush });
    const event = unload();
    expect(flush).toHaveBeenCalledOnce();
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(event.returnValue).toBe('');
    uninstall();
  });
});
