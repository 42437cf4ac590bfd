/**
 * A stand-in for the `electron` module: the Electron binary cannot be downloaded on the development machines,
 * so main-process code is tested against these fakes (`vi.mock('electron', () => import('./fake-electron'))`).
 * They record what the code asked of Electron and let a test emit the events Electron would.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  readonly preventDefault: ReturnType<typeof vi.fn>;
  readonly defaultPrevented: () => boolean;
}

/** An event shaped like Electron's navigation events (`event.url`, `event.preventDefault()`). */
export function navigationEvent(url: string, isMainFrame = true): FakeEvent {
  let prevented = false;
  return {
    url,
    isMainFrame,
    preventDefault: vi.fn(() => {
      prevented = true;
    }),
    defaultPrevented: () => prevented,
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  crashed = false;
  destroyed = false;
  isCrashed(): boolean {
    return this.crashed;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  readonly send = vi.fn();
  readonly reload = vi.fn();
}

export interface FakeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  static getFocusedWindow = (): FakeBrowserWindow | null => FakeBrowserWindow.focused;

  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  normalBounds: FakeBounds = { x: 10, y: 20, width: 1280, height: 720 };

  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.instances.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): FakeBounds {
    return { ...this.normalBounds };
  }
  /** What Electron does when the user closes the window: a `close` listener may call preventDefault() to keep it. */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}
export const BrowserWindow = FakeBrowserWindow;

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly whenReady = vi.fn(async () => undefined);
  readonly getPath = vi.fn((_name: string) => '/fake/user-data');
  readonly getAppPath = vi.fn(() => '/fake/app');
  readonly isReady = vi.fn(() => true);
  readonly relaunch = vi.fn();
  readonly addRecentDocument = vi.fn();
  readonly clearRecentDocuments = vi.fn();
}
export const app = new FakeApp();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcMainHandlers = new Map<string, InvokeHandler>();
/** ipcMain: `handle` for invoke channels, and an EventEmitter (`on`, `emit`) for messages sent with `send`. */
export const ipcMain = Object.assign(new EventEmitter(), {
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcMainHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMainHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMainHandlers.delete(channel);
  }),
});

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    protocol: { handle: vi.fn() },
  },
};
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const dialog = {
  showErrorBox: vi.fn(),
  /** Answers with the first button (Quit Anyway, Open Workspace, OK) unless a test says otherwise. */
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};
export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() };

/** Forgets every window, listener, handler and recorded call. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.focused = null;
  app.removeAllListeners();
  app.isPackaged = false;
  app.requestSingleInstanceLock.mockImplementation(() => true);
  app.isReady.mockImplementation(() => true);
  ipcMainHandlers.clear();
  ipcMain.removeAllListeners();
  dialog.showMessageBox.mockImplementation(async () => ({ response: 0, checkboxChecked: false }));
  dialog.showOpenDialog.mockImplementation(async () => ({ canceled: true, filePaths: [] }));
}
