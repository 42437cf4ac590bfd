/**
 * Recently opened files: the File > Open Recent submenu, and the operating system's own list (the Dock menu and
 * Finder on macOS, the taskbar Jump List on Windows) through `app.addRecentDocument`. The list lives in
 * `recent-files.json` in the data folder, next to `window-state.json`, so it follows the workspace the files were
 * opened into. Newest first, each path once, at most MAX_RECENT_FILES.
 */
import { join, resolve } from 'node:path';
import { app } from 'electron';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

export const RECENT_FILES_FILE = 'recent-files.json';
export const MAX_RECENT_FILES = 10;

const recentSchema = z.object({ files: z.array(z.string().min(1).max(4096)).max(100) });

/** Windows and macOS file systems ignore case by default: C:\\A.xmile and c:\\a.xmile are one file there. */
const sameFile = (platform: NodeJS.Platform) =>
  platform === 'win32' || platform === 'darwin'
    ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
    : (a: string, b: string) => a === b;

/** `file` first, any earlier mention of it dropped, the list cut to `max`. */
export function withRecent(
  files: readonly string[],
  file: string,
  platform: NodeJS.Platform,
  max = MAX_RECENT_FILES,
): string[] {
  const same = sameFile(platform);
  return [file, ...files.filter((other) => !same(other, file))].slice(0, max);
}

export interface RecentFiles {
  list(): readonly string[];
  add(file: string): void;
  remove(file: string): void;
  clear(): void;
}

/**
 * The recent list of one data folder. `onChange` runs after every change (the menu is rebuilt from it). A list
 * that cannot be saved still changes for this session: a read-only data folder must not break opening files.
 */
export function recentFiles(
  dataDir: string,
  onChange: (files: readonly string[]) => void,
  platform: NodeJS.Platform = process.platform,
): RecentFiles {
  const path = join(dataDir, RECENT_FILES_FILE);
  let files: readonly string[] = (readJsonFile(path, recentSchema)?.files ?? []).slice(0, MAX_RECENT_FILES);

  const update = (next: readonly string[]): void => {
    files = next;
    try {
      writeJsonFile(path, { files });
    } catch (error) {
      console.warn('Could not save the recent files:', error);
    }
    onChange(files);
  };

  return {
    list: () => files,
    add(file) {
      const absolute = resolve(file);
      app.addRecentDocument(absolute);
      update(withRecent(files, absolute, platform));
    },
    remove(file) {
      const same = sameFile(platform);
      update(files.filter((other) => !same(other, file)));
    },
    clear() {
      app.clearRecentDocuments();
      update([]);
    },
  };
}
