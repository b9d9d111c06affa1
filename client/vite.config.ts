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
    // sigma makes up most of the main bundle; the console's editor chunk (Neo4j's Cypher grammar
    // and CodeMirror, about 1.1 MB) loads only when the console opens. Served locally and cached.
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' } },
  worker: { format: 'es' },
});
