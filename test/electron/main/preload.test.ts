import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATIONS } from '../../../electron/api/operations';
import {
  CLOSE_READY_CHANNEL,
  CURRENT_PROJECT_CHANNEL,
  OPEN_MODEL_CHANNEL,
  PREPARE_CLOSE_CHANNEL,
} from '../../../electron/main/desktop-channels';
import { MENU_COMMAND_CHANNEL } from '../../../electron/main/menu-commands';
import type { WorkbenchBridge } from '../../../electron/preload';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let exposedName: unknown;
let bridge: WorkbenchBridge;
/** The preload's own listener for "about to close", registered when it loads. */
let onPrepare: (event: unknown, request: unknown) => void;

beforeAll(async () => {
  await import('../../../electron/preload');
  const call = contextBridge.exposeInMainWorld.mock.calls[0];
  if (call === undefined) throw new Error('the preload exposed nothing');
  [exposedName, bridge] = call as [unknown, WorkbenchBridge];
  const prepare = ipcRenderer.on.mock.calls.find(([channel]) => channel === PREPARE_CLOSE_CHANNEL);
  if (prepare === undefined) throw new Error('the preload does not listen for the close handshake');
  onPrepare = prepare[1] as typeof onPrepare;
});
beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.on.mockReset();
  ipcRenderer.removeListener.mockReset();
  ipcRenderer.send.mockReset();
});

/** Lets the preload's promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the preload bridge', () => {
  it('exposes window.workbench once', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposedName).toBe('workbench');
  });

  it('has exactly one function per operation, plus the host, the menu, opened models and the close handshake', () => {
    expect(Object.keys(bridge).sort()).toEqual(
      [
        ...OPERATIONS,
        'host',
        'onMenuCommand',
        'onOpenModel',
        'reportProject',
        'onPrepareClose',
        'printToPdf',
      ].sort(),
    );
    for (const operation of OPERATIONS) expect(typeof bridge[operation], operation).toBe('function');
    expect(bridge.host).toBe('electron');
  });

  it('never hands out ipcRenderer or its methods', () => {
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(ipcRenderer);
      for (const method of Object.values(ipcRenderer)) expect(value).not.toBe(method);
    }
  });

  it('sends each operation on its own channel and returns the main process Result', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: [] });
    await expect(bridge['projects.list']({})).resolves.toEqual({ ok: true, value: [] });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('workbench:projects.list', {});
    await bridge['projects.create']({ name: 'Pilot' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('workbench:projects.create', { name: 'Pilot' });
  });

  it('turns a failed IPC call into an error Result instead of throwing into the page', async () => {
    ipcRenderer.invoke.mockRejectedValue(new Error("No handler registered for 'workbench:app.info'"));
    const answer = await bridge['app.info']({});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('forwards only known menu commands, without the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    expect(ipcRenderer.on).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, expect.any(Function));
    const forward = ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, command: unknown) => void;
    const ipcEvent = { sender: ipcRenderer };
    forward(ipcEvent, 'new-project');
    forward(ipcEvent, 'shell.exec');
    forward(ipcEvent, { command: 'new-project' });
    expect(listener.mock.calls).toEqual([['new-project']]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, forward);
  });

  it('refuses a menu listener that is not a function', () => {
    expect(() => bridge.onMenuCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('forwards opened models as project and model ids only, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onOpenModel(listener);
    const forward = ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, opened: unknown) => void;
    expect(ipcRenderer.on.mock.calls[0]?.[0]).toBe(OPEN_MODEL_CHANNEL);
    forward({}, { projectId: 'p1', modelId: 'm1', extra: 'dropped' });
    forward({}, { projectId: 'p1' });
    forward({}, 'm1');
    expect(listener.mock.calls).toEqual([[{ projectId: 'p1', modelId: 'm1' }]]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(OPEN_MODEL_CHANNEL, forward);
  });

  it('reports the open project to the main process', () => {
    bridge.reportProject('p1');
    bridge.reportProject(null);
    expect(ipcRenderer.send.mock.calls).toEqual([
      [CURRENT_PROJECT_CHANNEL, 'p1'],
      [CURRENT_PROJECT_CHANNEL, null],
    ]);
    expect(() => bridge.reportProject(42 as unknown as string)).toThrow(TypeError);
  });

  it('answers "about to close" with what the page says still runs, after it has saved', async () => {
    const prepare = vi.fn(async () => ['Sensitivity run (1,200 of 10,000)']);
    const remove = bridge.onPrepareClose(prepare);
    onPrepare({}, 7);
    await settle();
    expect(prepare).toHaveBeenCalledOnce();
    expect(ipcRenderer.send).toHaveBeenCalledWith(CLOSE_READY_CHANNEL, 7, [
      'Sensitivity run (1,200 of 10,000)',
    ]);
    remove();
    onPrepare({}, 8);
    await settle();
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(CLOSE_READY_CHANNEL, 8, []);
  });

  it('answers at once that nothing runs when the page never set a handler or its handler fails', async () => {
    onPrepare({}, 9);
    expect(ipcRenderer.send).toHaveBeenCalledWith(CLOSE_READY_CHANNEL, 9, []);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const remove = bridge.onPrepareClose(async () => Promise.reject(new Error('boom')));
    onPrepare({}, 10);
    await settle();
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(CLOSE_READY_CHANNEL, 10, []);
    remove();
    error.mockRestore();
  });
});
