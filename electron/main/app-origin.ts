/**
 * Where the app's own pages live, and which URLs may leave the app. The renderer is served from a privileged
 * custom scheme (`app://workbench/`) rather than `file://`, so that it has a real origin the IPC helper and the
 * navigation guards can check, and no access to the rest of the disk (Electron security checklist, item 18:
 * "Avoid usage of the file:// protocol and prefer usage of custom protocols",
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * True for a URL of the app's own pages. Compared field by field with a real URL parser (checklist item 13,
 * "Disable or limit navigation", warns against string prefix checks): `URL.origin` is "null" for custom schemes
 * in Node, so the origin is checked as scheme + host, with no port or credentials.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The only links the app hands to the operating system: plain web pages (checklist item 15, shell.openExternal). */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== ''
  );
}
