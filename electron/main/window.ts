/**
 * The app's window and the guards every web page of the app runs under. Each setting follows an item of the
 * Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security); the item number is
 * next to it. Electron Fiddle does the same in its `src/main/windows.ts` and `src/main/content.ts`.
 */
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';
import { openWebLink } from './external-links';
import type { WindowPlacement } from './window-state';

/**
 * The renderer's privileges: none beyond a web page's. The preload bridges the named API functions; nothing
 * else of Node or Electron reaches the page.
 */
export function secureWebPreferences(preload: string, devTools = false): WebPreferences {
  return {
    preload,
    devTools, // only when running from a clone: a packaged app gives no console to paste code into
    contextIsolation: true, // item 3: the page cannot touch the preload's world
    sandbox: true, // item 4: the renderer runs in Chromium's sandbox, the preload gets no Node
    nodeIntegration: false, // item 2
    nodeIntegrationInWorker: false, // item 2: the SD engine's Web Worker is plain JS too
    nodeIntegrationInSubFrames: false, // item 2
    webSecurity: true, // item 5: same-origin policy stays on
    allowRunningInsecureContent: false, // item 8
    experimentalFeatures: false, // item 9
    webviewTag: false, // item 12: no <webview>; `will-attach-webview` is refused as well
    navigateOnDragDrop: false, // a file dropped on the window must not replace the app with its contents
    spellcheck: false, // the spellchecker downloads dictionaries from Google's CDN; models are not prose
    safeDialogs: true, // a page cannot trap the user in a loop of alert() dialogs
  };
}

export interface MainWindowSettings {
  readonly preload: string;
  readonly title: string;
  readonly placement: WindowPlacement;
  /** True when running from a clone (`!app.isPackaged`). */
  readonly devTools: boolean;
  /** The hash route to open at (`#/dynamics`, see last-view.ts); the start page when absent. */
  readonly route?: string;
}

export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

export function mainWindowOptions({
  preload,
  title,
  placement,
  devTools,
}: MainWindowSettings): BrowserWindowConstructorOptions {
  const { bounds } = placement;
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title,
    show: false, // shown on `ready-to-show`, so the user never sees a blank white frame
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload, devTools),
  };
}

/**
 * Keeps a web page inside the app (item 13, "Disable or limit navigation", and item 14, "Disable or limit
 * creation of new windows"). Installed on every WebContents the app ever creates, from `web-contents-created`,
 * as the checklist recommends, so no window can be forgotten.
 */
export function hardenWebContents(contents: WebContents): void {
  // A link to a web page opens in the browser; anything else that would replace the app is dropped.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openWebLink(event.url);
  });
  // Subframes (there should be none: the CSP's default-src is 'self') may not leave the app either.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url)) return;
    event.preventDefault();
  });
  // A server redirect can only come from a web origin, never from the app's own protocol.
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
  });
  // window.open and target="_blank": never a new Electron window; a web page goes to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openWebLink(url);
    return { action: 'deny' };
  });
  // Item 12: even though webviewTag is off, refuse any attempt to attach a guest page.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Item 6, "Handle session permission requests from remote content": the workbench needs no camera, microphone,
 * notifications, geolocation, MIDI, HID, serial or clipboard-read, so every request and every check is denied.
 * If a feature ever needs one (say `fullscreen` for a presentation mode), allow that one permission for
 * `isAppUrl(requestingUrl)` here, never a blanket yes.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, decide) => {
    decide(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** Creates the main window at its saved place and loads the app's entry page (at `route`) from app://. */
export function createMainWindow(settings: MainWindowSettings): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(settings));
  if (settings.placement.isMaximized) window.maximize();
  window.once('ready-to-show', () => {
    window.show();
  });
  const url = `${APP_ENTRY_URL}${settings.route ?? ''}`;
  window.loadURL(url).catch((error: unknown) => {
    console.error(`Could not load ${url}:`, error);
  });
  return window;
}
