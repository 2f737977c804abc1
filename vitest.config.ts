import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    // Most tests wait on simulator processes rather than compute: a third worker on a 2-core machine cuts the
    // run by a third (measured: 160 s with the default, 107 s with 3).
    maxWorkers: 3,
    // Many tests start simulator processes; on a loaded 2-core CI machine one can take longer than vitest's 5 s
    // default without anything being wrong. A real hang still fails, at 30 s.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          typecheck: { enabled: true, include: ['shared/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
          include: [
            'electron/**/*.test.ts',
            'shared/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tools/**/*.test.ts',
            'test/helpers/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/renderer/setup.ts'],
        },
      },
    ],
  },
});
