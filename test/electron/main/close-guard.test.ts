import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { prepareToClose } from '../../../electron/main/close-guard';
import {
  CLOSE_READY_CHANNEL,
  MAX_BUSY_LABELS,
  PREPARE_CLOSE_CHANNEL,
} from '../../../electron/main/desktop-channels';
import { FakeBrowserWindow, FakeWebContents, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const asWindow = (window: FakeBrowserWindow) => window as unknown as BrowserWindow;

describe('asking the page before the window closes', () => {
  it('takes the answer to its own request from its own page only, and cleans the labels', async () => {
    const window = new FakeBrowserWindow({});
    const asked = prepareToClose(asWindow(window), 60_000);
    const [channel, request] = window.webContents.send.mock.calls[0] as [string, number];
    expect(channel).toBe(PREPARE_CLOSE_CHANNEL);
    ipcMain.emit(CLOSE_READY_CHANNEL, { sender: new FakeWebContents() }, request, ['from a stranger']);
    ipcMain.emit(CLOSE_READY_CHANNEL, { sender: window.webContents }, request + 1000, ['an old request']);
    const many = Array.from({ length: 30 }, (_, index) => `Run ${index}`);
    ipcMain.emit(CLOSE_READY_CHANNEL, { sender: window.webContents }, request, [
      '  ',
      7,
      'x'.repeat(500),
      ...many,
    ]);
    const labels = await asked;
    expect(labels).toHaveLength(MAX_BUSY_LABELS);
    expect(labels[0]).toHaveLength(200);
    expect(labels[1]).toBe('Run 0');
    expect(ipcMain.listenerCount(CLOSE_READY_CHANNEL)).toBe(0);
  });

  it('does not wait for a page that crashed, and stops waiting for one that does not answer', async () => {
    const crashed = new FakeBrowserWindow({});
    crashed.webContents.crashed = true;
    await expect(prepareToClose(asWindow(crashed))).resolves.toEqual([]);
    expect(crashed.webContents.send).not.toHaveBeenCalled();

    const silent = new FakeBrowserWindow({});
    await expect(prepareToClose(asWindow(silent), 0)).resolves.toEqual([]);
    expect(ipcMain.listenerCount(CLOSE_READY_CHANNEL)).toBe(0);
  });
});
