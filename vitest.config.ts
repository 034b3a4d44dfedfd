import { defineConfig } from 'vitest/config';

// Unit, database and API tests. Database tests run once per dialect in DIALECTS (see server/src/test/db.ts).
export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'tools/**/*.test.ts', 'web/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
