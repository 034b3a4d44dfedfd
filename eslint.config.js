import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

const moduleNames = readdirSync(new URL('./server/src/modules/', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

// Module boundaries (ARCHITECTURE.md): a module imports another module only through its index.ts, and the
// platform never imports a module.
export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'dist/', 'data/', 'e2e/screenshots/', 'bench/out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', crypto: 'readonly', performance: 'readonly', structuredClone: 'readonly', Intl: 'readonly', window: 'readonly', document: 'readonly', localStorage: 'readonly', navigator: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['server/src/platform/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'Platform code never imports a module.' }] }] },
  },
  // One block per module: it may import another module only through that module's index.ts.
  ...moduleNames.map((name) => ({
    files: [`server/src/modules/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: moduleNames.filter((o) => o !== name).flatMap((o) => ['../', '../../', '../../../'].flatMap((up) => [`${up}${o}/**`, `!${up}${o}/index.js`])),
          message: 'Import another module only through its index.ts (ARCHITECTURE.md: boundaries).',
        }],
      }],
    },
  })),
);
