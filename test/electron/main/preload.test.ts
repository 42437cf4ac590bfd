import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATIONS } from '../../../electron/api/operations';
import { MENU_COMMAND_CHANNEL } from '../../../electron/main/menu-commands';
import type { WorkbenchBridge } from '../../../electron/preload';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let exposedName: unknown;
let bridge: WorkbenchBridge;

beforeAll(async () => {
  await import('../../../electron/preload');
  const call = contextBridge.exposeInMainWorld.mock.calls[0];
  if (call === undefined) throw new Error('the preload exposed nothing');
  [exposedName, bridge] = call as [unknown, WorkbenchBridge];
});
beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.on.mockReset();
  ipcRenderer.removeListener.mockReset();
});

describe('the preload bridge', () => {
  it('exposes window.workbench once', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposedName).toBe('workbench');
  });

  it('has exactly one function per operation, plus the host and the menu subscription', () => {
    expect(Object.keys(bridge).sort()).toEqual([...OPERATIONS, 'host', 'onMenuCommand'].sort());
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
});
