/**
 * The one door from the app to the user's browser. Only http(s) URLs pass: `shell.openExternal` with a
 * `file:`, `smb:` or custom-scheme URL can run programs on the user's machine (Electron security checklist,
 * item 15, https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content).
 */
import { shell } from 'electron';
import { isExternalWebUrl } from './app-origin';

/** Opens `url` in the default browser if it is a web page; returns whether it did. Never throws. */
export function openWebLink(url: string): boolean {
  if (!isExternalWebUrl(url)) return false;
  const webUrl = new URL(url).href;
  shell.openExternal(webUrl).catch((error: unknown) => {
    console.error(`Could not open ${webUrl} in the browser:`, error);
  });
  return true;
}
