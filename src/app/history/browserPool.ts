// The explorer across the browser's cores: one Web Worker (explore.worker.ts) per core, behind the
// pool's WorkerPort. Workers are created only when a pool is made, so importing this costs nothing.
import { ExplorePool, type FromWorker, type WorkerPort } from './pool';

/** A pool of explorer Web Workers (default: one per core the browser reports, 1 to 8). */
export function createBrowserPool(workers = defaultWorkers()): ExplorePool {
  const ports: WorkerPort[] = [];
  for (let k = 0; k < workers; k++) {
    const w = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module' });
    ports.push({
      post: msg => w.postMessage(msg),
      onMessage: f => {
        w.onmessage = (e: MessageEvent<FromWorker>) => f(e.data);
      },
      onError: f => {
        w.onerror = e => f(e.message || 'the worker stopped');
      },
      terminate: () => w.terminate(),
    });
  }
  return new ExplorePool(ports);
}

function defaultWorkers(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(8, n || 2));
}
