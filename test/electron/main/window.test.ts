import type { BrowserWindow, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  denyAllPermissions,
  hardenWebContents,
  mainWindowOptions,
  secureWebPreferences,
} from '../../../electron/main/window';
import { DEFAULT_PLACEMENT } from '../../../electron/main/window-state';
import {
  type FakeBrowserWindow,
  FakeWebContents,
  navigationEvent,
  resetFakeElectron,
  session,
  shell,
} from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const hardened = (): FakeWebContents => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
};

describe('the window settings', () => {
  it('give the page no privileges beyond a web page', () => {
    const preferences = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(secureWebPreferences('p', true).devTools).toBe(true);
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).not.toHaveProperty('enableRemoteModule');
  });

  it('open hidden until ready, centred without a saved place, at the saved place with one', () => {
    const first = mainWindowOptions({
      preload: 'p',
      title: 'Empathy Workbench',
      placement: DEFAULT_PLACEMENT,
      devTools: false,
    });
    expect(first).toMatchObject({
      show: false,
      center: true,
      width: 1280,
      height: 720,
      title: 'Empathy Workbench',
    });
    expect(first).not.toHaveProperty('x');
    const placed = mainWindowOptions({
      preload: 'p',
      title: 'T',
      placement: { bounds: { x: 40, y: 50, width: 900, height: 700 }, isMaximized: false },
      devTools: false,
    });
    expect(placed).toMatchObject({ x: 40, y: 50, width: 900, height: 700 });
    expect(placed).not.toHaveProperty('center');
    expect(placed.webPreferences).toEqual(secureWebPreferences('p'));
  });

  it('creates the window from those options, loads the app page and shows it when ready', () => {
    const window = createMainWindow({
      preload: 'p',
      title: 'T',
      placement: { bounds: { x: 1, y: 2, width: 900, height: 700 }, isMaximized: true },
      devTools: false,
    }) as unknown as FakeBrowserWindow;
    expect(window.options['webPreferences']).toEqual(secureWebPreferences('p'));
    expect(window.loadURL).toHaveBeenCalledWith('app://workbench/index.html');
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('does not maximize a window that was not maximized', () => {
    const window = createMainWindow({
      preload: 'p',
      title: 'T',
      placement: DEFAULT_PLACEMENT,
      devTools: false,
    }) as unknown as BrowserWindow;
    expect((window as unknown as FakeBrowserWindow).maximize).not.toHaveBeenCalled();
  });
});

describe('navigation', () => {
  it('stays allowed inside the app', () => {
    const contents = hardened();
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const event = navigationEvent('app://workbench/index.html#/projects');
      contents.emit(name, event);
      expect(event.defaultPrevented(), name).toBe(false);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('to a web page is blocked, and the page opens in the browser instead', () => {
    const contents = hardened();
    const event = navigationEvent('https://example.org/article');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented()).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/article');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://elsewhere/index.html',
    'smb://host/share',
    'data:text/html,hi',
  ])('to %s is blocked and nothing is opened', (url) => {
    const contents = hardened();
    const event = navigationEvent(url);
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented()).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('by a redirect or in a subframe is blocked outside the app', () => {
    const contents = hardened();
    const redirect = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented()).toBe(true);
    const subframe = navigationEvent('https://evil.example/', false);
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.defaultPrevented()).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = navigationEvent('about:blank');
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org' });
    expect(event.defaultPrevented()).toBe(true);
  });
});

describe('new windows', () => {
  it('are always denied; only http(s) links are handed to the browser', () => {
    const contents = hardened();
    const open = contents.windowOpenHandler;
    if (open === undefined) throw new Error('no window-open handler was installed');
    expect(open({ url: 'https://example.org/a?b=c' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id',
      'app://workbench/x',
      'mailto:a@b.c',
      'vbscript:x',
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://example.org/a?b=c'], ['http://example.org/']]);
  });
});

describe('permissions', () => {
  it('are all denied, on request and on check', () => {
    denyAllPermissions(session.defaultSession as unknown as Session);
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      decide: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const decide = vi.fn();
      request({}, permission, decide);
      expect(decide).toHaveBeenCalledWith(false);
    }
    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
  });
});
