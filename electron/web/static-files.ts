import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xmile': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly isHtml: boolean;
}

/**
 * Resolves a URL path to a file inside `root`, or undefined. Refuses anything that escapes the root
 * (`..`, encoded separators, NUL) rather than trying to clean it up.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..')) return undefined;
  const absoluteRoot = resolve(root);
  const candidate = normalize(join(absoluteRoot, relative));
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + sep)) return undefined;
  return candidate;
}

export function readStaticFile(root: string, urlPath: string): StaticFile | undefined {
  const path = resolveStaticPath(root, urlPath);
  if (path === undefined || !existsSync(path) || !statSync(path).isFile()) return undefined;
  const extension = extname(path).toLowerCase();
  return {
    body: readFileSync(path),
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    isHtml: extension === '.html',
  };
}
