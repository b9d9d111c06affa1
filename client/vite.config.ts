import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  build: {
    outDir: path.resolve(here, '..', 'dist', 'client'),
    emptyOutDir: true,
    sourcemap: true,
    // sigma and CodeMirror make up most of the bundle; it is served locally, once, and cached.
    chunkSizeWarningLimit: 1000,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
  worker: { format: 'es' },
});
