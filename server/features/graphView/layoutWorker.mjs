// Entry of the layout worker thread. The server is TypeScript, and a worker inherits neither the
// loader of `node --import tsx` nor vitest's, so tsx's loader is registered here first.
import { register } from 'tsx/esm/api';

register();
await import('./layoutWorker.ts');
