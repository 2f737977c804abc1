// An upload a job works from is held by that job (not deleted for age) and released when the job ends: the
// wiring between the transfer handlers and the upload store, through the real core and the simulator.
import { inProcessLauncher } from '../../test/helpers/in-process-launcher';
import { SIM_PATH as SIM } from '../../test/helpers/sim';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../core/app-core';
import { UploadStore } from './uploads';

let core: Core | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

it('a push from an upload holds it while the job runs and releases it after', async () => {
  const data = mkdtempSync(join(tmpdir(), 'orbdeck-upload-use-'));
  const uploads = new UploadStore(join(data, 'uploads'));
  core = createCore({
    version: '0.0.0-test',
    dataDir: data,
    demo: true,
    simBinary: SIM,
    simLauncher: inProcessLauncher(),
    uploads,
    env: {
      ...process.env,
      ORBCTL_SIM_HOME: join(data, 'sim'),
      ORBCTL_SIM_SEED: 'demo',
      ORBCTL_SIM_SPEED: '50',
    },
  });
  const hold = vi.spyOn(uploads, 'hold');
  const { path } = await uploads.receive(Readable.from([Buffer.from('hi')]), 'note.txt', 2);
  const reply = await core.router.invoke(
    'machine:push',
    { name: 'ubuntu', paths: [path] },
    { transport: 'headless', client: 'test' },
  );
  expect(reply).toMatchObject({ ok: true });
  expect(hold).toHaveBeenCalledWith(path);
  await core.jobs.whenIdle();
  expect(uploads.isUpload(path)).toBe(false);
}, 20_000);
