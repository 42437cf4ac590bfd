import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/handlers';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    call.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the socket right after refusing an oversized body.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE')
        resolve({ status: -1, headers: {}, body: '' });
      else reject(error);
    });
    if (options.body !== undefined) call.write(options.body);
    call.end();
  });
}

const json = { 'content-type': 'application/json' };

describe('web host over real HTTP and a real workspace', () => {
  let dir: string;
  let workspace: Workspace;
  let server: WebServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'empathy-web-'));
    const staticDir = join(dir, 'dist');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    workspace = openWorkspace({ dataDir: join(dir, 'data') });
    server = await startWebServer({
      handlers: createHandlers({ workspace, host: 'web' }),
      staticDir,
      port: 0,
      maxBodyBytes: 1024,
    });
  });

  afterAll(async () => {
    await server.close();
    workspace.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer with the Content Security Policy and no unsafe-eval', async () => {
    const reply = await send(server.port, '/');
    expect(reply.status).toBe(200);
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('runs operations: create, list, and errors as data', async () => {
    const created = await send(server.port, '/api/projects.create', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: '  Care pilot ' }),
    });
    expect(created.status).toBe(200);
    const project = JSON.parse(created.body) as { ok: true; value: { id: string; name: string } };
    expect(project.ok).toBe(true);
    expect(project.value.name).toBe('Care pilot');

    const listed = JSON.parse(
      (await send(server.port, '/api/projects.list', { method: 'POST', headers: json, body: '{}' })).body,
    ) as {
      value: { name: string }[];
    };
    expect(listed.value.map((entry) => entry.name)).toEqual(['Care pilot']);

    const clash = await send(server.port, '/api/projects.create', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'care PILOT' }),
    });
    expect(clash.status).toBe(409);
    expect(JSON.parse(clash.body)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const invalid = await send(server.port, '/api/projects.rename', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'nope', name: '' }),
    });
    expect(invalid.status).toBe(400);
    const failure = JSON.parse(invalid.body) as { ok: false; error: { code: string; message: string } };
    expect(failure.error.code).toBe('invalid-input');
    expect(failure.error.message).toContain('id');
    expect(failure.error.message).toContain('name');

    const unknown = await send(server.port, '/api/projects.explode', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
  });

  it('refuses a foreign Host or Origin', async () => {
    const foreignHost = await send(server.port, '/api/projects.list', {
      method: 'POST',
      headers: { ...json, host: 'attacker.example' },
      body: '{}',
    });
    expect(foreignHost.status).toBe(403);
    const foreignOrigin = await send(server.port, '/api/projects.list', {
      method: 'POST',
      headers: { ...json, origin: 'https://attacker.example' },
      body: '{}',
    });
    expect(foreignOrigin.status).toBe(403);
    expect(JSON.parse(foreignOrigin.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses bodies over the size limit, bad JSON, and non-JSON content', async () => {
    const big = await send(server.port, '/api/projects.create', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'x'.repeat(5000) }),
    });
    expect(big.status).toBe(413);
    const badJson = await send(server.port, '/api/projects.create', {
      method: 'POST',
      headers: json,
      body: '{"name":',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const form = await send(server.port, '/api/projects.create', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    });
    expect(form.status).toBe(415);
    const get = await send(server.port, '/api/projects.list');
    expect(get.status).toBe(405);
  });
});
