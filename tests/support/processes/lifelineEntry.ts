/**
 * `server/main.ts` tied to its parent: when the parent goes away, even by SIGKILL, its end of
 * stdin closes and the app gets the SIGTERM that stops it cleanly (and its Neo4j with it), so
 * a benchmark, fuzz or soak run killed half-way leaves nothing running.
 */
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
await import('../../../server/main.ts');
