import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The real entry point (dist/headless/serve.mjs, built by vitest's global setup), as
// `npm run serve -- --demo --no-open` runs it.
const SERVE = resolve(__dirname, '../../dist/headless/serve.mjs');

function get(port: number): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('npm run serve', () => {
  it('prints exactly one line with the address, serves, and stops cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const data = mkdtempSync(join(tmpdir(), 'orbdeck-serve-'));
      const child = spawn(process.execPath, [SERVE, '--demo', '--no-open', '--port', '0'], {
        env: {
          ...process.env,
          ORBDECK_DATA_DIR: data,
          ORBCTL_SIM_HOME: join(data, 'sim'),
          ORBCTL_SIM_SEED: 'demo',
        },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      await new Promise<void>((ok) => {
        const check = () => (/\n/.test(out) ? ok() : setTimeout(check, 20));
        check();
      });
      const port = Number(/127\.0\.0\.1:(\d+)\//.exec(out)![1]);
      // It answers HTTP (the renderer's files may not be built when this runs alone: 404 is an answer too).
      expect([200, 404]).toContain(await get(port));
      const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(out.trim().split('\n')).toHaveLength(1);
      expect(out).toMatch(/^OrbDeck \(demo\) is ready at http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+\n$/);
      await expect(get(port)).rejects.toThrow();
    }
  }, 60_000);
});
