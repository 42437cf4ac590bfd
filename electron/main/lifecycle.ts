/**
 * The desktop app's life: a single instance, the workspace opened before any window, the renderer
 * served from app://, the IPC handlers registered, the menu installed, the main window restored where it was.
 * `electron/main.ts` calls `launch()`; tests call it with `electron` mocked.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, screen, session, type WebContents } from 'electron';
import packageJson from '../../package.json' with { type: 'json' };
import { APP_NAME } from '../app-info';
import { resolveDataDir } from '../data-dir';
import { createHandlers } from '../services/handlers';
import { seedNewWorkspace } from '../services/samples';
import { openWorkspace, type Workspace } from '../store/workspace';
import { WorkspaceError } from '../store/workspace-error';
import { isExternalWebUrl } from './app-origin';
import { openWebLink } from './external-links';
import { registerIpc } from './ipc';
import { dataDirFlag } from './launch-args';
import { installMenu } from './menu';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from './menu-commands';
import { electronNativeBinding, nativeModuleHint } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window';
import { readWindowPlacement, trackWindowPlacement } from './window-state';

export interface LaunchContext {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where relative `--data-dir` paths resolve (npm's INIT_CWD under `npm start`). */
  readonly cwd: string;
}

/** package.json's `homepage`, when it is a web page, for the Help menu. */
function projectHomepage(): string | undefined {
  const { homepage } = packageJson as { readonly homepage?: unknown };
  return typeof homepage === 'string' && isExternalWebUrl(homepage) ? homepage : undefined;
}

/** Shown when the app cannot start. The workspace file is left exactly as it was: nothing is written. */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof WorkspaceError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const hint = nativeModuleHint(message);
  return hint === undefined ? message : `${message}\n\n${hint}`;
}

function failToStart(error: unknown): void {
  dialog.showErrorBox(`${APP_NAME} cannot start`, startupFailureMessage(error));
  // exit(), not quit(): there is nothing to save, and no 'will-quit' handler may run against a half-open app.
  app.exit(1);
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Starts the app. Returns false when another instance already runs (this one then quits). */
export function launch({ argv, env, cwd }: LaunchContext): boolean {
  // Both must happen before 'ready': privileged schemes cannot be registered later, and enableSandbox()
  // sandboxes every renderer the app will ever create (security checklist, item 4).
  registerAppScheme();
  app.enableSandbox();

  // One instance per user: two processes writing one workspace would fight over it. The second launch hands its
  // arguments to the first (the 'second-instance' event) and quits (https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata).
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  /** The WebContents of the windows this app created: the only ones whose IPC messages are answered. */
  const appContents = new Set<WebContents>();
  let mainWindow: BrowserWindow | undefined;
  let openMainWindow: (() => BrowserWindow) | undefined;

  app.on('second-instance', () => {
    if (mainWindow !== undefined && !mainWindow.isDestroyed()) focus(mainWindow);
    else if (openMainWindow !== undefined) openMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock without windows; 'activate' opens a new one.
    if (process.platform !== 'darwin') app.quit();
  });

  const start = (): void => {
    const { dataDir } = resolveDataDir({
      flag: dataDirFlag(argv),
      env,
      electronUserData: app.getPath('userData'),
      cwd,
    });
    // From a clone, better-sqlite3 is loaded from its Electron build (see native-binding.ts).
    const nativeBinding = electronNativeBinding({ appPath: app.getAppPath(), isPackaged: app.isPackaged });
    let workspace: Workspace;
    try {
      workspace = openWorkspace({ dataDir, nativeBinding });
    } catch (error) {
      failToStart(error);
      return;
    }
    app.on('will-quit', () => {
      workspace.close();
    });
    seedNewWorkspace(workspace, join(app.getAppPath(), 'sample-data'), (message) => console.warn(message));

    denyAllPermissions(session.defaultSession);
    serveRenderer(session.defaultSession.protocol, join(app.getAppPath(), 'dist'));
    registerIpc(createHandlers({ workspace, host: 'electron' }), {
      isAppWebContents: (contents) => appContents.has(contents),
    });

    const sendCommand = (command: MenuCommand): void => {
      const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
      if (target === undefined || target.isDestroyed() || !appContents.has(target.webContents)) return;
      target.webContents.send(MENU_COMMAND_CHANNEL, command);
    };
    installMenu({
      platform: process.platform,
      isDevelopment: !app.isPackaged,
      appName: APP_NAME,
      readmeUrl: projectHomepage(),
      sendCommand,
      openLink: openWebLink,
    });

    openMainWindow = () => {
      const workAreas = screen.getAllDisplays().map((display) => display.workArea);
      const window = createMainWindow({
        preload: join(app.getAppPath(), 'dist-electron', 'preload.cjs'),
        title: APP_NAME,
        placement: readWindowPlacement(dataDir, workAreas),
        devTools: !app.isPackaged,
      });
      const contents = window.webContents;
      appContents.add(contents);
      trackWindowPlacement(window, dataDir);
      window.on('closed', () => {
        appContents.delete(contents);
        if (mainWindow === window) mainWindow = undefined;
      });
      mainWindow = window;
      return window;
    };
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow?.();
    });
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      failToStart(error);
    });
  return true;
}
