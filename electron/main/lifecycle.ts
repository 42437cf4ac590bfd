/**
 * The desktop app's life: a single instance, the workspace opened before any window, the renderer
 * served from app://, the IPC handlers registered, the menu installed, the main window restored where it was
 * (place and view), files the OS opens imported, and closing guarded so that no edit or run is lost unasked.
 * `electron/main.ts` calls `launch()`; tests call it with `electron` mocked.
 */
import { dirname, join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, screen, session, type WebContents } from 'electron';
import packageJson from '../../package.json' with { type: 'json' };
import { APP_NAME } from '../app-info';
import type { Handlers } from '../api/dispatch';
import { resolveDataDir } from '../data-dir';
import { createHandlers } from '../services/handlers';
import { seedNewWorkspace } from '../services/samples';
import { BACKUP_FOLDER } from '../store/backups';
import { inspectWorkspaceFile } from '../store/inspect';
import { latestVersion } from '../store/migrate';
import { MIGRATIONS } from '../store/migrations';
import { openWorkspace, type Workspace } from '../store/workspace';
import { WorkspaceError } from '../store/workspace-error';
import { isExternalWebUrl } from './app-origin';
import { guardClose } from './close-guard';
import { CURRENT_PROJECT_CHANNEL, isReportedProject, OPEN_MODEL_CHANNEL } from './desktop-channels';
import { openWebLink } from './external-links';
import { refusalReason, registerIpc } from './ipc';
import { dataDirFlag } from './launch-args';
import { readLastView, trackLastView } from './last-view';
import { installMenu } from './menu';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from './menu-commands';
import { electronNativeBinding, nativeModuleHint } from './native-binding';
import {
  argsForWorkspace,
  filesFromArgv,
  importModelFile,
  MODEL_EXTENSIONS,
  openableKind,
  OpenQueue,
} from './open-files';
import { registerPrintToPdf } from './print-to-pdf';
import { registerAppScheme, serveRenderer } from './protocol';
import { recentFiles } from './recent-files';
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

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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
  /** Set once the workspace is open: what to do with a file the OS asked to open. */
  let openPath: ((file: string) => Promise<void>) | undefined;
  /** After 'before-quit': a close the guard delayed is part of a quit, which goes on once the window closes. */
  let quitting = false;
  /** A workspace folder to restart on, once this instance has closed cleanly. */
  let relaunchOn: string | undefined;

  // Files wait here until the page reports its open project (CURRENT_PROJECT_CHANNEL), so a model opened from
  // the file manager at launch is imported into the project the page restores, and the page is there to show it.
  const queue = new OpenQueue((file) => {
    void openPath?.(file);
  });
  for (const file of filesFromArgv(argv, cwd)) queue.push(file);

  const showMainWindow = (): void => {
    if (mainWindow !== undefined && !mainWindow.isDestroyed()) focus(mainWindow);
    else if (openMainWindow !== undefined) openMainWindow();
  };

  app.on('second-instance', (_event, secondArgv: readonly string[], workingDirectory: string) => {
    showMainWindow();
    for (const file of filesFromArgv(secondArgv, workingDirectory)) queue.push(file);
  });
  // macOS sends documents as events, from before 'ready' on (a double-click that launches the app).
  // preventDefault() tells macOS the app handles the file (https://www.electronjs.org/docs/latest/api/app#event-open-file-macos).
  app.on('open-file', (event, file: string) => {
    event.preventDefault();
    queue.push(file);
    if (app.isReady()) showMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock without windows; 'activate' opens a new one.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    quitting = true;
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
      // Only now, with the workspace closed and the quit no longer cancellable, is it safe to start again.
      if (relaunchOn !== undefined) app.relaunch({ args: argsForWorkspace(argv, relaunchOn) });
    });
    seedNewWorkspace(workspace, join(app.getAppPath(), 'sample-data'), (message) => console.warn(message));

    denyAllPermissions(session.defaultSession);
    serveRenderer(session.defaultSession.protocol, join(app.getAppPath(), 'dist'));
    const handlers: Handlers = createHandlers({ workspace, host: 'electron' });
    const trust = { isAppWebContents: (contents: WebContents) => appContents.has(contents) };
    registerIpc(handlers, trust);
    // Not an API operation: printing needs the sender's window, which the shared handlers never see.
    registerPrintToPdf(trust);

    /** The project open in the main window's page, as it last reported it. */
    let openProject: string | null = null;
    ipcMain.on(CURRENT_PROJECT_CHANNEL, (event, reported: unknown) => {
      if (refusalReason(event, trust) !== undefined || event.sender !== mainWindow?.webContents) return;
      if (!isReportedProject(reported)) return;
      openProject = reported;
      queue.ready(true);
    });

    const sendCommand = (command: MenuCommand): void => {
      const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
      if (target === undefined || target.isDestroyed() || !appContents.has(target.webContents)) return;
      target.webContents.send(MENU_COMMAND_CHANNEL, command);
    };
    const chooseFile = (): void => {
      const options: Electron.OpenDialogOptions = {
        title: 'Open a model or a workspace',
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: 'Models (XMILE, Stella)',
            extensions: MODEL_EXTENSIONS.map((extension) => extension.slice(1)),
          },
          { name: 'Workspace (workspace.sqlite)', extensions: ['sqlite'] },
        ],
      };
      const chosen =
        mainWindow === undefined
          ? dialog.showOpenDialog(options)
          : dialog.showOpenDialog(mainWindow, options);
      chosen.then(
        ({ filePaths }) => {
          for (const file of filePaths) queue.push(file);
        },
        (error: unknown) => console.error('The Open dialog failed:', error),
      );
    };
    const installAppMenu = (files: readonly string[]): void => {
      installMenu({
        platform: process.platform,
        isDevelopment: !app.isPackaged,
        appName: APP_NAME,
        readmeUrl: projectHomepage(),
        sendCommand,
        openLink: openWebLink,
        recentFiles: files,
        chooseFile,
        openFile: (file) => queue.push(file),
        clearRecent: () => recent.clear(),
      });
    };
    // The menu is built again from the list each time it changes (Electron menus cannot be edited in place).
    const recent = recentFiles(dataDir, installAppMenu);
    installAppMenu(recent.list());

    const showProblem = (message: string, detail: string): void => {
      const options = { type: 'error' as const, message, detail };
      void (mainWindow === undefined
        ? dialog.showMessageBox(options)
        : dialog.showMessageBox(mainWindow, options));
    };

    const openModel = async (file: string): Promise<void> => {
      const opened = await importModelFile(handlers, file, openProject);
      if (!opened.ok) {
        if (opened.error.code === 'not-found') recent.remove(file);
        showProblem('The model could not be opened.', opened.error.message);
        return;
      }
      recent.add(file);
      const window = mainWindow;
      if (window === undefined || window.isDestroyed()) return;
      window.webContents.send(OPEN_MODEL_CHANNEL, opened.value);
      focus(window);
    };

    /**
     * Another workspace is another data folder: the app restarts on it (--data-dir), after the close guard has
     * saved and asked, so no handler, backup or window state of this workspace can mix with the other's.
     */
    const switchWorkspace = async (file: string): Promise<void> => {
      const folder = resolve(dirname(file));
      if (folder === resolve(dataDir)) {
        recent.add(file);
        showMainWindow();
        return;
      }
      try {
        const inspection = inspectWorkspaceFile(
          file,
          latestVersion(MIGRATIONS),
          join(folder, BACKUP_FOLDER),
          {
            nativeBinding,
          },
        );
        if (inspection.kind === 'new') throw new Error('There is no such file.');
      } catch (error) {
        if (!(error instanceof WorkspaceError)) recent.remove(file);
        showProblem('The workspace could not be opened.', reasonOf(error));
        return;
      }
      const options = {
        type: 'question' as const,
        message: `Open the workspace in "${folder}"?`,
        detail: `${APP_NAME} restarts on it. Your edits in this workspace are saved first.`,
        buttons: ['Open Workspace', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
      };
      const { response } = await (mainWindow === undefined
        ? dialog.showMessageBox(options)
        : dialog.showMessageBox(mainWindow, options));
      if (response !== 0) return;
      recent.add(file);
      relaunchOn = folder;
      app.quit();
    };

    openPath = async (file) => {
      try {
        if (openableKind(file) === 'workspace') await switchWorkspace(file);
        else await openModel(file);
      } catch (error) {
        showProblem('The file could not be opened.', `${file}: ${reasonOf(error)}`);
      }
    };

    openMainWindow = () => {
      const workAreas = screen.getAllDisplays().map((display) => display.workArea);
      const window = createMainWindow({
        preload: join(app.getAppPath(), 'dist-electron', 'preload.cjs'),
        title: APP_NAME,
        placement: readWindowPlacement(dataDir, workAreas),
        devTools: !app.isPackaged,
        route: readLastView(dataDir),
      });
      const contents = window.webContents;
      appContents.add(contents);
      trackWindowPlacement(window, dataDir);
      trackLastView(window, dataDir);
      guardClose(window, {
        isQuitting: () => quitting,
        onClosed: () => {
          // On macOS closing the last window does not quit; a quit the guard held up must still finish.
          if (quitting) app.quit();
        },
        onKept: () => {
          quitting = false;
          relaunchOn = undefined;
        },
      });
      // A page that reloads or is gone cannot show an opened model until it reports again.
      // (Hash routes are same-document navigations: they do not count.)
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) queue.ready(false);
      });
      contents.on('render-process-gone', (_event, details) => {
        queue.ready(false);
        // A crashed or killed page leaves a blank window: offer to load it again, where it was (the hash route
        // is in the URL), with everything saved so far in the workspace.
        if (details.reason === 'clean-exit' || window.isDestroyed()) return;
        const options = {
          type: 'error' as const,
          message: 'The window stopped working.',
          detail:
            `Chromium reports: ${details.reason}. Everything saved is in the workspace; ` +
            'an edit made in the last second may be missing.',
          buttons: ['Reload', 'Quit'],
          defaultId: 0,
          cancelId: 1,
        };
        void dialog.showMessageBox(window, options).then(({ response }) => {
          if (window.isDestroyed()) return;
          if (response === 0) contents.reload();
          else app.quit();
        });
      });
      window.on('closed', () => {
        appContents.delete(contents);
        if (mainWindow === window) {
          mainWindow = undefined;
          queue.ready(false);
        }
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
