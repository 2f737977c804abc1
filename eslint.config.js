import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import { LAYERS } from './tools/lint/layer-table.mjs';
import { layersRule } from './tools/lint/layers.mjs';
import { noIssueNumbersRule } from './tools/lint/no-issue-numbers.mjs';

const nodeOnly = ['node:*', 'fs', 'path', 'child_process', 'os', 'electron', 'execa', 'ws'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Code, comments and test names say what and why; which issue brought them is git's history.
    files: ['**/*.{ts,tsx,mjs,js,cjs}'],
    plugins: { history: { rules: { 'no-issue-numbers': noIssueNumbersRule } } },
    rules: { 'history/no-issue-numbers': 'error' },
  },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.test-d.ts', '**/*.spec.ts', 'test/**', 'e2e/**'],
    plugins: { local: { rules: { layers: layersRule } } },
    rules: {
      'local/layers': ['error', { root: fileURLToPath(new URL('.', import.meta.url)), layers: LAYERS }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer is sandboxed: everything outside the DOM goes through renderer/api.ts.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeOnly,
              message: 'The renderer cannot use Node or Electron APIs; go through renderer/api.ts.',
            },
            { group: ['**/electron/**'], message: 'The renderer may import shared/, never electron/.' },
            {
              // One constant imported from presets.ts once put all of zod in the bundle (+25 KB gz).
              group: [
                'zod',
                '**/shared/presets',
                '**/shared/ipc/contract',
                '**/shared/ipc/schemas',
                '**/shared/ipc/settings',
              ],
              allowTypeImports: true,
              message:
                'Modules that build zod schemas stay out of the window: import their types only, or move the value to a zod-free module.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'shared/ runs in the renderer too: no Node or Electron APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'tools/orbctl-sim/**/*.ts', 'test/helpers/**/*.ts'],
    rules: {
      // The core (and the simulator beside it) run in plain Node: the headless host, tests; only the thin glue
      // in electron/ may use Electron.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron/core must not import Electron.' }] },
      ],
    },
  },
  {
    files: [
      'scripts/**/*.mjs',
      '*.config.{js,ts}',
      'vitest.global-setup.ts',
      'e2e/**/*.ts',
      'electron/**/*.ts',
      'tools/**/*.{ts,mjs}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The desktop rehearsal's Electron stand-in (test only, never shipped) runs in Node.
    files: ['test/**/*.{mjs,cjs,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Stand-in code whose source (or page.evaluate callbacks) runs in a page, and the self-test app's page.
    files: [
      'test/electron-stand-in/lib/page-host.mjs',
      'test/electron-stand-in/lib/web-contents.mjs',
      'test/electron-stand-in/lib/wire.mjs',
      'test/electron-stand-in/self-test/page/**',
      'test/electron-stand-in/self-test/preload.cjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/electron-stand-in/self-test/preload.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // These drive Chromium: the functions they pass to page.evaluate run in the page.
    files: ['tools/bench/bench-ui.mjs', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
