import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds the neovis.js comparison page into bench/data (git-ignored). */
export default defineConfig({
  root: here,
  base: '/neovis/',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '..', 'data', 'neovis-page'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: path.join(here, 'neovis.html') },
    chunkSizeWarningLimit: 5000,
  },
});
