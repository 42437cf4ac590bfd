/**
 * The view the window last showed (the page's hash route, `#/dynamics`), kept in `last-view.json` in the data
 * folder and reopened on the next start, so that after a crash or a restart the app comes back where it was. The
 * open project and model are the page's own (localStorage, which Chromium keeps on disk as it goes). Saved on each
 * in-page navigation, which is a click, not a stream: no debounce is needed.
 */
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import { isAppUrl } from './app-origin';
import { readJsonFile, writeJsonFile } from './json-file';

export const LAST_VIEW_FILE = 'last-view.json';

/** Hash routes are `#/section` or `#/section/more`: letters, digits, `-`, `_` and `/` only. */
const routeSchema = z.string().regex(/^#\/[\w/-]{0,200}$/);
const savedSchema = z.object({ route: routeSchema });

/** The route to open with, or '' for the app's start page. */
export function readLastView(dataDir: string): string {
  return readJsonFile(join(dataDir, LAST_VIEW_FILE), savedSchema)?.route ?? '';
}

/** The hash of an app URL when it is a route worth keeping, else undefined. */
export function routeOf(url: string): string | undefined {
  if (!isAppUrl(url)) return undefined;
  const { hash } = new URL(url);
  return routeSchema.safeParse(hash).success ? hash : undefined;
}

export function trackLastView(window: BrowserWindow, dataDir: string): void {
  window.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (!isMainFrame) return;
    const route = routeOf(url);
    if (route === undefined) return;
    try {
      writeJsonFile(join(dataDir, LAST_VIEW_FILE), { route });
    } catch (error) {
      console.warn('Could not save the last view:', error);
    }
  });
}
