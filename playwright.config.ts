import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (never `npx playwright install`: it downloads a browser, which these
 * machines cannot). Each test starts its own web host on a free port with a fresh data folder
 * (test/e2e/fixtures.ts); the global setup builds the renderer once.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  // The machines are shared and noisy: a step that takes a second alone can take several under load. These are
  // ceilings for waiting, never measures of speed (those are `npm run bench`). In CI a test that fails is run
  // once more; one that passes only then is listed as flaky at the end of `npm test` (scripts/test-all.mjs).
  retries: process.env['CI'] ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
