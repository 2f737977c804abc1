import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Loaded by path: the build configuration belongs to the tools' TypeScript project, not the core's.
const CONFIG = resolve(__dirname, '../../vite.config.ts');

async function viteConfig(): Promise<{ build?: { sourcemap?: unknown } }> {
  vi.resetModules();
  return ((await import(/* @vite-ignore */ CONFIG)) as { default: { build?: { sourcemap?: unknown } } })
    .default;
}

afterEach(() => void vi.unstubAllEnvs());

describe('the renderer bundle the host serves', () => {
  it('is built without source maps (neither the files nor the links to them)', async () => {
    vi.stubEnv('ORBDECK_SOURCEMAPS', '');
    expect((await viteConfig()).build?.sourcemap).toBe(false);
  });

  it('gets them only when a developer asks', async () => {
    vi.stubEnv('ORBDECK_SOURCEMAPS', '1');
    expect((await viteConfig()).build?.sourcemap).toBe(true);
  });
});
