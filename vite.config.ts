// Vite config of the dashboard only (src/web → dist/web); the test runner has its own vitest.config.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'src/web'),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // sigma, graphology, vis-timeline and moment make one ~700 kB chunk; it is served locally, once.
    chunkSizeWarningLimit: 1500,
  },
});
