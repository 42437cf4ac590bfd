import { defineConfig } from 'vitest/config';

// Unit and integration tests only: Playwright's end-to-end specs live in test/e2e and run under `playwright test`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
