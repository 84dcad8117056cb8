import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the renderer into dist/renderer. `base: './'` keeps asset URLs relative, so the same
 * build loads from a custom protocol, from file:// or from a test server.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron 45 ships Chromium 140.
    target: 'chrome140',
    sourcemap: true,
  },
});
