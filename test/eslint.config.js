// Lint rules, including the import zones that keep each folder to where its code may run.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream'];
const electronOnly = { name: 'electron', message: 'Only the named shell files (electron/main, preload, window, security, ipc, protocol, report-printer, export-saver) may import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'release/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stripping control characters from documents, names and cells is deliberate here.
      'no-control-regex': 'off',
    },
  },
  {
    // Playwright reads fixture parameters from the destructuring pattern, so `{}` is its idiom.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, { name: 'better-sqlite3', message: 'shared/ is pure: no database.' }],
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure TypeScript that also runs in the browser: no Node modules.' },
          { group: ['**/db/**', '**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
        ],
      }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly],
        patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'db/ is Node only and knows nothing of the shell or the screens.' }],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/window.ts', 'electron/security.ts', 'electron/ipc.ts', 'electron/protocol.ts', 'electron/report-printer.ts', 'electron/export-saver.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [{ group: ['**/renderer/**'], message: 'Node-side code does not import the screens.' }] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    // The build config runs in Node at build time, not in the page.
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, { name: 'better-sqlite3', message: 'The renderer reaches data only through the API client.' }],
        patterns: [
          { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node modules.' },
          { group: ['**/db/**', '**/electron/**'], message: 'The renderer reaches main only through renderer/src/api/client.ts.' },
        ],
      }],
    },
  },
);
