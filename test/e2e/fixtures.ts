import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startWebHost, type RunningHost } from './web-host';

/** Every test gets its own data folder and its own web host, so no test sees another's workspace. */
export const test = base.extend<{ dataDir: string; host: RunningHost }>({
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
});

export { expect } from '@playwright/test';
