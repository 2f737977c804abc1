import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from app://orbdeck/ in Electron and from the headless host over http, so asset URLs
// are relative. No dev-only eval: the CSP forbids it.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
