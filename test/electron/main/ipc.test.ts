import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../electron/api/dispatch';
import { ipcChannel, OPERATIONS } from '../../../electron/api/operations';
import type { Result } from '../../../electron/api/result';
import { refusalReason, registerIpc } from '../../../electron/main/ipc';
import { FakeWebContents, ipcMain, ipcMainHandlers, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const appInfo = {
  name: 'Empathy Workbench',
  version: '0.1.0',
  host: 'electron',
  dataDir: '/data',
  workspacePath: '/data/workspace.sqlite',
  schemaVersion: 1,
} as const;

/** Handlers that record their calls; only the ones a test uses need real answers. */
function fakeHandlers() {
  const calls: string[] = [];
  const entries = OPERATIONS.map((operation) => [
    operation,
    vi.fn((input: unknown) => {
      calls.push(operation);
      return operation === 'app.info' ? appInfo : { echoed: input };
    }),
  ]);
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, calls };
}

const appWindow = new FakeWebContents();
const trust = {
  isAppWebContents: (contents: WebContents) => contents === (appWindow as unknown as WebContents),
};

function event(sender: FakeWebContents, frameUrl: string | null): IpcMainInvokeEvent {
  return {
    sender,
    senderFrame: frameUrl === null ? null : { url: frameUrl },
  } as unknown as IpcMainInvokeEvent;
}

async function invoke(channel: string, sent: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> {
  const handler = ipcMainHandlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return (await handler(sent, input)) as Result<unknown>;
}

describe('the IPC helper', () => {
  it('registers one ipcMain.handle per operation of the contract, and removes them again', () => {
    const { handlers } = fakeHandlers();
    const unregister = registerIpc(handlers, trust);
    expect([...ipcMainHandlers.keys()].sort()).toEqual(OPERATIONS.map(ipcChannel).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(OPERATIONS.length);
    unregister();
    expect(ipcMainHandlers.size).toBe(0);
  });

  it('dispatches a good message from the app window and answers with a Result', async () => {
    const { handlers, calls } = fakeHandlers();
    registerIpc(handlers, trust);
    const answer = await invoke('workbench:app.info', event(appWindow, 'app://workbench/index.html'), {});
    expect(answer).toEqual({ ok: true, value: appInfo });
    expect(calls).toEqual(['app.info']);
  });

  it('drops a message from a window the app did not create, without running the handler', async () => {
    const { handlers, calls } = fakeHandlers();
    registerIpc(handlers, trust);
    const stranger = new FakeWebContents();
    const answer = await invoke('workbench:projects.list', event(stranger, 'app://workbench/index.html'), {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('drops a message from a page outside the app, even in the app window', async () => {
    const { handlers, calls } = fakeHandlers();
    registerIpc(handlers, trust);
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://other/index.html',
      'about:blank',
    ]) {
      const answer = await invoke('workbench:projects.list', event(appWindow, url), {});
      expect(answer, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const gone = await invoke('workbench:projects.list', event(appWindow, null), {});
    expect(gone).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('lets the contract refuse bad input as data, not as a thrown error', async () => {
    const { handlers, calls } = fakeHandlers();
    registerIpc(handlers, trust);
    const answer = await invoke('workbench:projects.get', event(appWindow, 'app://workbench/'), {
      id: 'not-a-uuid',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('turns a handler that throws into an error Result', async () => {
    const { handlers } = fakeHandlers();
    vi.mocked(handlers['projects.list']).mockImplementation(() => {
      throw new Error('disk on fire');
    });
    registerIpc(handlers, trust);
    const answer = await invoke('workbench:projects.list', event(appWindow, 'app://workbench/'), {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(answer.ok === false && answer.error.message).toContain('disk on fire');
  });

  it('explains each refusal', () => {
    expect(refusalReason(event(appWindow, 'app://workbench/index.html'), trust)).toBeUndefined();
    expect(refusalReason(event(new FakeWebContents(), 'app://workbench/'), trust)).toMatch(/did not create/);
    expect(refusalReason(event(appWindow, null), trust)).toMatch(/gone/);
    expect(refusalReason(event(appWindow, 'https://example.org'), trust)).toMatch(/outside the app/);
  });
});
