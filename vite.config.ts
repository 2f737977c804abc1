import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from app://orbdeck/ in Electron and from the headless host over http, so asset URLs
// are relative. No dev-only eval: the CSP forbids it. No source maps in what ships (they would hand the sources
// to anyone who can load the page); a developer who wants them builds with ORBDECK_SOURCEMAPS=1.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: process.env.ORBDECK_SOURCEMAPS === '1',
  },
});
