/**
 * Serves the built renderer (`dist/`) under `app://workbench/`, with the Content Security Policy of
 * `electron/csp.ts` on every response (Electron security checklist, item 7, "Define a Content Security Policy",
 * and item 18, "prefer custom protocols over file://"). Only files inside `dist/` can be read: a path that
 * climbs out of it (`..`, an encoded `..%2f`, a backslash or a drive letter on Windows) is refused.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type CustomScheme, type Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { contentTypeOf, fileInside } from '../renderer-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * `standard` gives the scheme real origins (relative URLs, localStorage, same-origin checks), `secure` makes
 * it a secure context like https, `supportFetchAPI` lets the renderer fetch its own assets, `codeCache` lets V8
 * cache the compiled bundle. No `bypassCSP`, no `corsEnabled`: nothing else may read from it.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * The file under `rendererDir` that an app:// URL names, or undefined when the URL is not the app's or its
 * path leaves the folder (renderer-files.ts, the rule the web host applies too).
 */
export function rendererFileFor(rendererDir: string, url: string): string | undefined {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return undefined;
  return fileInside(rendererDir, path);
}

/** Headers on every answer, errors included: the CSP, and no MIME sniffing of a file's bytes. */
function responseHeaders(contentType: string): Headers {
  return new Headers({
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}

export type RendererRequest = Pick<Request, 'url' | 'method'>;

/** The protocol handler, separate from Electron so it can be tested with plain Requests. */
export function rendererResponder(rendererDir: string): (request: RendererRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = rendererFileFor(rendererDir, request.url);
    if (file === undefined) return textResponse(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, 'Not found');
    }
    const headers = responseHeaders(contentTypeOf(file));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Answers app:// requests of the session whose `protocol` is given (the default session's, in main). */
export function serveRenderer(sessionProtocol: Protocol, rendererDir: string): void {
  sessionProtocol.handle(APP_SCHEME, rendererResponder(rendererDir));
}
