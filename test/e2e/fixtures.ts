import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startWebHost, type RunningHost } from './web-host';

/** Hosts a page of the workbench may talk to: the web host only listens on loopback (issue 11: nothing leaves the machine). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a request stays on the machine: the page's own host (any loopback port, since a test may start a second
 * host), or a URL that never touches the network (data:, blob: from downloads and workers, about:).
 */
export function staysOnMachine(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** Records every request a page makes (including its workers') that would leave the machine. */
export function watchOffMachineRequests(page: Page): string[] {
  const offMachine: string[] = [];
  page.context().on('request', (request) => {
    if (!staysOnMachine(request.url())) offMachine.push(request.url());
  });
  return offMachine;
}

/**
 * Every test gets its own data folder and its own web host, so no test sees another's workspace. Every test also
 * checks, after it has run, that the renderer made no request off the machine: the whole end-to-end suite doubles
 * as proof of "no telemetry, no network calls".
 */
export const test = base.extend<{
  dataDir: string;
  host: RunningHost;
  /** A web host whose new workspace has the sample project (started only by the tests that ask for it). */
  sampleHost: RunningHost;
  offMachineGuard: undefined;
}>({
  // Playwright fixtures take their dependencies as a destructured first argument, even when empty.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'empathy-e2e-'));
    await use(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startWebHost(dataDir);
    await use(host);
    await host.stop();
  },
  sampleHost: async ({ dataDir }, use) => {
    const host = await startWebHost(dataDir, { samples: true });
    await use(host);
    await host.stop();
  },
  offMachineGuard: [
    async ({ page }, use) => {
      const offMachine = watchOffMachineRequests(page);
      await use(undefined);
      if (offMachine.length > 0) {
        throw new Error(`The renderer made requests off the machine: ${offMachine.join(', ')}`);
      }
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
