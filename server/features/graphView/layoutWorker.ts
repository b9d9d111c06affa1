/**
 * Runs computeArrangement off the main thread, so a large graph's layout never holds up a
 * request; progress goes back to the keeper, which logs it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ViewGraph, computeArrangement } from './graphLayout.ts';

const arrangement = computeArrangement(workerData as ViewGraph, (step, done, total) => parentPort!.postMessage({ progress: { step, done, total } }));
parentPort!.postMessage({ arrangement });
