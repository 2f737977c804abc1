import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built simulator (dist/sim/orbctl-sim.mjs, built by vitest's global setup and by `npm run build`). */
export const SIM_PATH = resolve(fileURLToPath(new URL('../../dist/sim/orbctl-sim.mjs', import.meta.url)));
