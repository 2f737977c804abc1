// `npm run build`: bundle main, preload, headless host and simulator (esbuild) and the renderer (Vite).
import { buildAll } from './lib/build.mjs';

const ms = await buildAll();
console.log(`Built OrbDeck into dist/ in ${(ms / 1000).toFixed(1)} s`);
