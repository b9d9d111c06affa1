/** Where the checkout's parts live on disk, for the app, its tools, the tests and the benchmarks. */
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** The explorer's sources (Vite's root) and where `vite build` writes them for the app to serve. */
export const CLIENT_SRC = path.join(REPO_ROOT, 'client');
export const CLIENT_DIST = path.join(REPO_ROOT, 'dist', 'client');
export const CYPHER_DIR = path.join(REPO_ROOT, 'cypher');
/** The API docs page (server/http/docs/), served at /api/docs. */
export const DOCS_DIR = path.join(REPO_ROOT, 'server', 'http', 'docs');
