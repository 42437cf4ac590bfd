import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, OPERATIONS } from '../../../electron/api/operations';
import { launch } from '../../../electron/main/lifecycle';
import {
  CLOSE_READY_CHANNEL,
  CURRENT_PROJECT_CHANNEL,
  OPEN_MODEL_CHANNEL,
  PREPARE_CLOSE_CHANNEL,
} from '../../../electron/main/desktop-channels';
import { LAST_VIEW_FILE } from '../../../electron/main/last-view';
import { MENU_COMMAND_CHANNEL } from '../../../electron/main/menu-commands';
import { PRINT_TO_PDF_CHANNEL } from '../../../electron/main/print-channel';
import { RECENT_FILES_FILE } from '../../../electron/main/recent-files';
import { WINDOW_STATE_FILE } from '../../../electron/main/window-state';
import type * as WorkspaceModule from '../../../electron/store/workspace';
import { openWorkspace, WORKSPACE_FILE } from '../../../electron/store/workspace';
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakeWebContents,
  ipcMain,
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

/** Lets a chain of promises (read the file, import, dialog, close) run to its end. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await ready();
}

/**
 * Waits until the main process has done something visible. Opening a file reads it through libuv's thread pool,
 * so no fixed number of event-loop turns is enough; the test's own timeout stops a wait that never ends.
 */
async function until(happened: () => boolean): Promise<void> {
  while (!happened()) await new Promise((resolve) => setTimeout(resolve, 5));
  await settle();
}
const sentOpenModel = (window: FakeBrowserWindow) => () =>
  window.webContents.send.mock.calls.some(([channel]) => channel === OPEN_MODEL_CHANNEL);
const askedOrWarned = () => dialog.showMessageBox.mock.calls.length > 0;

/** The page answers "about to close" with these labels, as renderer/src/app/busy.ts does through the preload. */
function pageAnswersClose(window: FakeBrowserWindow, busy: readonly string[] = []): void {
  window.webContents.send.mockImplementation((channel: string, request: unknown) => {
    if (channel !== PREPARE_CLOSE_CHANNEL) return;
    ipcMain.emit(CLOSE_READY_CHANNEL, ipcEvent(window.webContents, 'app://workbench/'), request, [...busy]);
  });
}

/** The page reports its open project, which also tells the main process it can show opened models. */
function pageReports(window: FakeBrowserWindow, projectId: string | null): void {
  ipcMain.emit(
    CURRENT_PROJECT_CHANNEL,
    ipcEvent(window.webContents, 'app://workbench/index.html'),
    projectId,
  );
}

function theWorkspace(): WorkspaceModule.Workspace {
  return vi.mocked(openWorkspace).mock.results[0]?.value as WorkspaceModule.Workspace;
}

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'sd-test-models');
const XMILE = join(fixtures, 'core-xmile', 'pi', 'test_pi.xmile');
const STMX = join(fixtures, 'ltm-reference', 'logistic_growth_ltm', 'logistic_growth.stmx');

function fileMenuItems(): MenuItemConstructorOptions[] {
  const template = Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
  const file = template.find((item) => item.label === 'File');
  return Array.isArray(file?.submenu) ? file.submenu : [];
}
function recentItems(): MenuItemConstructorOptions[] {
  const recent = fileMenuItems().find((item) => item.label === 'Open Recent');
  return Array.isArray(recent?.submenu) ? recent.submenu : [];
}

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
    expect([...ipcMainHandlers.keys()].sort()).toEqual(
      [...OPERATIONS.map(ipcChannel), PRINT_TO_PDF_CHANNEL].sort(),
    );
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
    pageAnswersClose(window);
    window.close();
    await settle();
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
    pageAnswersClose(window);
    window.close();
    await settle();
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

describe('opening files from the operating system', () => {
  it('imports a model named at launch into a project named after it, once the page listens, and shows it', async () => {
    const copy = join(dataDir, 'Pi Model.xmile');
    copyFileSync(XMILE, copy);
    launch({ argv: ['/opt/empathy-workbench', copy, '--data-dir', dataDir], env: {}, cwd: '/' });
    await ready();
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    await settle();
    expect(
      theWorkspace()
        .projects.list()
        .map((project) => project.name),
    ).not.toContain('Pi Model');

    pageReports(window, null);
    await until(sentOpenModel(window));
    const project = theWorkspace()
      .projects.list()
      .find((candidate) => candidate.name === 'Pi Model');
    if (project === undefined) throw new Error('no project was made for the file');
    const [model] = theWorkspace().models.list(project.id);
    expect(model?.name).toBe('Pi Model');
    expect(window.webContents.send).toHaveBeenCalledWith(OPEN_MODEL_CHANNEL, {
      projectId: project.id,
      modelId: model?.id,
    });
    expect(app.addRecentDocument).toHaveBeenCalledWith(copy);
    expect(JSON.parse(readFileSync(join(dataDir, RECENT_FILES_FILE), 'utf8'))).toEqual({ files: [copy] });
    expect(recentItems().map((item) => item.label ?? item.type)).toEqual([
      `Pi Model.xmile — ${copy}`,
      'separator',
      'Clear Recent',
    ]);
  });

  it('queues a macOS open-file that comes before the app is ready, into the project the page has open', async () => {
    launch({ argv: ['electron', '.', '--data-dir', dataDir], env: {}, cwd: '/' });
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, STMX); // before whenReady() has resolved
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await ready();
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    const pilot = theWorkspace().projects.create({ name: 'Pilot' });
    pageReports(window, pilot.id);
    await until(sentOpenModel(window));
    expect(
      theWorkspace()
        .models.list(pilot.id)
        .map((model) => model.name),
    ).toEqual(['logistic_growth']);
    expect(window.webContents.send).toHaveBeenCalledWith(
      OPEN_MODEL_CHANNEL,
      expect.objectContaining({ projectId: pilot.id }),
    );
  });

  it('holds opened files while the page reloads, not while it moves between views', async () => {
    const window = await launched();
    pageReports(window, null);
    window.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    app.emit('open-file', { preventDefault: vi.fn() }, XMILE);
    await until(sentOpenModel(window));
    window.webContents.send.mockClear();
    window.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    app.emit('open-file', { preventDefault: vi.fn() }, STMX);
    await settle();
    expect(window.webContents.send).not.toHaveBeenCalledWith(OPEN_MODEL_CHANNEL, expect.anything());
    pageReports(window, null);
    await until(sentOpenModel(window));
  });

  it('opens what a second launch names, past the switches Chromium adds, relative to its folder', async () => {
    const window = await launched();
    pageReports(window, null);
    window.minimized = true;
    app.emit(
      'second-instance',
      {},
      [
        '/opt/empathy-workbench',
        '--allow-file-access-from-files',
        '--original-process-start-time=1337',
        'test_pi.xmile',
      ],
      dirname(XMILE),
    );
    await until(sentOpenModel(window));
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(app.addRecentDocument).toHaveBeenCalledWith(XMILE);
    expect(window.webContents.send).toHaveBeenCalledWith(OPEN_MODEL_CHANNEL, expect.anything());
  });

  it('refuses a file that is not a model, naming it, and saves nothing', async () => {
    const window = await launched();
    pageReports(window, null);
    const bad = join(dataDir, 'notes.xmile');
    writeFileSync(bad, 'Meeting notes, not a model.');
    const before = theWorkspace().projects.list().length;
    app.emit('open-file', { preventDefault: vi.fn() }, bad);
    await until(askedOrWarned);
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    const options = dialog.showMessageBox.mock.calls[0]?.[1] as { type: string; detail: string };
    expect(options.type).toBe('error');
    expect(options.detail).toContain(bad);
    expect(options.detail).toContain('notes.xmile is not a model');
    expect(theWorkspace().projects.list()).toHaveLength(before); // not even a project named after it
    expect(app.addRecentDocument).not.toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalledWith(OPEN_MODEL_CHANNEL, expect.anything());
  });

  it('drops a recent file that has gone, and Clear Recent empties the list and the OS’s', async () => {
    const gone = join(dataDir, 'gone.xmile');
    const kept = join(dataDir, 'kept.stmx');
    copyFileSync(STMX, kept);
    writeFileSync(join(dataDir, RECENT_FILES_FILE), JSON.stringify({ files: [gone, kept] }));
    const window = await launched();
    pageReports(window, null);
    expect(
      recentItems()
        .map((item) => item.label)
        .slice(0, 2),
    ).toEqual([`gone.xmile — ${gone}`, `kept.stmx — ${kept}`]);
    (recentItems()[0]?.click as () => void)();
    await until(askedOrWarned);
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(
      recentItems()
        .map((item) => item.label)
        .slice(0, 1),
    ).toEqual([`kept.stmx — ${kept}`]);

    const clear = recentItems().find((item) => item.label === 'Clear Recent');
    (clear?.click as () => void)();
    expect(app.clearRecentDocuments).toHaveBeenCalledOnce();
    expect(recentItems().map((item) => item.label ?? item.type)).toEqual([
      'No Recent Files',
      'separator',
      'Clear Recent',
    ]);
    expect(JSON.parse(readFileSync(join(dataDir, RECENT_FILES_FILE), 'utf8'))).toEqual({ files: [] });
  });

  it('restarts on another workspace after asking, closing this one cleanly first', async () => {
    const other = mkdtempSync(join(tmpdir(), 'workbench-other-'));
    try {
      openWorkspace({ dataDir: other, backupOnOpen: false }).close();
      const window = await launched();
      pageReports(window, null);
      pageAnswersClose(window);
      app.emit('open-file', { preventDefault: vi.fn() }, join(other, WORKSPACE_FILE));
      await until(askedOrWarned);
      const question = dialog.showMessageBox.mock.calls[0]?.[1] as { message: string };
      expect(question.message).toContain(other);
      expect(app.quit).toHaveBeenCalledOnce();
      app.emit('will-quit');
      expect(app.relaunch).toHaveBeenCalledWith({ args: ['.', '--data-dir', other] });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a workspace.sqlite that is not a workspace, and stays', async () => {
    const other = mkdtempSync(join(tmpdir(), 'workbench-other-'));
    try {
      writeFileSync(join(other, WORKSPACE_FILE), 'not SQLite at all\n'.repeat(20));
      const window = await launched();
      pageReports(window, null);
      app.emit('open-file', { preventDefault: vi.fn() }, join(other, WORKSPACE_FILE));
      await until(askedOrWarned);
      const problem = dialog.showMessageBox.mock.calls[0]?.[1] as { type: string; detail: string };
      expect(problem.type).toBe('error');
      expect(problem.detail).toContain(join(other, WORKSPACE_FILE));
      expect(app.quit).not.toHaveBeenCalled();
      expect(app.relaunch).not.toHaveBeenCalled();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('closing the window', () => {
  it('closes at once when nothing runs, after the page has saved', async () => {
    const window = await launched();
    pageAnswersClose(window, []);
    window.close();
    expect(window.destroyed).toBe(false); // held while the page saves
    await settle();
    expect(window.webContents.send).toHaveBeenCalledWith(PREPARE_CLOSE_CHANNEL, expect.any(Number));
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(window.destroyed).toBe(true);
  });

  it('asks before abandoning a run, and keeps the window (and stops a quit) on Cancel', async () => {
    const window = await launched();
    pageAnswersClose(window, ['Sensitivity run: 1,200 of 10,000']);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    app.emit('before-quit');
    window.close();
    await settle();
    const question = dialog.showMessageBox.mock.calls[0]?.[1] as { message: string; detail: string };
    expect(question.message).toBe('A run is in progress. Quit anyway?');
    expect(question.detail).toContain('Sensitivity run: 1,200 of 10,000');
    expect(window.destroyed).toBe(false);

    window.close(); // now Quit Anyway
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect((dialog.showMessageBox.mock.calls[1]?.[1] as { message: string }).message).toBe(
      'A run is in progress. Close the window anyway?',
    );
    expect(window.destroyed).toBe(true);
  });

  it('finishes a quit the guard held up once the window has closed', async () => {
    const window = await launched();
    pageAnswersClose(window, ['Calibration']);
    app.emit('before-quit');
    window.close();
    await settle();
    expect(window.destroyed).toBe(true);
    expect(app.quit).toHaveBeenCalled();
  });
});

describe('after a restart or a crash', () => {
  it('reopens the view the window last showed', async () => {
    const window = await launched();
    window.webContents.emit('did-navigate-in-page', {}, 'app://workbench/index.html#/network', true);
    window.webContents.emit('did-navigate-in-page', {}, 'https://example.org/#/elsewhere', true);
    expect(JSON.parse(readFileSync(join(dataDir, LAST_VIEW_FILE), 'utf8'))).toEqual({ route: '#/network' });
    // The process dies here: no close, no quit. The next start opens where it was.
    resetFakeElectron();
    const next = await launched();
    expect(next.loadURL).toHaveBeenCalledWith('app://workbench/index.html#/network');
  });

  it('offers to reload a page that crashed, and leaves a clean exit alone', async () => {
    const window = await launched();
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await settle();
    const options = dialog.showMessageBox.mock.calls[0]?.[1] as { message: string; detail: string };
    expect(options.message).toBe('The window stopped working.');
    expect(options.detail).toContain('oom');
    expect(window.webContents.reload).toHaveBeenCalledOnce();
  });
});
