import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests (run by e2e/run.mjs): one app started by the global setup, files one after another (the
// machine has 2 cores and chromium is heavy), generous timeouts for first page loads.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
