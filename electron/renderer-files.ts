/**
 * The built renderer's files as both hosts serve them (Electron's app:// protocol and the web host): which file a
 * URL path names, and its content type. One rule for both, so a path that one host refuses the other refuses too.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xmile': 'application/xml; charset=utf-8',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` that a decoded URL path names (`/` or a trailing `/` mean its index.html), or undefined
 * when the path could leave the folder. The path must already be percent-decoded: `%2e%2e%2f` and `%5c` only
 * become `../` and `\` then. A NUL byte truncates paths in C APIs and a backslash is a separator on Windows;
 * neither is in a Vite build, so both are refused rather than cleaned up.
 */
export function fileInside(root: string, decodedPath: string): string | undefined {
  if (decodedPath.includes('\0') || decodedPath.includes('\\')) return undefined;
  const path = decodedPath === '' ? '/' : decodedPath;
  if (path.split('/').some((segment) => segment === '..')) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  const inside = relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return undefined;
  return file;
}
