import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure code (API client, formats, role checks, navigation), run in node:
// `npx vitest run --config web/vitest.web.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { include: ['web/src/**/*.test.ts'], environment: 'node' },
});
