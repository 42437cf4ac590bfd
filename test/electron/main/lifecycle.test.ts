import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, OPERATIONS } from '../../../electron/api/operations';
import { launch } from '../../../electron/main/lifecycle';
import { MENU_COMMAND_CHANNEL } from '../../../electron/main/menu-commands';
import { WINDOW_STATE_FILE } from '../../../electron/main/window-state';
import type * as WorkspaceModule from '../../../electron/store/workspace';
import { openWorkspace, WORKSPACE_FILE } from '../../../electron/store/workspace';
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakeWebContents,
  ipcMainHandlers,
  Menu,
  protocol,
  resetFakeElectron,
  session,
} from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
// The real store, opened in a temporary folder; wrapped only to see the workspace the app opened.
vi.mock('../../../electron/store/workspace', async (importOriginal) => {
  const real = await importOriginal<typeof WorkspaceModule>();
  return { ...real, openWorkspace: vi.fn(real.openWorkspace) };
});

let dataDir: string;
beforeEach(() => {
  resetFakeElectron();
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-lifecycle-'));
});
afterEach(() => {
  app.emit('will-quit'); // closes the workspace the test opened, if any
  rmSync(dataDir, { recursive: true, force: true });
});

/** Lets `app.whenReady().then(start)` run. */
const ready = () => new Promise<void>((resolve) => setImmediate(resolve));

async function launched(): Promise<FakeBrowserWindow> {
  expect(launch({ argv: ['electron', '.', '--data-dir', dataDir], env: {}, cwd: '/' })).toBe(true);
  await ready();
  const window = FakeBrowserWindow.instances[0];
  if (window === undefined) throw new Error('no window was created');
  return window;
}

const ipcEvent = (sender: FakeWebContents, url: string) => ({ sender, senderFrame: { url } });

async function call(channel: string, event: unknown, input: unknown): Promise<unknown> {
  const handler = ipcMainHandlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return handler(event, input);
}

describe('the single-instance lock', () => {
  it('quits a second instance before it does anything', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    expect(launch({ argv: ['electron', '.'], env: {}, cwd: '/' })).toBe(false);
    await ready();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(openWorkspace).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toEqual([]);
  });

  it('brings the first window forward when a second instance starts', async () => {
    const window = await launched();
    window.minimized = true;
    app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('starting', () => {
  it('sandboxes every renderer and registers app:// before the app is ready', () => {
    launch({ argv: ['electron', '.'], env: {}, cwd: '/' });
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('opens the workspace in --data-dir, then serves, guards and shows the app', async () => {
    const window = await launched();
    expect(openWorkspace).toHaveBeenCalledWith({ dataDir, nativeBinding: undefined });
    expect(readdirSync(dataDir)).toContain(WORKSPACE_FILE);
    expect(session.defaultSession.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(window.options['webPreferences']).toMatchObject({
      preload: join('/fake/app', 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: true, // running from a clone (app.isPackaged is false)
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://workbench/index.html');
  });

  it('answers IPC from its window and refuses it from any other', async () => {
    const window = await launched();
    expect([...ipcMainHandlers.keys()].sort()).toEqual(OPERATIONS.map(ipcChannel).sort());
    const fromApp = await call(
      'workbench:app.info',
      ipcEvent(window.webContents, 'app://workbench/index.html'),
      {},
    );
    expect(fromApp).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    const fromStranger = await call(
      'workbench:app.info',
      ipcEvent(new FakeWebContents(), 'app://workbench/'),
      {},
    );
    expect(fromStranger).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    window.close();
    const afterClose = await call('workbench:app.info', ipcEvent(window.webContents, 'app://workbench/'), {});
    expect(afterClose).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('hardens every WebContents the app creates', async () => {
    await launched();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('restores the saved window place and saves it again on close', async () => {
    writeFileSync(
      join(dataDir, WINDOW_STATE_FILE),
      JSON.stringify({ bounds: { x: 60, y: 70, width: 1000, height: 700 }, isMaximized: false }),
    );
    const window = await launched();
    expect(window.options).toMatchObject({ x: 60, y: 70, width: 1000, height: 700 });
    window.normalBounds = { x: 80, y: 90, width: 1100, height: 760 };
    window.close();
    expect(JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      bounds: { x: 80, y: 90, width: 1100, height: 760 },
      isMaximized: false,
    });
  });

  it('sends New Project from the menu to the app window', async () => {
    const window = await launched();
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    const file = template.find((item) => item.label === 'File');
    const newProject = Array.isArray(file?.submenu) ? file.submenu[0] : undefined;
    (newProject?.click as () => void)();
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'new-project');
  });

  it('quits when the last window closes (outside macOS) and closes the workspace on quit', async () => {
    const window = await launched();
    const workspace = vi.mocked(openWorkspace).mock.results[0]?.value as { close: () => void };
    const close = vi.spyOn(workspace, 'close');
    window.close();
    app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(app.quit).toHaveBeenCalledOnce();
    app.emit('will-quit');
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('a workspace that cannot be opened', () => {
  it('is reported in an error box, and the app exits without touching the file', async () => {
    const file = join(dataDir, WORKSPACE_FILE);
    const bytes = 'This is a spreadsheet, not a workspace.\n'.repeat(10);
    writeFileSync(file, bytes);
    launch({ argv: ['electron', '.', `--data-dir=${dataDir}`], env: {}, cwd: '/' });
    await ready();
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/cannot start/);
    expect(message).toContain(file);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(readdirSync(dataDir)).toEqual([WORKSPACE_FILE]);
    expect(FakeBrowserWindow.instances).toEqual([]);
    expect(ipcMainHandlers.size).toBe(0);
  });
});
