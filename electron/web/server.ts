/**
 * The web host: the built renderer plus the API over HTTP, on 127.0.0.1 only. The API is the same contract
 * Electron serves over IPC: `POST /api/<operation>` with a JSON body answers `{ ok, value } | { ok: false, error }`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { dispatch, type Handlers } from '../api/dispatch';
import { fail, type ErrorCode, type Result } from '../api/result';
import { checkRequest } from './request-guard';
import { readStaticFile } from './static-files';

/** Large enough for a big XMILE model or network import, small enough that a runaway client cannot fill memory. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface WebServerOptions {
  readonly handlers: Handlers;
  /** The built renderer (`dist/`). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly maxBodyBytes?: number;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** HTTP status of a failed operation, for scripts that look at the status before the body. */
const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  'unknown-operation': 404,
  forbidden: 403,
  storage: 500,
  internal: 500,
};

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

class BodyTooLarge extends Error {}

/** Reads the body, refusing it as soon as it passes the limit (whatever Content-Length claimed). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        request.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function serveApi(
  request: IncomingMessage,
  response: ServerResponse,
  operation: string,
  options: Required<Pick<WebServerOptions, 'maxBodyBytes'>> & WebServerOptions,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendJson(response, 405, fail('invalid-input', `Use POST for /api/${operation}.`));
    return;
  }
  // A cross-site page can only send JSON after a CORS preflight, which this server never grants.
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) {
    sendJson(response, 415, fail('invalid-input', 'The API accepts application/json bodies only.'));
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(request, options.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // Answer, then let Node close the connection instead of reading the rest of an oversized body.
      response.setHeader('Connection', 'close');
      sendJson(
        response,
        413,
        fail('invalid-input', `The request body is larger than ${options.maxBodyBytes} bytes.`),
      );
      return;
    }
    throw error;
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      sendJson(response, 400, fail('invalid-input', `The request body is not valid JSON: ${detail}`));
      return;
    }
  }
  const result = await dispatch(options.handlers, operation, input);
  const status = result.ok ? 200 : STATUS_OF[result.error.code];
  sendJson(response, status, result);
}

function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  staticDir: string,
  path: string,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, 'Method not allowed');
    return;
  }
  const file = readStaticFile(staticDir, path);
  if (file === undefined) {
    sendText(response, 404, `Not found: ${path}`);
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Cache-Control': file.isHtml ? 'no-cache' : 'public, max-age=3600',
    ...(file.isHtml ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const settings = { ...options, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES };
  let port = options.port;
  const server = createServer((request, response) => {
    const verdict = checkRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        'sec-fetch-site': headerValue(request.headers['sec-fetch-site']),
      },
      port,
    );
    if (!verdict.allowed) {
      sendJson(response, 403, fail('forbidden', verdict.reason));
      return;
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const handle = path.startsWith('/api/')
      ? serveApi(request, response, path.slice('/api/'.length), settings)
      : Promise.resolve(serveStatic(request, response, settings.staticDir, path));
    handle.catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) sendJson(response, 500, fail('internal', message));
      else response.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the workbench holds people data and is never exposed to the network.
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done, failed) => {
            server.close((error) => (error ? failed(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
