import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_RECENT_FILES,
  RECENT_FILES_FILE,
  recentFiles,
  withRecent,
} from '../../../electron/main/recent-files';
import { app, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let dataDir: string;
beforeEach(() => {
  resetFakeElectron();
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-recent-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the recent list', () => {
  it('puts the newest first, names each file once, and keeps ten', () => {
    let files: string[] = [];
    for (let index = 0; index < 12; index += 1) files = withRecent(files, `/m/${index}.xmile`, 'linux');
    expect(files).toHaveLength(MAX_RECENT_FILES);
    expect(files[0]).toBe('/m/11.xmile');
    expect(files.at(-1)).toBe('/m/2.xmile');
    files = withRecent(files, '/m/5.xmile', 'linux');
    expect(files[0]).toBe('/m/5.xmile');
    expect(files.filter((file) => file === '/m/5.xmile')).toHaveLength(1);
    expect(files).toHaveLength(MAX_RECENT_FILES);
  });

  it('treats names that differ only in case as one file on Windows and macOS, two on Linux', () => {
    expect(withRecent(['C:\\Models\\Shop.xmile'], 'c:\\models\\shop.xmile', 'win32')).toEqual([
      'c:\\models\\shop.xmile',
    ]);
    expect(withRecent(['/M/Shop.xmile'], '/M/shop.xmile', 'darwin')).toHaveLength(1);
    expect(withRecent(['/M/Shop.xmile'], '/M/shop.xmile', 'linux')).toHaveLength(2);
  });

  it('is saved next to the window state, told to the OS, and read back on the next start', () => {
    const changes = vi.fn();
    const recent = recentFiles(dataDir, changes, 'linux');
    recent.add('/m/a.xmile');
    recent.add('/m/b.stmx');
    expect(app.addRecentDocument.mock.calls).toEqual([['/m/a.xmile'], ['/m/b.stmx']]);
    expect(changes).toHaveBeenLastCalledWith(['/m/b.stmx', '/m/a.xmile']);
    expect(JSON.parse(readFileSync(join(dataDir, RECENT_FILES_FILE), 'utf8'))).toEqual({
      files: ['/m/b.stmx', '/m/a.xmile'],
    });
    expect(recentFiles(dataDir, vi.fn(), 'linux').list()).toEqual(['/m/b.stmx', '/m/a.xmile']);
    recent.remove('/m/a.xmile');
    expect(recent.list()).toEqual(['/m/b.stmx']);
    recent.clear();
    expect(app.clearRecentDocuments).toHaveBeenCalledOnce();
    expect(recentFiles(dataDir, vi.fn(), 'linux').list()).toEqual([]);
  });

  it('starts empty from a damaged file, and keeps working when the folder cannot be written', () => {
    writeFileSync(join(dataDir, RECENT_FILES_FILE), '{"files": [42]');
    const changes = vi.fn();
    const unwritable = join(dataDir, 'missing-folder');
    const recent = recentFiles(unwritable, changes, 'linux');
    expect(recentFiles(dataDir, vi.fn(), 'linux').list()).toEqual([]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    recent.add('/m/a.xmile');
    expect(recent.list()).toEqual(['/m/a.xmile']);
    expect(changes).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
