import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const NODE_FOLDERS = ['electron', 'shared', 'scripts', 'tools', 'test/helpers'];
const NODE_TESTS = NODE_FOLDERS.map((folder) => `${folder}/**/*.test.ts`);

/**
 * Test files that replace modules or globals (vi.mock, vi.stubGlobal, …) run each in a fresh module graph; the
 * others share their worker's modules, which spares every file importing the core anew (a third of the
 * suite's CPU time, measured). Decided by reading the files, so a new test lands on the right side by itself.
 */
const REPLACES_MODULES = /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|resetModules)\(/;
const replacingModules = (folders: string[], test: RegExp) =>
  folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((name) => join(folder, name))
      .filter((file) => test.test(file) && REPLACES_MODULES.test(readFileSync(file, 'utf8'))),
  );
const isolatedNodeTests = replacingModules(NODE_FOLDERS, /\.test\.ts$/);
const isolatedRendererTests = replacingModules(['renderer'], /\.test\.tsx?$/);

export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    // One worker per core: the simulator runs inside the workers now, so they compute rather than wait.
    maxWorkers: Number(process.env.ORBDECK_TEST_WORKERS) || availableParallelism(),
    // On a loaded 2-core CI machine a test can take longer than vitest's 5 s default without anything being
    // wrong. A real hang still fails, at 30 s.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          isolate: false,
          setupFiles: ['./test/helpers/file-boundary.ts'],
          include: NODE_TESTS,
          exclude: isolatedNodeTests,
        },
      },
      {
        extends: true,
        test: { name: 'core (isolated)', environment: 'node', include: isolatedNodeTests },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          // Shared modules here too: the set-up file gives every test the stores' first state.
          isolate: false,
          include: ['renderer/**/*.test.{ts,tsx}'],
          exclude: isolatedRendererTests,
          setupFiles: ['./test/helpers/file-boundary.ts', './test/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer (isolated)',
          environment: 'jsdom',
          include: isolatedRendererTests,
          setupFiles: ['./test/renderer/setup.ts'],
        },
      },
    ],
  },
});
