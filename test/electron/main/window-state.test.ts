import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PLACEMENT,
  readWindowPlacement,
  SAVE_DELAY_MS,
  trackWindowPlacement,
  WINDOW_STATE_FILE,
} from '../../../electron/main/window-state';
import { FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const laptop = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const twoScreens = [...laptop, { x: 1920, y: 0, width: 2560, height: 1440 }];

let dataDir: string;
beforeEach(() => {
  resetFakeElectron();
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-window-state-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

const save = (content: unknown): void => {
  writeFileSync(
    join(dataDir, WINDOW_STATE_FILE),
    typeof content === 'string' ? content : JSON.stringify(content),
  );
};
const saved = (): unknown => JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8'));

describe('restoring the window place', () => {
  it('uses the default place when nothing was saved', () => {
    expect(readWindowPlacement(dataDir, laptop)).toEqual(DEFAULT_PLACEMENT);
  });

  it('restores a saved place that a display still shows', () => {
    const placement = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, isMaximized: true };
    save(placement);
    expect(readWindowPlacement(dataDir, twoScreens)).toEqual(placement);
  });

  it('ignores a place on a display that is no longer connected', () => {
    save({ bounds: { x: 2000, y: 100, width: 1400, height: 900 }, isMaximized: false });
    expect(readWindowPlacement(dataDir, laptop)).toEqual(DEFAULT_PLACEMENT);
  });

  it('ignores a place whose title bar is out of reach', () => {
    save({ bounds: { x: 100, y: -700, width: 1200, height: 800 }, isMaximized: false }); // title bar above the screen
    expect(readWindowPlacement(dataDir, laptop)).toEqual(DEFAULT_PLACEMENT);
    save({ bounds: { x: 1870, y: 100, width: 1200, height: 800 }, isMaximized: false }); // only 50 px showing
    expect(readWindowPlacement(dataDir, laptop)).toEqual(DEFAULT_PLACEMENT);
  });

  it('shrinks a window larger than the display it is on', () => {
    save({ bounds: { x: 0, y: 0, width: 2560, height: 1440 }, isMaximized: false });
    expect(readWindowPlacement(dataDir, laptop).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });

  it.each([
    ['not JSON', '{"bounds": '],
    ['an empty file', ''],
    ['a list', '[]'],
    ['missing the flag', { bounds: { x: 0, y: 0, width: 800, height: 600 } }],
    ['a string size', { bounds: { x: 0, y: 0, width: '800', height: 600 }, isMaximized: false }],
    ['a fractional position', { bounds: { x: 0.5, y: 0, width: 800, height: 600 }, isMaximized: false }],
    ['a tiny window', { bounds: { x: 0, y: 0, width: 3, height: 3 }, isMaximized: false }],
    ['an absurd size', { bounds: { x: 0, y: 0, width: 1e9, height: 600 }, isMaximized: false }],
    ['null', 'null'],
  ])('ignores a state file with %s', (_what, content) => {
    save(content);
    expect(readWindowPlacement(dataDir, laptop)).toEqual(DEFAULT_PLACEMENT);
  });
});

describe('saving the window place', () => {
  it('waits until the window stops moving, then writes once', () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow({});
    trackWindowPlacement(window as unknown as BrowserWindow, dataDir);
    for (let step = 0; step < 50; step += 1) {
      window.normalBounds = { x: 100 + step, y: 80, width: 1000, height: 700 };
      window.emit('move');
      vi.advanceTimersByTime(SAVE_DELAY_MS / 10);
    }
    expect(existsSync(join(dataDir, WINDOW_STATE_FILE))).toBe(false);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved()).toEqual({ bounds: { x: 149, y: 80, width: 1000, height: 700 }, isMaximized: false });
  });

  it('writes at once on close, with the normal bounds of a maximized window', () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow({});
    trackWindowPlacement(window as unknown as BrowserWindow, dataDir);
    window.normalBounds = { x: 50, y: 60, width: 1100, height: 750 };
    window.maximized = true;
    window.emit('maximize');
    window.close();
    expect(saved()).toEqual({ bounds: { x: 50, y: 60, width: 1100, height: 750 }, isMaximized: true });
    // The pending debounced save was folded into the close; nothing is written after the window is gone.
    vi.runAllTimers();
    expect(readdirSync(dataDir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('round-trips: what it writes is what the next launch restores', () => {
    const window = new FakeBrowserWindow({});
    trackWindowPlacement(window as unknown as BrowserWindow, dataDir);
    window.normalBounds = { x: 30, y: 40, width: 1024, height: 768 };
    window.close();
    expect(readWindowPlacement(dataDir, laptop)).toEqual({
      bounds: { x: 30, y: 40, width: 1024, height: 768 },
      isMaximized: false,
    });
  });

  it('never throws when the folder cannot be written', () => {
    const window = new FakeBrowserWindow({});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    trackWindowPlacement(window as unknown as BrowserWindow, join(dataDir, 'missing', 'folder'));
    expect(() => {
      window.close();
    }).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
