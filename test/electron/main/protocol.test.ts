import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import {
  APP_SCHEME_PRIVILEGES,
  registerAppScheme,
  rendererFileFor,
  rendererResponder,
  serveRenderer,
} from '../../../electron/main/protocol';
import { contentTypeOf } from '../../../electron/renderer-files';
import { protocol, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let root: string;
let dist: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'workbench-protocol-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Empathy Workbench</title>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log("renderer")');
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
beforeEach(resetFakeElectron);

const get = (url: string, method = 'GET') => rendererResponder(dist)({ url, method });

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
  });

  it('is handled on the given session with protocol.handle', () => {
    serveRenderer(session.defaultSession.protocol as unknown as Protocol, dist);
    expect(session.defaultSession.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('serving the renderer', () => {
  it('serves the entry page and assets with their content type', async () => {
    const page = await get('app://workbench/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Empathy Workbench');
    const script = await get('app://workbench/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://workbench/')).status).toBe(200);
  });

  it('puts the CSP (without unsafe-eval) and nosniff on every response, errors included', async () => {
    const responses = await Promise.all([
      get('app://workbench/index.html'),
      get('app://workbench/missing.js'),
      get('app://workbench/..%2fsecret.txt'),
      get('app://workbench/index.html', 'POST'),
      get('app://workbench/index.html', 'HEAD'),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 404, 403, 405, 200]);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // WebAssembly may be compiled (the SD engine's kernels); JavaScript may not be evaluated.
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://workbench/index.html', 'HEAD');
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://workbench/..%2fsecret.txt',
    'app://workbench/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://workbench/assets/..%2f..%2fsecret.txt',
    'app://workbench/..%5csecret.txt',
    'app://workbench/%00index.html',
    'app://workbench/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('not for the renderer');
  });

  it('maps URLs to files inside dist only', () => {
    expect(rendererFileFor(dist, 'app://workbench/assets/index-abc.js')).toBe(
      join(dist, 'assets', 'index-abc.js'),
    );
    expect(rendererFileFor(dist, 'app://workbench/')).toBe(join(dist, 'index.html'));
    // Dot segments, literal or %2e-encoded, are resolved by the URL parser, so they stay inside dist.
    expect(rendererFileFor(dist, 'app://workbench/assets/../index.html')).toBe(join(dist, 'index.html'));
    expect(rendererFileFor(dist, 'app://workbench/../../secret.txt')).toBe(join(dist, 'secret.txt'));
    expect(rendererFileFor(dist, 'app://workbench/%2e%2e/secret.txt')).toBe(join(dist, 'secret.txt'));
    expect(rendererFileFor(dist, 'app://workbench/..%2fsecret.txt')).toBeUndefined();
    expect(rendererFileFor(dist, 'app://workbench/..%5csecret.txt')).toBeUndefined();
  });

  it('knows the content types of a Vite build', () => {
    expect(contentTypeOf('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('no-extension')).toBe('application/octet-stream');
  });
});
