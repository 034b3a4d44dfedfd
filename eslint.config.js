import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/*/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../modules/*/*', '../*/*.repository.js', '../*/*.service.js', '../*/*.table.js', '../*/routes/*', '../../*/*.repository.js'], message: 'Import another module only through its index.ts.' }] }],
    },
  },
);
