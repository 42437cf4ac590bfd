import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { contentTypeOf, fileInside } from '../renderer-files';

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly isHtml: boolean;
}

/** The file under `root` a URL path names, or undefined when it would leave the root (renderer-files.ts). */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  try {
    return fileInside(root, decodeURIComponent(urlPath));
  } catch {
    return undefined;
  }
}

export function readStaticFile(root: string, urlPath: string): StaticFile | undefined {
  const path = resolveStaticPath(root, urlPath);
  if (path === undefined || !existsSync(path) || !statSync(path).isFile()) return undefined;
  const extension = extname(path).toLowerCase();
  return {
    body: readFileSync(path),
    contentType: contentTypeOf(path),
    isHtml: extension === '.html',
  };
}
